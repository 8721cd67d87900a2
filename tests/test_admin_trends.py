"""Trends as pictures (catalog/telemetry/trends.py, catalog/admin/trends.py, dashboard.py)."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.models import ErrorCount, ErrorReason, ErrorStatus
from catalog.telemetry.trends import HOURS, Trend, rising_get, trend_start, trends_get

pytestmark = pytest.mark.django_db
HOURLY_QUERY = 'SELECT "catalog_errorcount"."status" AS "status", "catalog_errorcount"."hour"'


def served(*, code: str, status: int, count: int, hours_ago: int) -> None:
    hour = timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(hours=hours_ago)
    ErrorCount.objects.create(
        hour=hour, status=status, code=code, route="api/x", count=count, last_seen=hour
    )


def test_a_trend_holds_each_hour_of_the_last_7_days_and_the_week_before():
    served(code="teapot", status=418, count=5, hours_ago=0)
    served(code="teapot", status=418, count=2, hours_ago=HOURS - 1)  # the first hour shown
    served(code="teapot", status=418, count=7, hours_ago=HOURS)  # the week before
    served(code="teapot", status=418, count=9, hours_ago=2 * HOURS)  # older still

    trend = trends_get(fields=("status", "code"), keys=[(418, "teapot")])[(418, "teapot")]

    assert trend.start == trend_start()
    assert len(trend.counts) == HOURS
    assert (trend.counts[-1], trend.counts[0], trend.total) == (5, 2, 7)
    assert (trend.previous_total, trend.change) == (7, "±0%")


def test_a_status_trend_adds_up_its_reasons_and_an_unserved_key_is_all_zero():
    served(code="not_found", status=404, count=3, hours_ago=1)
    served(code="endpoint_not_found", status=404, count=4, hours_ago=1)

    trends = trends_get(fields=("status",), keys=[(404,), (418,)])

    assert trends[(404,)].counts[-2] == 7
    assert (trends[(418,)].total, trends[(418,)].change) == (0, "")


@pytest.mark.parametrize(
    ("total", "previous", "change"),
    [(12, 100, "\u221288%"), (150, 100, "+50%"), (5, 0, "new"), (0, 0, ""), (101, 100, "+1%")],
)
def test_the_change_is_said_against_the_week_before(total, previous, change):
    trend = Trend(trend_start(), (0,) * (HOURS - 1) + (total,), previous)

    assert trend.change == change


def test_the_reasons_rising_most_in_the_last_24_hours_come_first():
    for day in range(1, 7):
        served(code="teapot", status=418, count=10, hours_ago=24 * day + 3)
        served(code="not_found", status=404, count=10, hours_ago=24 * day + 3)
    served(code="teapot", status=418, count=40, hours_ago=2)  # 30 over its usual day
    served(code="not_found", status=404, count=12, hours_ago=2)  # 2 over
    served(code="invalid", status=400, count=1, hours_ago=24 * 3)  # falling: not listed

    rising = rising_get()

    assert [(item.code, item.last_24h, item.daily_before) for item in rising] == [
        ("teapot", 40, 10.0),
        ("not_found", 12, 10.0),
    ]


def svgs(html: str) -> list[str]:
    return re.findall(r"<svg class=\"catalog-sparkline.*?</svg>", html, re.S)


def test_each_row_of_the_reason_list_has_a_sparkline_with_its_total_and_change(admin_client):
    served(code="teapot", status=418, count=5, hours_ago=1)
    served(code="teapot", status=418, count=7, hours_ago=30)
    served(code="teapot", status=418, count=100, hours_ago=24 * 9)

    html = admin_client.get("/admin/catalog/errorreason/?q=teapot").content.decode()

    (svg,) = svgs(html)
    label = "12 errors in the last 7 days, \u221288% on the week before (100)"
    assert f'aria-label="{label}"' in svg
    assert f"<title>{label}</title>" in svg
    assert (
        '<span class="trend-figures">12 <span class="trend-change">\u221288%</span></span>' in html
    )


def test_the_status_list_draws_one_sparkline_per_status_with_one_query_for_all():
    served(code="not_found", status=404, count=3, hours_ago=1)
    client = Client()
    client.force_login(User.objects.create_superuser("root", password="pw-1"))

    with CaptureQueriesContext(connection) as queries:
        html = client.get("/admin/catalog/errorstatus/").content.decode()

    hourly = [q for q in queries.captured_queries if q["sql"].startswith(HOURLY_QUERY)]
    assert len(hourly) == 1
    assert len(svgs(html)) == ErrorStatus.objects.count() == 14


def test_the_change_page_draws_a_bar_per_hour_served_and_says_the_week(admin_client):
    served(code="endpoint_not_found", status=404, count=4, hours_ago=0)
    served(code="not_found", status=404, count=6, hours_ago=5)
    served(code="not_found", status=404, count=5, hours_ago=HOURS + 2)
    status = ErrorStatus.objects.get(status=404)

    html = admin_client.get(f"/admin/catalog/errorstatus/{status.pk}/change/").content.decode()

    chart = html[
        html.index('id="catalog-trend"') : html.index(
            "</fieldset>", html.index('id="catalog-trend"')
        )
    ]
    assert len(re.findall(r'<rect class="trend-bar"', chart)) == 2
    assert "<strong>10</strong> in 7 days: <strong>+100%</strong> on the week before (5)" in chart
    assert 'aria-label="10 errors in the last 7 days, +100% on the week before (5)"' in chart


def test_the_pictures_need_no_script_no_style_attribute_and_no_external_file(admin_client):
    served(code="teapot", status=418, count=5, hours_ago=1)
    reason = ErrorReason.objects.get(code="teapot")

    response = admin_client.get(f"/admin/catalog/errorreason/{reason.pk}/change/")
    html = response.content.decode()
    chart = html[
        html.index('id="catalog-trend"') : html.index(
            "</fieldset>", html.index('id="catalog-trend"')
        )
    ]
    listed = admin_client.get("/admin/catalog/errorreason/?q=teapot").content.decode()

    for picture in [chart, *svgs(listed)]:
        assert "style=" not in picture
        assert "<script" not in picture
        assert "href" not in picture
        assert "http" not in picture
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "/static/catalog/admin-catalog.css" in html


def test_the_dashboard_lists_rising_reasons_and_gaps(admin_client):
    served(code="teapot", status=418, count=9, hours_ago=1)
    served(code="isbn_unavailable", status=502, count=4, hours_ago=1)
    teapot = ErrorReason.objects.get(code="teapot")

    response = admin_client.get("/admin/catalog/errortrend/")

    html = response.content.decode()
    assert response.status_code == 200
    rising = html[html.index('id="catalog-rising"') : html.index('id="catalog-dashboard-gaps"')]
    assert f'href="/admin/catalog/errorreason/{teapot.pk}/change/"' in rising
    assert "<code>teapot</code>" in rising
    gaps = html[html.index('id="catalog-dashboard-gaps"') :]
    assert "<code>isbn_unavailable</code>" in gaps
    assert "Create the status" in gaps


def test_the_dashboard_is_for_whoever_may_view_the_reasons(client, django_user_model):
    editor = django_user_model.objects.create_user("ed", password="pw-1", is_staff=True)
    editor.groups.add(Group.objects.get(name="Catalog editors"))
    stranger = django_user_model.objects.create_user("st", password="pw-1", is_staff=True)
    stranger.user_permissions.add(Permission.objects.get(codename="view_user"))

    client.force_login(editor)
    assert client.get("/admin/catalog/errortrend/").status_code == 200
    client.force_login(stranger)
    assert client.get("/admin/catalog/errortrend/").status_code == 403
