"""Served counts on the changelists and the catalog gaps view (catalog/admin/counts.py, gaps.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from catalog.models import ErrorCount, ErrorReason, ErrorStatus
from catalog.telemetry.counting import counts_discard, counts_flush_all


@pytest.fixture(autouse=True)
def _no_counts_from_other_tests():
    counts_discard()


def count_row(*, code: str, status: int, count: int, hours_ago: int) -> None:
    hour = timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(hours=hours_ago)
    ErrorCount.objects.create(
        hour=hour, status=status, code=code, route="api/teapot", count=count, last_seen=hour
    )


def cells(html: str, row_marker: str) -> str:
    start = html.index(row_marker)
    return html[start : html.index("</tr>", start)]


@pytest.mark.django_db
def test_the_reason_changelist_shows_served_in_24_hours_7_days_and_when_last(admin_client):
    count_row(code="teapot", status=418, count=5, hours_ago=1)
    count_row(code="teapot", status=418, count=7, hours_ago=30)
    count_row(code="teapot", status=418, count=100, hours_ago=24 * 9)  # older than a week

    response = admin_client.get("/admin/catalog/errorreason/?q=teapot")

    assert response.status_code == 200
    html = response.content.decode()
    for header in ("Served 24 h", "Last 7 days", "Last served"):
        assert header in html
    row = cells(html, ">teapot<")
    assert '<td class="field-served_24h">5</td>' in row
    # The 7 days' total, and its change on the week before (100, nine days ago).
    assert (
        '<span class="trend-figures">12 <span class="trend-change">\u221288%</span></span>' in row
    )


@pytest.mark.django_db
def test_the_status_changelist_sums_its_reasons_and_sorts_by_most_served(admin_client):
    count_row(code="not_found", status=404, count=3, hours_ago=0)
    count_row(code="endpoint_not_found", status=404, count=4, hours_ago=2)
    count_row(code="teapot", status=418, count=1, hours_ago=0)

    response = admin_client.get("/admin/catalog/errorstatus/?o=-6")

    html = response.content.decode()
    assert '<td class="field-served_24h">7</td>' in cells(html, ">404<")
    assert html.index(">404<") < html.index(">418<") < html.index(">400<")
    assert "never" in cells(html, ">400<")


@pytest.mark.django_db
def test_served_errors_reach_the_changelist_after_a_flush(admin_client, client):
    client.get("/api/teapot")
    client.get("/api/teapot")
    counts_flush_all()

    html = admin_client.get("/admin/catalog/errorreason/?q=teapot").content.decode()

    assert '<td class="field-served_24h">2</td>' in cells(html, ">teapot<")


@pytest.mark.django_db
def test_the_gaps_view_lists_an_error_whose_reason_was_deleted(
    admin_client, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ErrorReason.objects.filter(code="teapot").delete()
    for _ in range(3):
        assert client.get("/api/teapot").status_code == 418
    client.get("/api/foobar")  # in the catalog: not a gap
    counts_flush_all()

    response = admin_client.get("/admin/catalog/cataloggap/")

    assert response.status_code == 200
    html = response.content.decode()
    row = cells(html, "<td>418</td>")
    assert "<code>teapot</code>" in row
    assert "<td>3</td>" in row
    status_pk = ErrorStatus.objects.get(status=418).pk
    assert f'href="/admin/catalog/errorreason/add/?status={status_pk}&amp;code=teapot"' in row
    assert "endpoint_not_found" not in html


@pytest.mark.django_db
def test_a_gap_of_a_whole_status_links_to_creating_the_status(admin_client):
    count_row(code="odd", status=499, count=2, hours_ago=0)

    html = admin_client.get("/admin/catalog/cataloggap/").content.decode()

    row = cells(html, "<td>499</td>")
    assert "<td>status</td>" in row
    assert 'href="/admin/catalog/errorstatus/add/?status=499"' in row


@pytest.mark.django_db
def test_the_gaps_view_says_so_when_there_are_none(admin_client):
    html = admin_client.get("/admin/catalog/cataloggap/").content.decode()

    assert "No gaps: every error served had its catalog entry." in html


@pytest.mark.django_db
def test_the_gaps_view_is_read_only_and_for_staff_only(admin_client, client):
    assert admin_client.get("/admin/catalog/cataloggap/add/").status_code == 403
    response = client.get("/admin/catalog/cataloggap/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_staff_without_the_gaps_view_permission_are_refused(client, django_user_model):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    client.force_login(viewer)
    assert client.get("/admin/catalog/cataloggap/").status_code == 403

    viewer.user_permissions.add(Permission.objects.get(codename="view_cataloggap"))
    assert client.get("/admin/catalog/cataloggap/").status_code == 200
