import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from catalog.conf import catalog_settings
from catalog.formatter import error_response
from catalog.requests import REQUEST_ID_HEADER, is_api_request, request_id_get
from catalog.selectors import catalog_get
from catalog.types import ApiError


class RequestIdMiddleware:
    """Gives every request an id, echoed in X-Request-ID and in the error body."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.catalog_started = time.perf_counter()  # type: ignore[attr-defined]
        request_id = request_id_get(request)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response


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
        if limit is not None and is_api_request(request) and _content_length(request) > limit:
            return error_response(request, ApiError(400, "request_too_large"))
        return self.get_response(request)


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
