"""
One log record per error response: Django's own (django.request's log_response), with
the catalog's fields as extra; the demo's settings.LOGGING writes it as a JSON line.
"""

import io
import json
import logging
from collections.abc import Iterator

import pytest
from pythonjsonlogger.json import JsonFormatter

from catalog.telemetry.counting import counts_discard
from tests.views import SECRET_TEXT

FIELDS = {"requestId", "status", "code", "route", "method", "userId", "durationMs", "catalogGap"}


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def records() -> Iterator[list[logging.LogRecord]]:
    """Every record written anywhere while the test runs (the root and django.request)."""
    handler = Records()
    loggers = [logging.getLogger(), logging.getLogger("django.request")]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler.records
    for logger in loggers:
        logger.removeHandler(handler)
    counts_discard()


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """What the demo's JSON handler of django.request writes, captured."""
    logger = logging.getLogger("django.request")
    (configured,) = [h for h in logger.handlers if isinstance(h.formatter, JsonFormatter)]
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(configured.formatter)
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)
    counts_discard()


def lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status", "level"),
    [
        ("/api/users", 403, logging.WARNING),  # a DRF view's 4xx
        ("/api/no-such-endpoint", 404, logging.WARNING),  # the catalog's own view
        ("/no-such-page", 404, logging.WARNING),  # an HTML error page
        ("/api/test/raise/unhandled", 500, logging.ERROR),  # a DRF view's 5xx
        ("/api/test/django-boom", 500, logging.ERROR),  # handler500
    ],
)
def test_one_error_response_writes_exactly_one_record_on_django_request(
    api, records, path, status, level
):
    response = api.get(path)

    assert response.status_code == status
    (record,) = records
    assert (record.name, record.levelno) == ("django.request", level)
    assert vars(record).keys() >= FIELDS
    assert (record.status, record.status_code) == (status, status)
    assert (record.exc_info is not None) is (status >= 500)  # 5xx keep the traceback


@pytest.mark.django_db
def test_the_json_line_carries_the_catalogs_fields(api, user, log_lines):
    response = api.get("/api/users", headers={"X-Request-ID": "req-42"})  # admins only

    assert response.status_code == 403
    (line,) = lines(log_lines)
    assert line["message"] == "Forbidden: /api/users"
    assert line["requestId"] == "req-42"
    assert (line["status"], line["code"], line["route"]) == (403, "permission_denied", "api/users")
    assert (line["method"], line["userId"]) == ("GET", user.pk)
    assert 0 < line["durationMs"] < 5000
    assert (line["level"], line["logger"]) == ("WARNING", "django.request")
    assert line["catalogGap"] is False
    assert "request" not in line
    assert "exc_info" not in line


@pytest.mark.django_db
def test_an_anonymous_error_on_an_unknown_path_logs_no_user_and_no_route(client, log_lines):
    client.get("/no/such/secret-path-123")

    (line,) = lines(log_lines)
    assert (line["status"], line["code"], line["route"]) == (404, "not_found", "<unmatched>")
    assert line["userId"] is None


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
def test_a_4xx_the_catalog_never_saw_is_logged_by_django_without_fields(client, records):
    response = client.get("/pages/plain-gone")

    assert response.status_code == 410
    (record,) = records
    assert record.getMessage() == "Gone: /pages/plain-gone"
    assert not FIELDS & vars(record).keys()
