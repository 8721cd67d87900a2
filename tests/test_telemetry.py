"""One JSON log line per error response (catalog/telemetry/served.py), as settings.LOGGING writes it."""

import io
import json
import logging
from collections.abc import Iterator

import pytest
from pythonjsonlogger.json import JsonFormatter

from catalog.telemetry.counting import counts_discard
from tests.views import SECRET_TEXT


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """What the configured JSON handler of catalog.errors.conversion writes, captured."""
    logger = logging.getLogger("catalog.errors")
    (configured,) = [h for h in logger.handlers if isinstance(h.formatter, JsonFormatter)]
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(configured.formatter)
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)
    counts_discard()


@pytest.fixture
def django_request_lines() -> Iterator[io.StringIO]:
    """What Django's own request logger (django.request) lets through, captured."""
    logger = logging.getLogger("django.request")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


def lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


@pytest.mark.django_db
def test_an_error_response_writes_one_json_line_with_its_fields(api, user, log_lines):
    response = api.get("/api/users", headers={"X-Request-ID": "req-42"})  # admins only

    assert response.status_code == 403
    (line,) = lines(log_lines)
    assert line["requestId"] == "req-42"
    assert line["status"] == 403
    assert line["code"] == "permission_denied"
    assert line["route"] == "api/users"
    assert line["method"] == "GET"
    assert line["userId"] == user.pk
    assert 0 < line["durationMs"] < 5000
    assert line["level"] == "INFO"
    assert line["logger"] == "catalog.errors"
    assert line["catalogGap"] is False
    assert "exc_info" not in line


@pytest.mark.django_db
def test_an_anonymous_error_on_an_unknown_path_logs_no_user_and_no_raw_path(client, log_lines):
    client.get("/no/such/secret-path-123")

    (line,) = lines(log_lines)
    assert (line["status"], line["code"], line["route"]) == (404, "not_found", "<unmatched>")
    assert line["userId"] is None
    assert "secret-path-123" not in log_lines.getvalue()


@pytest.mark.django_db
def test_a_server_error_logs_the_traceback_but_never_answers_it(client, log_lines):
    response = client.get("/api/test/raise/unhandled")

    assert response.status_code == 500
    body = response.content.decode()
    assert "Traceback" not in body
    assert SECRET_TEXT not in body
    (line,) = lines(log_lines)
    assert (line["status"], line["code"], line["level"]) == (500, "server_error", "ERROR")
    assert line["exc_info"].startswith("Traceback (most recent call last)")


@pytest.mark.django_db
def test_a_catalog_gap_is_marked_in_the_line(
    client, log_lines, django_capture_on_commit_callbacks
):
    from catalog.models import ErrorReason

    with django_capture_on_commit_callbacks(execute=True):
        ErrorReason.objects.filter(code="teapot").delete()

    client.get("/api/teapot")

    (line,) = lines(log_lines)
    assert (line["code"], line["catalogGap"]) == ("teapot", True)


@pytest.mark.django_db
def test_a_catalog_4xx_is_logged_once_as_the_json_line(client, log_lines, django_request_lines):
    client.get("/api/no-such-endpoint")

    (line,) = lines(log_lines)
    assert (line["status"], line["code"]) == (404, "endpoint_not_found")
    assert django_request_lines.getvalue() == ""  # Django's "Not Found: ..." would repeat it


@pytest.mark.django_db
def test_a_4xx_the_catalog_never_saw_is_still_logged_by_django(
    client, log_lines, django_request_lines
):
    response = client.get("/pages/plain-gone")

    assert response.status_code == 410
    assert lines(log_lines) == []
    assert django_request_lines.getvalue() == "Gone: /pages/plain-gone\n"


@pytest.mark.django_db
def test_with_the_json_line_switched_off_django_logs_the_catalog_4xx(
    client, log_lines, django_request_lines
):
    logger = logging.getLogger("catalog.errors")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        client.get("/api/no-such-endpoint")
    finally:
        logger.setLevel(level)

    assert lines(log_lines) == []
    assert django_request_lines.getvalue() == "Not Found: /api/no-such-endpoint\n"


@pytest.mark.django_db
def test_an_html_error_page_is_logged_once_as_the_json_line(
    client, log_lines, django_request_lines
):
    response = client.get("/no-such-page")

    assert response.status_code == 404
    (line,) = lines(log_lines)
    assert (line["status"], line["code"]) == (404, "not_found")
    assert django_request_lines.getvalue() == ""
