"""
The error-reference page and the JSON catalog, both from the live catalog and
both cached per catalog version with ETag/Last-Modified revalidation.
"""

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.views import APIView

from catalog.conf import catalog_settings
from catalog.errors.formatter import capitalized, json_bytes, language_headers_set
from catalog.errors.languages import (
    SOURCE_LANGUAGE,
    catalog_localized,
    language_from_path,
    language_from_query,
    language_from_request,
    page_languages,
)
from catalog.errors.snapshot import catalog_get
from catalog.exceptions import InvalidParameters
from catalog.reference.caching import Rendering, conditional_response, etag_of, rendered_get
from catalog.reference.examples import example_get
from catalog.reference.openapi import extend_schema
from catalog.reference.pages import Pages, pages_split
from catalog.reference.serializers import (
    ErrorCodeDetailSerializer,
    ErrorCodeListSerializer,
    ErrorCodePageSerializer,
    ErrorCodeSerializer,
)
from catalog.types import Catalog

# No inline script or style anywhere: the page's script and styles are static files.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


@require_safe
def reference(request: HttpRequest) -> HttpResponse:
    """The error-reference page in the language of its URL (catalog.urls), page by page."""
    if "lang" in request.GET:
        # /errors/?lang=de shipped once and links to it exist: send them to /de/errors/.
        return HttpResponsePermanentRedirect(reference_url(language_from_query(request)))
    catalog = catalog_get()
    language = language_from_path(request.path_info) or SOURCE_LANGUAGE
    localized = catalog_localized(catalog, language)
    pages = _pages(localized, language)
    page = _page_number(request, pages)
    name = language_name("reference", language) + (f"-p{page}" if page > 1 else "")
    rendering = rendered_get(
        name=name,
        catalog=catalog,
        request=request,
        build=lambda: _render_in(
            language,
            "catalog/reference.html",
            {
                **reference_context(localized, request, language=language, pages=pages, page=page),
                **languages_context(request, language),
            },
            request,
        ),
    )
    response = HttpResponse(rendering.content)
    response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response["Content-Language"] = language
    return conditional_response(request, response, catalog=catalog, etag=rendering.etag)


# The pages of the latest localized catalog per language, beside it: splitting is
# cheap, but each request of a large catalog's page would do it again.
_pages_of: dict[str, tuple[Catalog, int, Pages]] = {}


def _pages(catalog: Catalog, language: str) -> Pages:
    size = catalog_settings.REFERENCE_PAGE_SIZE
    made = _pages_of.get(language)
    if made is not None and made[0] is catalog and made[1] == size:
        return made[2]
    pages = pages_split(catalog, size)
    if language not in _pages_of and len(_pages_of) >= 32:
        _pages_of.clear()
    _pages_of[language] = (catalog, size, pages)
    return pages


def _page_number(request: HttpRequest, pages: Pages) -> int:
    """?page=N, from 1 to the last page; anything else is not a page (404)."""
    text = request.GET.get("page")
    if text is None:
        return 1
    if not (text.isascii() and text.isdigit() and len(text) <= 6) or not (
        1 <= int(text) <= pages.count
    ):
        raise Http404("No such page.")
    return int(text)


def _render_in(
    language: str, template_name: str, context: dict[str, Any], request: HttpRequest
) -> bytes:
    """A page with its own words (the template's) in the language of its catalog text."""
    with translation.override(language):
        return render_to_string(template_name, context, request=request).encode()


def reference_context(
    catalog: Catalog,
    request: HttpRequest,
    *,
    language: str = SOURCE_LANGUAGE,
    pages: Pages | None = None,
    page: int = 1,
) -> dict[str, Any]:
    """
    The page's statuses and reasons, each reason with the example a client of that
    language gets, and the links of the whole catalog (contents, list of codes).
    """
    pages = pages or pages_split(catalog, catalog_settings.REFERENCE_PAGE_SIZE)
    path = reference_url(language)

    def href(anchor: str) -> str:
        on = pages.page_of.get(anchor, 1)
        if on == page:
            return f"#{anchor}"
        return f"{path}?page={on}#{anchor}" if on > 1 else f"{path}#{anchor}"

    statuses = [catalog.statuses[status] for status in sorted(catalog.statuses)]
    sections = [
        {
            "status": part.status,
            "first": part.first,
            "reasons": [
                {
                    "reason": reason,
                    "example": example_get(reason, request=request, language=language),
                }
                for reason in part.reasons
            ],
        }
        for part in pages.parts[page - 1]
    ]
    codes: list[dict[str, Any]] = [
        {
            "status": entry,
            "href": href(str(entry.status)),
            "reasons": [
                {"code": reason.code, "href": href(reason.code)} for reason in entry.reasons
            ],
        }
        for entry in statuses
    ]
    # The contents list every status; of the reasons, those on this page (the list of
    # error codes below links to every reason, on whichever page it is).
    contents = [
        {**entry, "reasons": [r for r in entry["reasons"] if r["href"].startswith("#")]}
        for entry in codes
    ]
    pager = [
        {"number": number, "url": path if number == 1 else f"{path}?page={number}"}
        for number in range(1, pages.count + 1)
    ]
    return {
        "sections": sections,
        "statuses": statuses,
        "contents": contents,
        "codes": codes,
        "catalog": catalog,
        "page": page,
        "pager": pager if len(pager) > 1 else [],
        "introduction_href": href("introduction"),
    }


def reference_url(language: str) -> str:
    """The reference page's path in a language: /errors/ for English, /de/errors/."""
    with translation.override(language if language != SOURCE_LANGUAGE else settings.LANGUAGE_CODE):
        return reverse("catalog:reference")


def language_name(name: str, language: str) -> str:
    """A rendering's cache name per language (English keeps the plain name)."""
    return name if language == SOURCE_LANGUAGE else f"{name}-{language}"


def languages_context(request: HttpRequest, language: str) -> dict[str, Any]:
    """
    The page's language, its switcher and its alternates: the languages it is offered
    in, when the page has a URL per language (mounted under i18n_patterns).
    """
    languages = [
        {"code": code, "name": _name_local(code, name), "url": (url := reference_url(code))}
        | {"absolute_url": request.build_absolute_uri(url)}
        for code, name in page_languages()
    ]
    if len({link["url"] for link in languages}) < 2:
        languages = []  # one language, or one URL for all: nothing to switch to
    default = request.build_absolute_uri(reference_url(SOURCE_LANGUAGE))
    return {"language": language, "languages": languages, "default_url": default}


def _name_local(code: str, name: str) -> str:
    """A language's name in itself (Deutsch, Français), as a switcher shows it."""
    try:
        # "français", as a link on its own: "Français"
        return capitalized(str(translation.get_language_info(code)["name_local"]))
    except KeyError:
        return name  # a language Django does not know: the LANGUAGES setting's name


class ErrorCodeView(APIView):
    """Public, unauthenticated reads of the catalog."""

    authentication_classes = []
    permission_classes = [AllowAny]
    catalog_resource = "error code"

    def json_response(
        self, request: Request, rendering: Rendering, catalog: Catalog
    ) -> HttpResponse:
        response = HttpResponse(rendering.content, content_type="application/json")
        language_headers_set(response, language=language_from_request(request._request))
        return conditional_response(
            request._request, response, catalog=catalog, etag=rendering.etag
        )


class ErrorCodeListView(ErrorCodeView):
    catalog_error_codes = ("invalid_parameters",)

    @extend_schema(
        operation_id="listErrorCodes",
        summary="List the error codes",
        description=(
            "The HTTP statuses of the error catalog, with their reasons, in pages as Morpheus "
            "lists are: `max` (default 25, at most 100) from `offset`; `meta.total` counts all."
        ),
        parameters=[ErrorCodePageSerializer],
        responses=ErrorCodeListSerializer,
    )
    def get(self, request: Request) -> HttpResponse:
        page = ErrorCodePageSerializer(data=request.query_params.dict())
        if not page.is_valid():
            raise InvalidParameters(page.errors)
        offset, size = page.validated_data["offset"], page.validated_data["max"]
        catalog = catalog_get()
        language = language_from_request(request._request)
        localized = catalog_localized(catalog, language)

        def build() -> bytes:
            # One line of JSON per status (compact JSON holds no raw newline), so that
            # any page is a slice of the one cached rendering, whatever max and offset.
            context = {"request": request}
            return b"\n".join(
                json_bytes(ErrorCodeSerializer(localized.statuses[status], context=context).data)
                for status in sorted(localized.statuses)
            )

        entries = rendered_get(
            name=language_name("error-codes", language),
            catalog=catalog,
            request=request,
            build=build,
        ).content.split(b"\n")
        total = len(localized.statuses)
        shown = entries[offset : offset + size] if total else []
        meta = {"offset": offset, "max": size, "size": len(shown), "total": total}
        content = b'{"errorCodes":[' + b",".join(shown) + b'],"meta":' + json_bytes(meta) + b"}"
        return self.json_response(request, Rendering(content, etag_of(content)), catalog)


class ErrorCodeDetailView(ErrorCodeView):
    catalog_error_codes = ("not_found",)

    @extend_schema(
        operation_id="getErrorCode",
        summary="Get an error code",
        description="One HTTP status of the error catalog, with its reasons.",
        responses=ErrorCodeDetailSerializer,
    )
    def get(self, request: Request, status: int) -> HttpResponse:
        catalog = catalog_get()
        language = language_from_request(request._request)
        entry = catalog_localized(catalog, language).statuses.get(status)
        if entry is None:
            raise NotFound()
        rendering = rendered_get(
            name=language_name(f"error-code-{status}", language),
            catalog=catalog,
            request=request,
            build=lambda: json_bytes(
                {"errorCode": ErrorCodeSerializer(entry, context={"request": request}).data}
            ),
        )
        return self.json_response(request, rendering, catalog)
