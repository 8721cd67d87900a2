"""
What a client does to meet each seeded reason: the request, and the exception
the API raises for it (or the error view that answers it).

A reason added in the admin with no entry here gets a generic example from
default_spec(), still answered by the real formatter.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from rest_framework import exceptions as drf

from catalog import exceptions, handlers
from catalog.errors.oauth import oauth_error_response
from catalog.types import Reason

TOKEN = "Bearer 7f3c9a52-1b0e-4c8d-9f61-2d4a8e0b5c17"  # noqa: S105 - an example, not a secret
JSON_TYPE = {"Content-Type": "application/json"}
FORM_TYPE = {"Content-Type": "application/x-www-form-urlencoded"}


@dataclass(frozen=True)
class ExampleSpec:
    method: str
    path: str
    raises: Callable[[], Exception] | None = None
    view: Callable[[HttpRequest], HttpResponse] | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    body: str = ""
    resource: str = "instance"
    response_headers: Mapping[str, str] = field(default_factory=dict)


def _authed(method: str, path: str, raises: Callable[[], Exception]) -> ExampleSpec:
    return ExampleSpec(method, path, raises, headers={"Authorization": TOKEN})


def _token_error(
    oauth_code: str,
    *,
    client_id: str = "morph-api",
    grant_type: str = "password",
    body: str = "username=admin&password=wrong-password",
) -> ExampleSpec:
    """A token request refused, answered by catalog.errors.oauth as the token endpoint does."""
    return ExampleSpec(
        "POST",
        f"/oauth/token?client_id={client_id}&grant_type={grant_type}&scope=write",
        view=lambda request: oauth_error_response(request, oauth_code, grant_type=grant_type),
        headers=FORM_TYPE,
        body=body,
    )


def _validation_error() -> Exception:
    return drf.ValidationError(
        {
            "name": ["This field may not be blank."],
            "plan": {"id": ["A valid integer is required."]},
        }
    )


EXAMPLE_SPECS: dict[str, ExampleSpec] = {
    "invalid": ExampleSpec(
        "POST",
        "/api/instances",
        _validation_error,
        headers={"Authorization": TOKEN, **JSON_TYPE},
        body='{"instance": {"name": "", "plan": {"id": "small"}}}',
    ),
    "parse_error": ExampleSpec(
        "POST",
        "/api/instances",
        lambda: drf.ParseError("JSON parse error"),
        headers={"Authorization": TOKEN, **JSON_TYPE},
        body='{"instance": {"name": "web-01",}',
    ),
    "request_too_large": ExampleSpec(
        "POST",
        "/api/instances",
        RequestDataTooBig,
        headers={"Authorization": TOKEN, **JSON_TYPE, "Content-Length": "104857600"},
    ),
    "invalid_parameters": _authed(
        "GET",
        "/api/instances?max=ten",
        lambda: exceptions.InvalidParameters({"max": ["A valid integer is required."]}),
    ),
    "invalid_grant": _token_error("invalid_grant"),
    "unsupported_grant_type": _token_error("unsupported_grant_type", grant_type="magic"),
    "invalid_request": _token_error("invalid_request", body="username=admin"),
    "invalid_client": _token_error("invalid_client", client_id="unknown-client"),
    "bad_request": _authed("GET", "/api/instances/..%2f..%2fetc", SuspiciousOperation),
    "not_authenticated": ExampleSpec("GET", "/api/whoami", drf.NotAuthenticated),
    "invalid_token": _authed("GET", "/api/whoami", drf.AuthenticationFailed),
    "token_expired": _authed(
        "GET", "/api/whoami", lambda: drf.AuthenticationFailed("expired", code="token_expired")
    ),
    "permission_denied": _authed("GET", "/api/users", drf.PermissionDenied),
    "csrf_failed": ExampleSpec(
        "POST",
        "/api/instances",
        view=handlers.csrf_failure,
        headers={"Cookie": "sessionid=4kq0m2v7x1c9", **JSON_TYPE},
        body='{"instance": {"name": "web-01"}}',
    ),
    "endpoint_not_found": ExampleSpec(
        "GET", "/api/foobar", view=handlers.endpoint_not_found, headers={"Authorization": TOKEN}
    ),
    "not_found": _authed("GET", "/api/instances/999", drf.NotFound),
    "method_not_allowed": ExampleSpec(
        "DELETE",
        "/api/ping",
        lambda: drf.MethodNotAllowed("DELETE"),
        response_headers={"Allow": "GET, HEAD, OPTIONS"},
    ),
    "not_acceptable": ExampleSpec(
        "GET", "/api/ping", drf.NotAcceptable, headers={"Accept": "text/csv"}
    ),
    "gone": _authed("GET", "/api/instances/7", lambda: exceptions.Gone(resource="instance")),
    "teapot": ExampleSpec("GET", "/api/teapot", exceptions.Teapot),
    "rate_limited": _authed("GET", "/api/instances", lambda: exceptions.RateLimited(wait=42)),
    "server_error": _authed("GET", "/api/instances", lambda: RuntimeError("example failure")),
    "maintenance": _authed(
        "GET", "/api/instances", lambda: exceptions.Maintenance(retry_after=300)
    ),
    "service_unavailable": _authed(
        "GET", "/api/instances", lambda: OperationalError("connection refused")
    ),
}


def default_spec(reason: Reason) -> ExampleSpec:
    """A reason the code does not know yet: a plain GET, answered by the formatter."""
    return ExampleSpec("GET", "/api/instances/1", headers={"Authorization": TOKEN})
