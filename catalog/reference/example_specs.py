"""
How each reason is met on the page: the request (the reason's example_request from
the catalog, else one made from the project's URLconf) and what answers it: the
exception the API raises for that reason, or the error view that answers it.

The app knows which exception means which reason; the requests are the project's.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, get_urlconf, resolve
from rest_framework import exceptions as drf
from rest_framework.views import APIView

from catalog import exceptions, handlers
from catalog.errors.conversion import view_resource_name
from catalog.errors.oauth import oauth_error_response
from catalog.reference.requests import api_paths, example_request_parse
from catalog.types import Reason

TOKEN = "Bearer 7f3c9a52-1b0e-4c8d-9f61-2d4a8e0b5c17"  # noqa: S105 - an example, not a secret
JSON_TYPE = {"Content-Type": "application/json"}

Raiser = Callable[[HttpRequest], Exception]
Responder = Callable[[HttpRequest], HttpResponse]


@dataclass(frozen=True)
class ExampleSpec:
    method: str
    path: str
    raises: Raiser | None = None
    view: Responder | None = None
    endpoint: APIView | None = None  # the project's view the path resolves to
    headers: Mapping[str, str] = field(default_factory=dict)
    body: str = ""
    resource: str = "resource"
    response_headers: Mapping[str, str] = field(default_factory=dict)


def _oauth(oauth_code: str) -> Responder:
    """A token request refused, answered by catalog.errors.oauth as a token endpoint does."""
    return lambda request: oauth_error_response(
        request, oauth_code, grant_type=request.GET.get("grant_type", "")
    )


def _invalid_parameters(request: HttpRequest) -> Exception:
    name = next(iter(request.GET), "page")
    detail = drf.ErrorDetail("A valid integer is required.", code="invalid")
    return exceptions.InvalidParameters({name: [detail]})


# The exception (or error view) that means each seeded reason.
RAISES: dict[str, Raiser] = {
    "invalid": lambda request: drf.ValidationError(
        {"name": [drf.ErrorDetail("This field may not be blank.", code="blank")]}
    ),
    "parse_error": lambda request: drf.ParseError("JSON parse error"),
    "request_too_large": lambda request: RequestDataTooBig(),
    "invalid_parameters": _invalid_parameters,
    "bad_request": lambda request: SuspiciousOperation(),
    "not_authenticated": lambda request: drf.NotAuthenticated(),
    "invalid_token": lambda request: drf.AuthenticationFailed(code="invalid_token"),
    "authentication_failed": lambda request: drf.AuthenticationFailed(),
    "token_expired": lambda request: drf.AuthenticationFailed(code="token_expired"),
    "permission_denied": lambda request: drf.PermissionDenied(),
    "insufficient_scope": lambda request: drf.PermissionDenied(code="insufficient_scope"),
    "not_found": lambda request: drf.NotFound(),
    "method_not_allowed": lambda request: drf.MethodNotAllowed(request.method or "GET"),
    "not_acceptable": lambda request: drf.NotAcceptable(),
    "gone": lambda request: exceptions.Gone(),
    "teapot": lambda request: exceptions.Teapot(),
    "rate_limited": lambda request: exceptions.RateLimited(wait=42),
    "throttled": lambda request: drf.Throttled(wait=42),
    "unsupported_media_type": lambda request: drf.UnsupportedMediaType(
        request.META.get("CONTENT_TYPE", "text/plain")
    ),
    "server_error": lambda request: RuntimeError("example failure"),
    "maintenance": lambda request: exceptions.Maintenance(retry_after=300),
    "service_unavailable": lambda request: OperationalError("connection refused"),
}
VIEWS: dict[str, Responder] = {
    "invalid_grant": _oauth("invalid_grant"),
    "unsupported_grant_type": _oauth("unsupported_grant_type"),
    "invalid_request": _oauth("invalid_request"),
    "invalid_client": _oauth("invalid_client"),
    "csrf_failed": handlers.csrf_failure,
    "endpoint_not_found": handlers.endpoint_not_found,
}


def example_spec(reason: Reason) -> ExampleSpec:
    """A reason's example: its catalog request (or a default one) and what answers it."""
    method, path, headers, body = _request(reason)
    return ExampleSpec(
        method,
        path,
        raises=RAISES.get(reason.code),
        view=VIEWS.get(reason.code),
        headers=headers,
        body=body,
        endpoint=(endpoint := _view(path)),
        resource=view_resource_name(endpoint) or "resource",
        response_headers=_allow(path) if reason.code == "method_not_allowed" else {},
    )


def _request(reason: Reason) -> tuple[str, str, dict[str, str], str]:
    if reason.example_request.strip():
        request = example_request_parse(reason.example_request)
        return request.method, request.path, request.headers, request.body
    return default_request(reason)


def default_request(reason: Reason) -> tuple[str, str, dict[str, str], str]:
    """A request to the project's own API for a reason the catalog gives none for."""
    collection, item = api_paths(get_urlconf())
    authorized = {"Authorization": TOKEN}
    if reason.code == "endpoint_not_found":
        prefix = collection.strip("/").split("/")[0]
        return "GET", f"/{prefix}/no-such-endpoint" if prefix else "/no-such-endpoint", {}, ""
    if reason.code == "not_authenticated":
        return "GET", collection, {}, ""
    if reason.code == "method_not_allowed":
        allowed = _allow(collection).get("Allow", "")
        method = next((m for m in ("DELETE", "PUT", "PATCH", "POST") if m not in allowed), "PUT")
        return method, collection, authorized, ""
    if reason.code == "unsupported_media_type":
        return "POST", collection, {**authorized, "Content-Type": "text/plain"}, "name=example"
    if reason.code == "not_acceptable":
        return "GET", collection, {**authorized, "Accept": "text/csv"}, ""
    if reason.code in ("invalid", "parse_error"):
        body = '{"name": ""}' if reason.code == "invalid" else '{"name": "example",}'
        return "POST", collection, {**authorized, **JSON_TYPE}, body
    path = item if reason.status in (404, 410) else collection
    return "GET", path, authorized, ""


def _allow(path: str) -> dict[str, str]:
    """The Allow header DRF sends for a path, from the view the URLconf resolves it to."""
    view = _view(path)
    return {"Allow": ", ".join(view.allowed_methods)} if view is not None else {}


def as_drf_decides(exc: Exception, endpoint: APIView | None, request: HttpRequest) -> None:
    """
    What APIView.handle_exception does before the handler sees an authentication error:
    the endpoint's first authenticator's challenge, or 403 when it has none.
    """
    if not isinstance(exc, (drf.NotAuthenticated, drf.AuthenticationFailed)):
        return
    header = endpoint.get_authenticate_header(request) if endpoint is not None else None  # type: ignore[arg-type]
    if header:
        exc.auth_header = header  # type: ignore[union-attr]
    else:
        exc.status_code = 403


def _view(path: str) -> APIView | None:
    """The DRF view (a viewset with its actions) a path resolves to, as DRF sets it up."""
    try:
        callback = resolve(path.split("?", 1)[0]).func
    except Resolver404:
        return None
    view_class = getattr(callback, "cls", None)
    if not (isinstance(view_class, type) and issubclass(view_class, APIView)):
        return None
    view = view_class(**getattr(callback, "initkwargs", {}))
    for http_method, action in (getattr(callback, "actions", None) or {}).items():
        setattr(view, http_method, getattr(view, action))
    if hasattr(view, "get") and not hasattr(view, "head"):
        view.head = view.get  # type: ignore[attr-defined]  # as View.setup() does
    return view
