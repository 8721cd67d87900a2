"""
The Morpheus requests the reference page shows for each seeded reason: catalog
data (ErrorReason.example_request), set here for the demo and editable in the admin.
"""

from typing import Any

from django.db import DEFAULT_DB_ALIAS

# Example tokens, one per situation a reader meets: a valid one of a user who is
# not staff, one of scope read, one that expired, one the server never issued.
TOKEN = "Authorization: Bearer 7f3c9a52-1b0e-4c8d-9f61-2d4a8e0b5c17"  # noqa: S105 - an example
READ_TOKEN = "Authorization: Bearer 3b8e1d07-5c2a-4f9e-8a61-0d7c4b2e9f35"  # noqa: S105
EXPIRED_TOKEN = "Authorization: Bearer 9a4c6e21-7d3b-4b8f-a052-e1f8c3d6b470"  # noqa: S105
UNKNOWN_TOKEN = "Authorization: Bearer 00000000-0000-4000-8000-000000000000"  # noqa: S105
JSON = "Content-Type: application/json"
FORM = "Content-Type: application/x-www-form-urlencoded"


def _token(body: str = "username=admin&password=wrong-password", **query: str) -> str:
    """A password-grant token request, as Morpheus clients send it."""
    params = {"client_id": "morph-api", "grant_type": "password", **query}
    query_string = "&".join(f"{name}={value}" for name, value in params.items())
    return f"POST /oauth/token?{query_string}&scope=write\n{FORM}\n\n{body}"


# A Morpheus create request (components/schemas/instanceCreate.yaml) whose name is blank.
INSTANCE_WITHOUT_NAME = (
    '{"zoneId": 15, "instance": {"name": "", "site": {"id": 1}, '
    '"instanceType": {"code": "ubuntu"}, "layout": {"id": 1399}, "plan": {"id": 361}}}'
)

EXAMPLES = {
    "invalid": f"POST /api/instances\n{TOKEN}\n{JSON}\n\n{INSTANCE_WITHOUT_NAME}",
    "parse_error": f'POST /api/instances\n{TOKEN}\n{JSON}\n\n{{"instance": {{"name": "web-01",}}',
    "request_too_large": f"POST /api/instances\n{TOKEN}\n{JSON}\nContent-Length: 104857600",
    "invalid_parameters": f"GET /api/instances?max=ten\n{TOKEN}",
    "invalid_grant": _token(),
    "unsupported_grant_type": _token(grant_type="magic"),
    "invalid_request": _token("username=admin"),
    "invalid_client": _token(client_id="unknown-client"),
    # A host name the server does not serve (not in ALLOWED_HOSTS): Django refuses it.
    "bad_request": "GET /api/ping\nHost: api.example.invalid",
    "not_authenticated": "GET /api/whoami",
    "invalid_token": f"GET /api/whoami\n{UNKNOWN_TOKEN}",
    "token_expired": f"GET /api/whoami\n{EXPIRED_TOKEN}",
    "permission_denied": f"GET /api/users\n{TOKEN}",
    "insufficient_scope": f"DELETE /api/instances/7\n{READ_TOKEN}",
    "csrf_failed": "POST /api/instances\nCookie: sessionid=4kq0m2v7x1c9\n"
    f'{JSON}\n\n{{"instance": {{"name": "web-01"}}}}',
    "endpoint_not_found": f"GET /api/foobar\n{TOKEN}",
    "not_found": f"GET /api/instances/999\n{TOKEN}",
    "method_not_allowed": "DELETE /api/ping",
    "not_acceptable": "GET /api/ping\nAccept: text/csv",
    "gone": f"GET /api/instances/7\n{TOKEN}",
    "teapot": "GET /api/teapot",
    "rate_limited": f"GET /api/instances\n{TOKEN}",
    "server_error": f"GET /api/instances\n{TOKEN}",
    "maintenance": f"GET /api/instances\n{TOKEN}",
    "service_unavailable": f"GET /api/instances\n{TOKEN}",
    "unsupported_media_type": f"POST /api/instances\n{TOKEN}\nContent-Type: text/csv\n\nname,plan",
}


def examples_fill(*, app_config: Any = None, using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    """
    post_migrate: give the seeded reasons the demo's requests where they have none
    (after the first migrate, and after a test database is flushed and seeded again).
    """
    from catalog.models import ErrorReason

    if app_config is not None and app_config.label != "api":
        return
    blank = ErrorReason.objects.using(using).filter(example_request="")
    for code in blank.filter(code__in=EXAMPLES).values_list("code", flat=True):
        blank.filter(code=code).update(example_request=EXAMPLES[code])
