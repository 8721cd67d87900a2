"""
What every error response leaves behind: a count, a Prometheus sample and one
JSON log line. Called once per error by catalog.errors.formatter.error_body; no network
and no query (the counts are flushed by a thread, see catalog/telemetry/counting.py).
"""

import logging
import sys
import time

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject, empty

from catalog.conf import catalog_settings
from catalog.errors.requests import request_id_get
from catalog.telemetry.counting import error_count
from catalog.telemetry.metrics import metrics_error_served
from catalog.types import ApiError

logger = logging.getLogger("catalog.errors")

UNMATCHED_ROUTE = "<unmatched>"
STARTED_ATTRIBUTE = "catalog_started"
LOGGED_ATTRIBUTE = "catalog_logged"  # set once the JSON line has logged the request's error


def error_served(request: HttpRequest, error: ApiError, *, gap: bool) -> None:
    """Count and log one error response."""
    if not getattr(request, "catalog_counted", True):
        return  # reference-page examples and admin previews are not served errors
    route = request_route(request)
    if catalog_settings.COUNTING:
        error_count(status=error.status, code=error.code, route=route)
        metrics_error_served(status=error.status, code=error.code, gap=gap)
    if logger.isEnabledFor(logging.INFO):
        _log(request, error, route=route, gap=gap)


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


def _log(request: HttpRequest, error: ApiError, *, route: str, gap: bool) -> None:
    started = getattr(request, STARTED_ATTRIBUTE, None)
    duration = round((time.perf_counter() - started) * 1000, 2) if started else None
    fields = {
        "requestId": request_id_get(request),
        "status": error.status,
        "code": error.code,
        "route": route,
        "method": request.method,
        "userId": request_user_id(request),
        "durationMs": duration,
        "catalogGap": gap,
    }
    server_error = error.status >= 500
    exc_info = sys.exc_info() if server_error and sys.exc_info()[0] is not None else None
    logger.log(
        logging.ERROR if server_error else logging.INFO,
        "error response %s %s",
        error.status,
        error.code,
        extra=fields,
        exc_info=exc_info,
    )
    setattr(request, LOGGED_ATTRIBUTE, True)
