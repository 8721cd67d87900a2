"""
Turning an exception into an ApiError: which catalog status and reason it is.

Anything not recognised here is an unhandled error and becomes a 500
``server_error``; its text never reaches the client.
"""

import math
from collections.abc import Mapping
from typing import Any

from django.core import exceptions as django_exceptions
from django.db import InterfaceError, OperationalError
from django.http import Http404
from django_ratelimit.exceptions import Ratelimited
from rest_framework import exceptions as drf_exceptions
from rest_framework.serializers import as_serializer_error

from catalog.conf import catalog_settings
from catalog.exceptions import CatalogException, InvalidParameters
from catalog.types import ApiError

DEFAULT_RESOURCE = "resource"
TOKEN_CODES = {"invalid_token", "token_expired"}

try:  # Django's Redis cache raises redis-py's own errors when Redis is unreachable.
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    CACHE_ERRORS: tuple[type[Exception], ...] = (RedisConnectionError, RedisTimeoutError)
except ImportError:  # pragma: no cover (a project without Redis)
    CACHE_ERRORS = ()
# A database or cache that does not answer: 503 service_unavailable, never a 500.
UNAVAILABLE_ERRORS: tuple[type[Exception], ...] = (OperationalError, InterfaceError, *CACHE_ERRORS)


def api_error_from_exception(exc: BaseException, *, resource: str | None = None) -> ApiError:
    """The catalog error for an exception raised while handling an API request."""
    params = {"resource": resource or DEFAULT_RESOURCE}
    if isinstance(exc, Ratelimited):
        wait = getattr(exc, "wait", None) or catalog_settings.RETRY_AFTER
        return ApiError(429, "rate_limited", headers={"Retry-After": str(wait)})
    if isinstance(exc, Http404):
        return ApiError(404, "not_found", params=params)
    if isinstance(exc, django_exceptions.PermissionDenied):
        return ApiError(403, "permission_denied")
    if isinstance(exc, django_exceptions.ValidationError):
        detail = as_serializer_error(exc)
        return ApiError(400, "invalid", params=params, errors=flatten_errors(detail))
    if isinstance(exc, django_exceptions.RequestDataTooBig):
        return ApiError(400, "request_too_large")
    if isinstance(exc, django_exceptions.SuspiciousOperation):
        return ApiError(400, "bad_request")
    if isinstance(exc, UNAVAILABLE_ERRORS):
        return service_unavailable_error()
    if isinstance(exc, drf_exceptions.APIException):
        return _from_api_exception(exc, params)
    return ApiError(500, "server_error")


def view_resource_name(view: Any) -> str | None:
    """What a view serves, for {resource}: its catalog_resource, else its model's name."""
    name = getattr(view, "catalog_resource", None)
    queryset = getattr(view, "queryset", None)
    if name is None and queryset is not None:
        name = queryset.model._meta.verbose_name
    return str(name) if name else None


def service_unavailable_error() -> ApiError:
    retry_after = str(catalog_settings.RETRY_AFTER)
    return ApiError(503, "service_unavailable", headers={"Retry-After": retry_after})


def _from_api_exception(exc: drf_exceptions.APIException, params: dict[str, Any]) -> ApiError:
    status = exc.status_code
    code = str(exc.default_code)
    error = ApiError(status, code, params=params)
    if isinstance(exc, drf_exceptions.ValidationError):
        error.code = "invalid_parameters" if isinstance(exc, InvalidParameters) else "invalid"
        error.errors = flatten_errors(exc.detail)
    elif isinstance(exc, drf_exceptions.ParseError):
        error.code = "parse_error"
    elif isinstance(exc, (drf_exceptions.NotAuthenticated, drf_exceptions.AuthenticationFailed)):
        _authentication_error(exc, error)
    elif isinstance(exc, drf_exceptions.Throttled):
        error.code = "rate_limited"
        wait = getattr(exc, "wait", None)
        wait = math.ceil(wait) if wait is not None else catalog_settings.RETRY_AFTER
        error.headers["Retry-After"] = str(max(1, wait))
    if isinstance(exc, CatalogException):
        error.params.update(exc.params)
        if exc.retry_after is not None or status == 503:
            error.headers["Retry-After"] = str(exc.retry_after or catalog_settings.RETRY_AFTER)
    return error


def _authentication_error(exc: drf_exceptions.APIException, error: ApiError) -> None:
    # DRF turns 401 into 403 when the view has no authenticator with a challenge;
    # the contract is a 401 with WWW-Authenticate either way.
    error.status = 401
    if isinstance(exc, drf_exceptions.NotAuthenticated):
        error.code, error.oauth_error = "not_authenticated", "unauthorized"
    else:
        codes = exc.get_codes()
        error.code = codes if isinstance(codes, str) and codes in TOKEN_CODES else "invalid_token"
        error.oauth_error = "invalid_token"
    challenge = getattr(exc, "auth_header", None) or catalog_settings.WWW_AUTHENTICATE
    if error.oauth_error == "invalid_token" and "error=" not in challenge:
        challenge += ', error="invalid_token"'
    error.headers["WWW-Authenticate"] = challenge


def flatten_errors(detail: Any, prefix: str = "") -> dict[str, str]:
    """
    Field errors as Morpheus returns them: one message per field, nested
    serializers as ``parent.key`` (the Morpheus CLI prints ``* key: message``).
    """
    if isinstance(detail, Mapping):
        items: list[tuple[str, Any]] = [(str(key), value) for key, value in detail.items()]
    elif isinstance(detail, list) and any(isinstance(item, (Mapping, list)) for item in detail):
        items = [(str(index), value) for index, value in enumerate(detail) if value]
    else:
        messages = detail if isinstance(detail, list) else [detail]
        return {prefix or "non_field_errors": " ".join(str(message) for message in messages)}
    flat: dict[str, str] = {}
    for key, value in items:
        if key == "non_field_errors" and prefix:
            key = ""
        flat.update(flatten_errors(value, f"{prefix}.{key}".strip(".") if key else prefix))
    return flat
