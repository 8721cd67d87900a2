"""
Example requests and the responses the real handler answers to them.

Every reason of the catalog gets an example: a request a client could send and
the exception the API raises for it. The response is produced by the catalog's
own exception handler and formatter from the live catalog, so the reference
page and the OpenAPI examples never drift from what the API answers.
"""

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Any

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import translation

from catalog.errors.formatter import error_response
from catalog.errors.languages import SOURCE_LANGUAGE
from catalog.handlers import ExceptionHandler
from catalog.reference.example_specs import ExampleSpec, as_drf_decides, example_spec
from catalog.types import ApiError, Reason

EXAMPLE_HOST = "localhost"


@dataclass(frozen=True)
class Example:
    """One reason's example: the request, then the status, headers and body answered."""

    code: str
    method: str
    path: str
    request_headers: tuple[tuple[str, str], ...]
    request_body: str
    status: int
    reason_phrase: str
    headers: tuple[tuple[str, str], ...]
    body: dict[str, Any] = field(default_factory=dict)

    @property
    def request_text(self) -> str:
        lines = [
            f"{self.method} {self.path} HTTP/1.1",
            *(f"{k}: {v}" for k, v in self.request_headers),
        ]
        return "\n".join(lines) + (f"\n\n{self.request_body}" if self.request_body else "")

    @property
    def response_text(self) -> str:
        lines = [f"HTTP/1.1 {self.status} {self.reason_phrase}"]
        lines += [f"{name}: {value}" for name, value in self.headers]
        return "\n".join(lines) + "\n\n" + json.dumps(self.body, indent=2, ensure_ascii=False)


class ExampleRequest(HttpRequest):
    """A request as a client would send it, on the host (and scheme) of the page's request."""

    catalog_counted = False  # an example on the page, not an error served to a client
    catalog_api = True  # answered as the API answers (JSON), wherever the project's API is

    def __init__(self, spec: ExampleSpec, *, code: str, origin: HttpRequest | None) -> None:
        super().__init__()
        self.method = spec.method
        self.path, _, query = spec.path.partition("?")
        self.path_info = self.path
        self.GET = QueryDict(query)
        self._scheme = origin.scheme if origin is not None and origin.scheme else "http"
        host = _origin_host(origin)
        self.META = {"HTTP_HOST": host, "HTTP_X_REQUEST_ID": example_request_id(code)}
        for name, value in spec.headers.items():
            self.META["HTTP_" + name.upper().replace("-", "_")] = value
        self.host = self.META["HTTP_HOST"]  # the page's, unless the example names its own

    def _get_scheme(self) -> str:
        return self._scheme


def _origin_host(origin: HttpRequest | None) -> str:
    try:
        return origin.get_host() if origin is not None else EXAMPLE_HOST
    except DisallowedHost:
        return EXAMPLE_HOST


class ExampleHandler(ExceptionHandler):
    """The real handler, minus what belongs to a real failure: rollback, logging, signals."""

    def run(self) -> HttpResponse:
        response = self.build_response(self.convert_exception())
        response.render()  # type: ignore[attr-defined]  # a CatalogResponse, as DRF would
        return response


def example_request_id(code: str) -> str:
    """A stable request id per reason, so the page (and its ETag) is the same on every worker."""
    return hashlib.sha256(code.encode()).hexdigest()[:16]


def example_get(
    reason: Reason,
    *,
    request: HttpRequest | None = None,
    resource: str | None = None,
    language: str = SOURCE_LANGUAGE,
) -> Example:
    """
    The example of a reason, answered by the real handler from the live catalog;
    ``resource`` names what the endpoint serves ({resource}), as a view's catalog_resource;
    in another language than English, the request says ``Accept-Language: <language>``.
    """
    spec = example_spec(reason)
    if resource:
        spec = replace(spec, resource=resource)
    if language != SOURCE_LANGUAGE:
        spec = replace(spec, headers={**spec.headers, "Accept-Language": language})
    example_request = ExampleRequest(spec, code=reason.code, origin=request)
    # Answered as the API answers: in the default language (a page may have its own active).
    with translation.override(settings.LANGUAGE_CODE):
        response = _respond(spec, reason, example_request)
    headers = [*response.items(), *spec.response_headers.items()]
    request_headers = [
        ("Host", example_request.host),
        *((name, value) for name, value in spec.headers.items() if name.lower() != "host"),
    ]
    return Example(
        code=reason.code,
        method=spec.method,
        path=spec.path,
        request_headers=tuple(request_headers),
        request_body=spec.body,
        status=response.status_code,
        reason_phrase=response.reason_phrase,
        headers=tuple((name, value) for name, value in headers if name != "Content-Length"),
        body=json.loads(response.content),
    )


def _respond(spec: ExampleSpec, reason: Reason, request: ExampleRequest) -> HttpResponse:
    if spec.view is not None:
        return spec.view(request)
    if spec.raises is not None:
        exc = spec.raises(request)
        as_drf_decides(exc, spec.endpoint, request)
        view = _ExampleView(spec.resource)
        return ExampleHandler(exc, {"request": request, "view": view}).run()
    params = dict.fromkeys(reason.placeholders, spec.resource)
    return error_response(request, ApiError(reason.status, reason.code, params=params))


@dataclass(frozen=True)
class _ExampleView:
    """What the handler reads of a view: the name of the resource it serves."""

    catalog_resource: str
