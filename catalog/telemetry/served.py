"""
What every error response leaves behind: a count, a Prometheus sample, an entry
in the request log (catalog/telemetry/request_log.py), and the
catalog's fields on the one record Django writes for it (django.request's
log_response). The app writes no log line of its own: how the record looks is the
project's logging configuration. Called once per error, at the response's finishing
step (catalog.errors.formatter.error_response_finish); no network and no query (the
counts are flushed by a thread, see catalog/telemetry/counting.py).
"""

import logging
import sys
import time
from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.functional import SimpleLazyObject, empty
from django.utils.log import log_response, request_logger

from catalog.conf import catalog_settings
from catalog.errors import snapshot
from catalog.errors.requests import STARTED_ATTRIBUTE, request_id_get
from catalog.telemetry.counting import error_count
from catalog.telemetry.metrics import metrics_error_served
from catalog.telemetry.request_log import sent_of, served_errors_pending
from catalog.types import ApiError

UNMATCHED_ROUTE = "<unmatched>"


def error_served(
    request: HttpRequest,
    response: HttpResponseBase,
    error: ApiError,
    *,
    gap: bool,
    language: str,
) -> None:
    """Count one error response, and have Django log it once, with the catalog's fields."""
    if not getattr(request, "catalog_counted", True):
        return  # reference-page examples and admin previews are not served errors
    route = request_route(request)
    request_id, user_id = request_id_get(request), request_user_id(request)
    if catalog_settings.COUNTING:
        error_count(status=error.status, code=error.code, route=route)
        metrics_error_served(status=error.status, code=error.code, gap=gap)
        # The request log: what the client got, never the request's body (request_log.py).
        sent = sent_of(
            request, response, request_id=request_id, user_id=user_id, language=language, gap=gap
        )
        served_errors_pending.append((time.time(), sent, error, route, snapshot._snapshot.catalog))
    server_error = error.status >= 500
    if request_logger.isEnabledFor(logging.ERROR if server_error else logging.WARNING):
        fields = log_fields(
            request, error, route=route, gap=gap, request_id=request_id, user_id=user_id
        )
        log_response(
            "%s: %s",
            response.reason_phrase,
            request.path,
            response=response,  # type: ignore[arg-type]  # any response: Django reads status_code
            request=request,
            logger=_WithFields(fields),  # type: ignore[arg-type]
            exception=sys.exc_info()[1] if server_error else None,  # 5xx keep the traceback
        )


class _WithFields:
    """
    Django's request logger as log_response() calls it (warning or error), adding the
    catalog's fields to the extra Django gives. Not a LoggerAdapter: this is cheaper,
    and the record names log_response() as its caller, as Django's own records do.
    """

    __slots__ = ("fields",)

    def __init__(self, fields: dict[str, Any]) -> None:
        self.fields = fields

    def warning(self, msg: str, *args: Any, extra: Mapping[str, Any], **kwargs: Any) -> None:
        request_logger.warning(msg, *args, extra={**extra, **self.fields}, stacklevel=2, **kwargs)

    def error(self, msg: str, *args: Any, extra: Mapping[str, Any], **kwargs: Any) -> None:
        request_logger.error(msg, *args, extra={**extra, **self.fields}, stacklevel=2, **kwargs)


def log_fields(
    request: HttpRequest,
    error: ApiError,
    *,
    route: str,
    gap: bool,
    request_id: str,
    user_id: int | str | None,
) -> dict[str, Any]:
    """requestId, status, code, route, method, userId, durationMs, catalogGap."""
    started = getattr(request, STARTED_ATTRIBUTE, None)
    return {
        "requestId": request_id,
        "status": error.status,
        "code": error.code,
        "route": route,
        "method": request.method,
        "userId": user_id,
        "durationMs": round((time.perf_counter() - started) * 1000, 2) if started else None,
        "catalogGap": gap,
    }


def request_route(request: HttpRequest) -> str:
    """The URL pattern the request matched (never the raw path), or <unmatched>."""
    match = getattr(request, "resolver_match", None)
    return str(match.route) if match is not None and match.route else UNMATCHED_ROUTE


def request_user_id(request: HttpRequest) -> int | str | None:
    """The user's id when the request was authenticated already; never queries for it."""
    # A DRF Request keeps the authenticated user in _user (and sets it on the Django request).
    user = request.__dict__.get("_user") or request.__dict__.get("user")
    django_request = request.__dict__.get("_request")
    if user is None and django_request is not None:
        user = django_request.__dict__.get("user")
    if isinstance(user, SimpleLazyObject) and user._wrapped is empty:
        return None  # not looked at by anyone: looking now could cost a query
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    pk = getattr(user, "pk", None)
    return pk if isinstance(pk, int | str) else None
