"""
Exceptions for the catalog's statuses that DRF has no class for.

As in rest_framework.exceptions, each only sets status_code, default_detail and
default_code; default_code is the catalog reason's code. Keyword arguments fill
the reason's placeholders: ``raise Gone(resource="instance")``.
"""

from typing import Any

from django_ratelimit.exceptions import Ratelimited
from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError


class CatalogException(APIException):
    retry_after: int | None = None

    def __init__(self, detail: str | None = None, code: str | None = None, **params: Any) -> None:
        super().__init__(detail, code)
        self.params = params


class Gone(CatalogException):
    status_code = status.HTTP_410_GONE
    default_detail = "The entity requested has been removed from our servers."
    default_code = "gone"


class Teapot(CatalogException):
    status_code = 418
    default_detail = "I'm a teapot."
    default_code = "teapot"


class ServiceUnavailable(CatalogException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "We're temporarily offline for maintenance. Please try again later."
    default_code = "service_unavailable"

    def __init__(self, *args: Any, retry_after: int | None = None, **params: Any) -> None:
        super().__init__(*args, **params)
        self.retry_after = retry_after


class Maintenance(ServiceUnavailable):
    default_code = "maintenance"


class InvalidParameters(ValidationError):
    """Query parameters that can't be used; ``errors`` names each one."""

    default_code = "invalid_parameters"


class RateLimited(Ratelimited):  # type: ignore[misc]
    """django-ratelimit's exception, with the seconds left in the window."""

    def __init__(self, wait: int) -> None:
        super().__init__()
        self.wait = max(1, wait)
