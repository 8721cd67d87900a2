import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from catalog.conf import catalog_settings
from catalog.errors.formatter import error_response
from catalog.errors.languages import language_from_path
from catalog.errors.requests import (
    REQUEST_ID_HEADER,
    STARTED_ATTRIBUTE,
    is_api_request,
    request_id_get,
)
from catalog.errors.snapshot import catalog_get
from catalog.types import ApiError


class RequestIdMiddleware:
    """Gives every request an id, echoed in X-Request-ID and in the error body."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        setattr(request, STARTED_ATTRIBUTE, time.perf_counter())
        request_id = request_id_get(request)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response


DISCARD_CHUNK = 64 * 1024
DISCARD_FACTOR = 8  # bodies up to 8x the limit are read and dropped


class RequestSizeLimitMiddleware:
    """
    Refuses API bodies over DATA_UPLOAD_MAX_MEMORY_SIZE before they are read.

    Django enforces the limit for form bodies only; DRF's JSON parser reads the
    stream directly.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        length = _content_length(request)
        if limit is not None and is_api_request(request) and length > limit:
            _discard_body(request, length=length, limit=limit)
            return error_response(request, ApiError(400, "request_too_large"))
        return self.get_response(request)


def _discard_body(request: HttpRequest, *, length: int, limit: int) -> None:
    """
    Read a moderately oversized body before answering, so that the client, still
    sending, gets the 400 instead of a broken pipe. Far larger ones are not read.
    """
    if length > DISCARD_FACTOR * limit:
        return
    for _ in range(length // DISCARD_CHUNK + 1):
        if not request.read(DISCARD_CHUNK):
            break


def _content_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class MaintenanceModeMiddleware:
    """
    While maintenance mode is on, API requests answer 503 ``maintenance`` with
    Retry-After; the admin, the reference page and the exempt paths keep working.
    The switch is part of the catalog snapshot: no query per request.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        retry_after = catalog_get().maintenance_retry_after
        if retry_after is not None and self.applies_to(request):
            error = ApiError(503, "maintenance", headers={"Retry-After": str(retry_after)})
            return error_response(request, error)
        return self.get_response(request)

    def applies_to(self, request: HttpRequest) -> bool:
        path = request.path_info
        prefixes = tuple(catalog_settings.MAINTENANCE_PATH_PREFIXES)
        return path.startswith(prefixes) and path not in catalog_settings.MAINTENANCE_EXEMPT_PATHS


class PageLanguageMiddleware:
    """
    Activates the language named by a page URL's prefix (/de/errors/) while the
    request is served, so that i18n_patterns resolves it; any other path is left
    alone, in the default language.

    Django's LocaleMiddleware would resolve the prefix too, but it also adds
    Content-Language and Vary: Accept-Language to every response (/api/ and the
    admin included), while API errors set their own and a page URL names its language.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = language_from_path(request.path_info)
        if language is None:
            return self.get_response(request)
        request.LANGUAGE_CODE = language  # as LocaleMiddleware does
        with translation.override(language):  # restored afterwards: nothing leaks to the thread
            return self.get_response(request)
