"""The request log (catalog/telemetry/request_log.py): each error served, kept for support."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.models import ErrorReason, ErrorReasonTranslation, ErrorStatus, ServedError
from catalog.telemetry.counting import counts_discard, counts_flush_all
from catalog.telemetry.request_log import (
    PENDING_MAX,
    request_log_flush,
    request_log_prune,
    served_errors_pending,
)
from tests.outages import database_down


@pytest.fixture(autouse=True)
def _nothing_pending_from_other_tests():
    counts_discard()


def served(request_id: str) -> ServedError:
    return ServedError.objects.get(request_id=request_id)


def rows(*, count: int, hours_ago: float = 0) -> None:
    at = timezone.now() - timedelta(hours=hours_ago)
    ServedError.objects.bulk_create(
        ServedError(
            request_id=f"old-{hours_ago}-{index}",
            served_at=at,
            status=404,
            code="not_found",
            route="api/things",
            method="GET",
            language="en",
            msg="Thing not found",
            catalog_version=1,
        )
        for index in range(count)
    )


@pytest.mark.django_db
def test_an_error_served_is_kept_with_the_msg_exactly_as_sent(client):
    response = client.get("/api/foobar", HTTP_X_REQUEST_ID="support-1")

    assert ServedError.objects.count() == 0  # nothing written on the error path
    assert request_log_flush() == 1

    row = served("support-1")
    assert row.msg == response.json()["msg"] == "Unable to find api endpoint GET /api/foobar"
    assert (row.status, row.code, row.route, row.method) == (
        404,
        "endpoint_not_found",
        "^api/",
        "GET",
    )
    assert (row.language, row.user_id, row.catalog_gap) == ("en", "", False)
    assert row.catalog_version >= 1
    assert abs(row.served_at - timezone.now()) < timedelta(seconds=5)


@pytest.mark.django_db
def test_the_error_path_makes_no_query_for_the_request_log(client):
    client.get("/api/teapot")  # warm: the snapshot is loaded
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/teapot", HTTP_X_REQUEST_ID="warm-1")

    assert [q["sql"] for q in queries.captured_queries] == []
    assert len(served_errors_pending) == 2


@pytest.mark.django_db
def test_a_pending_error_holds_what_the_client_got_never_the_request_body(api):
    # Before: the request and response themselves waited for the flush, and with them
    # the request's body (2.5 MB each at most; 10,000 of them: 25 GB).
    big = {"instance": {"name": "", "description": "x" * 2_000_000}}
    response = api.post("/api/instances", big, content_type="application/json")
    assert response.status_code == 400

    _, sent, error, _, _ = served_errors_pending[-1]
    assert sent.request is None
    assert isinstance(sent.body, dict)
    assert len(json.dumps(sent.body)) < 5_000
    assert error.code == "invalid"


@pytest.mark.django_db
def test_a_translated_msg_is_kept_in_the_language_it_was_sent_in(client, catalog_untranslated):
    ErrorReasonTranslation.objects.create(
        reason=ErrorReason.objects.get(code="endpoint_not_found"),
        language="de",
        message="API-Endpunkt {method} {path} nicht gefunden",
    )
    response = client.get("/api/foobar", HTTP_ACCEPT_LANGUAGE="de", HTTP_X_REQUEST_ID="de-1")
    request_log_flush()

    row = served("de-1")
    assert response.json()["msg"] == "API-Endpunkt GET /api/foobar nicht gefunden"
    assert (row.msg, row.language) == ("API-Endpunkt GET /api/foobar nicht gefunden", "de")


@pytest.mark.django_db
def test_a_problem_details_error_keeps_its_detail_as_the_msg(client):
    response = client.get(
        "/api/teapot", HTTP_ACCEPT="application/problem+json", HTTP_X_REQUEST_ID="problem-1"
    )
    request_log_flush()

    assert response["Content-Type"] == "application/problem+json"
    assert served("problem-1").msg == response.json()["detail"] == "I'm a teapot."


@pytest.mark.django_db
def test_an_html_error_page_keeps_the_msg_the_page_shows(client):
    response = client.get("/no/such/page", HTTP_X_REQUEST_ID="page-1")
    request_log_flush()

    row = served("page-1")
    assert response.status_code == 404
    assert (row.code, row.route, row.msg) == ("not_found", "<unmatched>", "Page not found")
    assert f'<p class="lead">{row.msg}</p>' in response.content.decode()


@pytest.mark.django_db
def test_an_authenticated_clients_error_keeps_its_user_id(api, user):
    response = api.get("/api/instances/424242", HTTP_X_REQUEST_ID="user-1")
    request_log_flush()

    row = served("user-1")
    assert response.status_code == 404
    assert (row.code, row.msg, row.user_id) == ("not_found", "Instance not found", str(user.pk))


@pytest.mark.django_db
def test_an_error_without_its_catalog_entry_is_kept_as_a_gap(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ErrorReason.objects.filter(code="teapot").delete()
    client.get("/api/teapot", HTTP_X_REQUEST_ID="gap-1")
    request_log_flush()

    assert served("gap-1").catalog_gap is True


@pytest.mark.django_db
def test_successes_reference_examples_and_admin_previews_are_not_kept(client, admin_client):
    client.get("/api/ping")
    client.get("/errors/")  # renders an example of every reason
    admin_client.get(
        f"/admin/catalog/errorstatus/{ErrorStatus.objects.get(status=404).pk}/change/"
    )

    assert request_log_flush() == 0


@pytest.mark.django_db
def test_the_request_log_switched_off_keeps_nothing(client, settings):
    settings.CATALOG_REQUEST_LOG = False
    client.get("/api/teapot")

    assert request_log_flush() == 0
    assert len(served_errors_pending) == 0


@pytest.mark.django_db
def test_counting_switched_off_records_nothing_either(client, settings):
    settings.CATALOG_COUNTING = False
    client.get("/api/teapot")

    assert len(served_errors_pending) == 0


def test_a_process_keeps_a_bounded_number_of_errors_between_two_flushes():
    assert served_errors_pending.maxlen == PENDING_MAX == 10_000


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_flush_that_fails_keeps_its_rows_for_the_next(client):
    client.get("/api/teapot", HTTP_X_REQUEST_ID="kept-1")
    with database_down(), pytest.raises(Exception):  # noqa: B017,PT011 (the driver's own error)
        request_log_flush()

    assert request_log_flush() == 1
    assert served("kept-1").code == "teapot"


@pytest.mark.django_db
def test_counts_flush_all_flushes_the_request_log_too(client):
    client.get("/api/teapot", HTTP_X_REQUEST_ID="all-1")
    counts_flush_all()

    assert served("all-1").msg == "I'm a teapot."


@pytest.mark.django_db
def test_errors_older_than_the_retention_are_pruned(settings):
    settings.CATALOG_REQUEST_LOG_DAYS = 7
    rows(count=3, hours_ago=7 * 24 + 1)
    rows(count=2, hours_ago=7 * 24 - 1)

    assert request_log_prune() == 3
    assert ServedError.objects.count() == 2


@pytest.mark.django_db
def test_the_row_cap_keeps_the_newest(settings):
    settings.CATALOG_REQUEST_LOG_MAX_ROWS = 4
    rows(count=3, hours_ago=2)
    rows(count=3, hours_ago=1)

    assert request_log_prune() == 2
    kept = set(ServedError.objects.values_list("request_id", flat=True))
    assert kept == {"old-2-2", "old-1-0", "old-1-1", "old-1-2"}


@pytest.mark.django_db
def test_under_the_cap_nothing_is_pruned(settings):
    settings.CATALOG_REQUEST_LOG_MAX_ROWS = 10
    rows(count=3)

    assert request_log_prune() == 0


@pytest.mark.django_db
def test_error_bodies_have_no_request_log_url_by_default(client):
    assert "requestLogUrl" not in client.get("/api/teapot").json()


@pytest.mark.django_db
def test_the_request_log_url_finds_the_request_in_the_admin(client, admin_client, settings):
    settings.CATALOG_REQUEST_LOG_URL = True
    body = client.get("/api/teapot", HTTP_X_REQUEST_ID="linked-1").json()
    request_log_flush()

    assert body["requestLogUrl"] == "http://testserver/admin/catalog/servederror/?q=linked-1"
    page = admin_client.get(body["requestLogUrl"].removeprefix("http://testserver"))
    assert page.status_code == 200
    assert "linked-1" in page.content.decode()
    assert page.context["cl"].result_count == 1
