"""
drf-spectacular's schema view, cached per catalog version and language: building the
schema (every operation's error examples answered by the handler) took 135-205 ms a
request. Mount it instead of SpectacularAPIView:

    path("api/schema/", CatalogSchemaView.as_view(), name="schema")
"""

from typing import Any

from django.http import HttpResponse
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.request import Request

from catalog.errors.languages import page_languages
from catalog.errors.snapshot import catalog_get
from catalog.reference.caching import conditional_response, rendered_get

FORMATS = ("", "json", "yaml", "openapi", "openapi-json")


class CatalogSchemaView(SpectacularAPIView):
    # Not an operation of the API it describes (drf-spectacular's own view, whose get()
    # this replaces, is left out the same way unless SERVE_INCLUDE_SCHEMA asks for it).
    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        name = self.rendering_name(request)
        if name is None:  # a query the cache doesn't know: built, never stored
            return super().get(request, *args, **kwargs)  # type: ignore[no-untyped-call,no-any-return]
        catalog = catalog_get()
        media_type = str(request.accepted_media_type)
        rendering = rendered_get(
            name=name,
            catalog=catalog,
            request=request._request,
            build=lambda: self.render_schema(request, *args, **kwargs),
        )
        response = HttpResponse(rendering.content, content_type=media_type)
        return conditional_response(
            request._request, response, catalog=catalog, etag=rendering.etag
        )

    def rendering_name(self, request: Request) -> str | None:
        """The rendering's name, when the query has only a language and a format known."""
        query = request.query_params
        language, fmt = query.get("lang", ""), query.get("format", "")
        known_language = language == "" or language in dict(page_languages())
        if set(query) - {"lang", "format"} or not known_language or fmt not in FORMATS:
            return None
        return f"schema:{request.accepted_media_type}:{language}:{fmt}"

    def render_schema(self, request: Request, *args: Any, **kwargs: Any) -> bytes:
        response = super().get(request, *args, **kwargs)  # type: ignore[no-untyped-call]
        response.accepted_renderer = request.accepted_renderer
        response.accepted_media_type = request.accepted_media_type
        response.renderer_context = self.get_renderer_context()
        return bytes(response.render().content)
