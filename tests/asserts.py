"""Assertions shared by the tests of error responses."""

from typing import Any

from django.conf import settings
from django.http import HttpResponse

from tests.views import SECRET_TEXT

BODY_KEYS = {"success", "msg", "errors", "status", "code", "title", "helpUrl", "requestId"}
OAUTH_KEYS = {"error", "error_description"}
LEAKS = ("Traceback", 'File "', "hunter2", "SELECT", "secret-internal-detail", "Boom")


def assert_no_leak(response: HttpResponse) -> None:
    text = response.content.decode()
    for leak in (*LEAKS, settings.SECRET_KEY, SECRET_TEXT):
        assert leak not in text


def assert_catalog_error(
    response: HttpResponse,
    *,
    status: int,
    code: str,
    msg: str,
    title: str,
    errors: dict[str, str] | None = None,
    oauth: bool = False,
    field_errors: list[dict[str, str]] | None = None,
    anchor: str | None = None,
) -> dict[str, Any]:
    """Exact status, content type, body shape, code, msg and request id; nothing leaked."""
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body: dict[str, Any] = response.json()
    keys = (
        BODY_KEYS | (OAUTH_KEYS if oauth else set()) | ({"fieldErrors"} if field_errors else set())
    )
    assert set(body) == keys
    assert body.get("fieldErrors") == field_errors
    assert body["success"] is False
    assert body["status"] == status
    assert body["code"] == code
    assert body["msg"] == msg
    assert body["title"] == title
    assert body["errors"] == (errors or {})
    fragment = code if anchor is None else anchor
    assert body["helpUrl"] == "http://testserver/errors/" + (f"#{fragment}" if fragment else "")
    assert body["requestId"] == response["X-Request-ID"]
    assert_no_leak(response)
    return body
