"""
The DRF exception handler and the Django-level error views.

Under the API paths (CATALOG_API_PATH_PREFIXES) every error answers the
catalog's JSON body; elsewhere 404 and 500 are HTML pages with catalog text.
"""

import sys
from typing import Any

from django.core.signals import got_request_exception
from django.db import connections
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import TemplateDoesNotExist
from django.urls import Resolver404
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from rest_framework.renderers import JSONRenderer, TemplateHTMLRenderer
from rest_framework.response import Response
from rest_framework.views import set_rollback

from catalog.errors.conversion import (
    UNAVAILABLE_ERRORS,
    api_error_from_exception,
    service_unavailable_error,
    view_resource_name,
)
from catalog.errors.formatter import (
    ErrorContent,
    error_body_localized,
    error_content,
    error_response,
    error_response_finish,
)
from catalog.errors.languages import language_from_path
from catalog.errors.requests import is_api_request, request_id_header_set
from catalog.types import ApiError


def exception_handler(exc: Exception, context: dict[str, Any]) -> HttpResponse:
    """REST_FRAMEWORK["EXCEPTION_HANDLER"]: every exception of a DRF view, from the catalog."""
    return ExceptionHandler(exc, context).run()


class ExceptionHandler:
    """Each step does one thing and can be overridden in a subclass."""

    def __init__(self, exc: Exception, context: dict[str, Any]) -> None:
        self.exc = exc
        self.view = context.get("view")
        request = context["request"]
        self.request: HttpRequest = getattr(request, "_request", request)

    def run(self) -> HttpResponse:
        error = self.convert_exception()
        # The body first: it may refresh the catalog, which a transaction marked for
        # rollback (ATOMIC_REQUESTS) would refuse to read.
        response = self.build_response(error)
        rollback_set()
        if error.status >= 500:
            self.report(response)
        return response

    def convert_exception(self) -> ApiError:
        return api_error_from_exception(self.exc, resource=self.resource_name())

    def resource_name(self) -> str | None:
        """What the view serves, for {resource} (override to name it otherwise)."""
        return view_resource_name(self.view)

    def build_response(self, error: ApiError) -> HttpResponse:
        rendered = error_content(self.request, error)
        response = CatalogResponse(rendered, status=error.status)
        request_id_header_set(self.request, response, rendered.data["requestId"])
        return error_response_finish(self.request, response, error, language=rendered.language)

    def report(self, response: HttpResponse) -> None:
        """A 5xx: tell got_request_exception's receivers (Sentry...), as Django would.
        Its log record, with the traceback, was written at the finishing step."""
        got_request_exception.send(sender=None, request=self.request)


def rollback_set() -> None:
    """
    DRF's set_rollback(): a view's writes roll back under ATOMIC_REQUESTS. Looking at
    the connections costs more than the rest of a 404's handling, so it is done only
    when a database asks for it.
    """
    if any(db.get("ATOMIC_REQUESTS") for db in connections.settings.values()):
        set_rollback()


class CatalogResponse(Response):
    """
    A DRF Response whose ``.data`` is the catalog body, so that renderers, the
    browsable API and ``response.data`` in tests work. For a JSON renderer (DRF's
    own choice, or none yet) it sends the bytes the catalog already encoded, with the
    body's content type (problem+json when asked), and so for a view rendering an HTML
    template (which has no template for an error); any other renderer renders ``.data``.
    """

    def __init__(self, rendered: ErrorContent, *, status: int) -> None:
        super().__init__(rendered.data, status=status)
        self.catalog_content = rendered

    @property
    def rendered_content(self) -> bytes:  # type: ignore[override]
        renderer = getattr(self, "accepted_renderer", None)
        json_renderer = isinstance(renderer, JSONRenderer)
        if (
            renderer is None
            or isinstance(renderer, TemplateHTMLRenderer)  # a page's template: not for errors
            or (json_renderer and "indent" not in (self.accepted_media_type or ""))
        ):
            self["Content-Type"] = self.catalog_content.content_type
            return self.catalog_content.content
        return bytes(super().rendered_content)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: SuspiciousOperation, DisallowedHost, oversized bodies."""
    error = api_error_from_exception(exception) if exception else ApiError(400, "bad_request")
    return _error_page(request, error)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler403; django-ratelimit's Ratelimited (a PermissionDenied) answers 429."""
    error = (
        api_error_from_exception(exception) if exception else ApiError(403, "permission_denied")
    )
    return _error_page(request, error)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler404: no route matched (endpoint_not_found) or a view raised Http404 (not_found)."""
    if is_api_request(request) and (exception is None or isinstance(exception, Resolver404)):
        return endpoint_not_found(request)
    error = ApiError(404, "not_found", params={"resource": "page"})
    return _error_page(request, error)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500; an unreachable database or cache answers 503 service_unavailable."""
    exc = sys.exc_info()[1]
    if isinstance(exc, UNAVAILABLE_ERRORS):
        return _error_page(request, service_unavailable_error())
    return _error_page(request, ApiError(500, "server_error"))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW."""
    return _error_page(request, ApiError(403, "csrf_failed"))


@csrf_exempt
def endpoint_not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """The catch-all under /api/, so unknown paths answer JSON for any method, even in DEBUG."""
    params = {"method": request.method, "path": request.path}
    return _error_page(request, ApiError(404, "endpoint_not_found", params=params))


def _error_page(request: HttpRequest, error: ApiError) -> HttpResponse:
    if is_api_request(request):
        return error_response(request, error)
    # A page under a language's URL (/de/...) is in that language; others follow Accept-Language.
    body, language = error_body_localized(
        request, error, language=language_from_path(request.path_info)
    )
    context = {"error": body, "language": language}  # <html lang>: the language it is in
    try:
        with translation.override(language):  # the page's own words in its language
            # A project's catalog/404.html overrides the page of one status.
            templates = [f"catalog/{error.status}.html", "catalog/error.html"]
            response = render(request, templates, context, status=error.status)
    except TemplateDoesNotExist:
        response = HttpResponse(body["msg"], status=error.status, content_type="text/plain")
    return error_response_finish(request, response, error, language=language)
