"""
Turning an exception into an ApiError: which catalog status and reason it is.

Anything not recognised here is an unhandled error and becomes a 500
``server_error``; its text never reaches the client.
"""

import functools
import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from django.core import exceptions as django_exceptions
from django.db import InterfaceError, OperationalError
from django.http import Http404
from django.utils.module_loading import import_string
from django_ratelimit.exceptions import Ratelimited
from rest_framework import exceptions as drf_exceptions
from rest_framework.serializers import as_serializer_error

from catalog.conf import catalog_settings
from catalog.errors.challenge import BEARER_ERRORS  # RFC 6750 3.1
from catalog.exceptions import CatalogException
from catalog.types import ApiError, FieldError

DEFAULT_RESOURCE = "resource"

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
    for exception_class, (status, code) in _mapped():
        if isinstance(exc, exception_class):
            return ApiError(status, code, params=params)
    if isinstance(exc, Ratelimited):
        wait = getattr(exc, "wait", None) or catalog_settings.RETRY_AFTER
        return ApiError(429, "rate_limited", headers={"Retry-After": str(wait)})
    if isinstance(exc, Http404):
        return ApiError(404, "not_found", params=params)
    if isinstance(exc, django_exceptions.PermissionDenied):
        return ApiError(403, "permission_denied")
    if isinstance(exc, django_exceptions.ValidationError):
        detail = as_serializer_error(exc)
        error = ApiError(400, "invalid", params=params)
        validation_errors(error, detail)
        return error
    if isinstance(exc, django_exceptions.RequestDataTooBig):
        return ApiError(400, "request_too_large")
    if isinstance(exc, django_exceptions.SuspiciousOperation):
        return ApiError(400, "bad_request")
    if isinstance(exc, UNAVAILABLE_ERRORS):
        return service_unavailable_error()
    if isinstance(exc, drf_exceptions.APIException):
        return _from_api_exception(exc, params)
    return ApiError(500, "server_error")


def _mapped() -> tuple[tuple[type[BaseException], tuple[int, str]], ...]:
    """CATALOG_EXCEPTIONS, or nothing when it can't be used (catalog.E003 says why)."""
    try:
        return mapped_exceptions(catalog_settings.EXCEPTIONS_ITEMS)
    except (ImportError, TypeError, ValueError):
        return ()


@functools.lru_cache(maxsize=8)
def mapped_exceptions(
    items: tuple[tuple[str, tuple[int, str]], ...],
) -> tuple[tuple[type[BaseException], tuple[int, str]], ...]:
    """CATALOG_EXCEPTIONS with its classes imported (once per value of the setting)."""
    return tuple((import_string(path), (int(status), str(code))) for path, (status, code) in items)


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
    """
    DRF's own decisions, kept: the status (DRF already made a 401 without a challenge
    a 403), WWW-Authenticate, Retry-After and the raised code; the catalog adds words.
    """
    error = ApiError(exc.status_code, exception_code(exc), params=params)
    if isinstance(exc, drf_exceptions.ValidationError):
        validation_errors(error, exc.detail)
    else:
        _detail_set(error, exc)
    auth_header = getattr(exc, "auth_header", None)
    if auth_header:
        error.headers["WWW-Authenticate"] = auth_header
    wait = getattr(exc, "wait", None)
    if wait:
        error.headers["Retry-After"] = str(int(wait))  # as DRF's handler writes it ("%d")
    if error.code in BEARER_ERRORS:
        error.oauth_error = error.code  # RFC 6750's own codes, raised as such
    elif isinstance(exc, drf_exceptions.NotAuthenticated):
        error.oauth_error = "unauthorized"  # on bearer and OAuth requests only
    elif exc.status_code == 401:
        error.oauth_error = "invalid_token"
    if isinstance(exc, CatalogException):
        error.params.update(exc.params)
        if exc.retry_after is not None or exc.status_code == 503:
            error.headers["Retry-After"] = str(exc.retry_after or catalog_settings.RETRY_AFTER)
    return error


def exception_code(exc: drf_exceptions.APIException) -> str:
    """
    The code the exception was raised with (``NotFound(code="article_not_found")``),
    else its default code; a dict detail's own "code" (simplejwt's token_not_valid).
    """
    detail = exc.detail
    if isinstance(detail, Mapping) and isinstance(detail.get("code"), str):
        return str(detail["code"])
    code = getattr(detail, "code", None)
    return str(code or exc.default_code)


def _detail_set(error: ApiError, exc: drf_exceptions.APIException) -> None:
    """The exception's message, and whether the raising code gave it (not DRF's default)."""
    detail: Any = exc.detail
    if isinstance(detail, Mapping):
        detail = detail.get("detail")
    if not isinstance(detail, str):
        return
    error.detail = error.params["detail"] = str(detail)
    exception_class: Any = type(exc)
    error.custom_detail = is_custom_detail(exception_class, error.detail)


@functools.lru_cache(maxsize=256)
def is_custom_detail(exception_class: Any, detail: str) -> bool:
    """
    Whether a message is the raising code's own rather than DRF's default. DRF fills
    its defaults ('Method "{method}" not allowed.', Throttled's wait): those start as
    the default does. Cached per message, since translating the default costs more
    than the rest of the conversion; a message a language's default starts with is
    taken as a default in any language.
    """
    default = str(exception_class.default_detail)
    return not detail.startswith(default.split("{", 1)[0].strip() or "\0")


def validation_errors(error: ApiError, detail: Any) -> None:
    """
    A validation error's messages on ``error``: ``errors``, one string per field as
    Morpheus returns them (the CLI prints ``* key: message``), and ``field_errors``,
    each message with DRF's code. At most CATALOG_MAX_FIELD_ERRORS messages are kept;
    ``errors_omitted`` says how many more there were.
    """
    limit = catalog_settings.MAX_FIELD_ERRORS
    messages = _field_errors(detail)
    error.field_errors = list(itertools.islice(messages, limit))
    error.errors_omitted = sum(1 for _ in messages)
    for field_error in error.field_errors:
        field, message = field_error["field"], field_error["message"]
        error.errors[field] = (
            f"{error.errors[field]} {message}" if field in error.errors else message
        )


def flatten_errors(detail: Any) -> dict[str, str]:
    """Field errors as Morpheus returns them: one message per field, nested as parent.key."""
    error = ApiError(400, "invalid")
    validation_errors(error, detail)
    return error.errors


def _field_errors(detail: Any, prefix: str = "") -> Iterator[FieldError]:
    """Each message of a (nested) validation detail, its field named as in ``errors``."""
    if isinstance(detail, Mapping):
        items: Iterable[tuple[str, Any]] = ((str(key), value) for key, value in detail.items())
    elif isinstance(detail, list) and any(isinstance(item, (Mapping, list)) for item in detail):
        items = ((str(index), value) for index, value in enumerate(detail) if value)
    else:
        field = prefix or "non_field_errors"
        for message in detail if isinstance(detail, list) else [detail]:
            code = str(getattr(message, "code", None) or "invalid")
            yield {"field": field, "code": code, "message": str(message)}
        return
    for key, value in items:
        if key == "non_field_errors" and prefix:
            key = ""
        yield from _field_errors(value, f"{prefix}.{key}".strip(".") if key else prefix)
