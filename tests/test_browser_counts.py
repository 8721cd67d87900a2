"""
The served counts and the catalog gaps view in a real Chromium (Playwright): what
an editor sees after real traffic. Screenshots: test-results/counts-*.png (the
README's docs/admin-counts.png is the reasons one).
"""

import urllib.error
import urllib.request
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import Browser, expect

from catalog.models import ErrorCount, ErrorReason
from catalog.telemetry.counting import counts_discard, counts_flush_all
from tests.test_browser_reference import in_browser, screenshot  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
TRAFFIC = {"/api/foobar": 9, "/api/teapot": 4, "/api/whoami": 6, "/api/users": 3}


def serve(url: str) -> None:
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(url)  # noqa: S310 - the live test server on loopback


def test_an_editor_sees_how_often_each_reason_was_served_and_the_gaps(live_server, in_browser):  # noqa: F811
    counts_discard()
    User.objects.create_superuser("editor", password="editor-password-1")
    ErrorReason.objects.filter(code="teapot").delete()  # served below: a gap
    week = timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(days=3)
    ErrorCount.objects.create(
        hour=week, status=404, code="endpoint_not_found", route="^api/", count=40, last_seen=week
    )
    for path, times in TRAFFIC.items():
        for _ in range(times):
            serve(f"{live_server.url}{path}")
    counts_flush_all()

    def look(browser: Browser) -> None:
        page = browser.new_page(viewport={"width": 1800, "height": 760})
        page.goto(f"{live_server.url}/admin/login/?next=/admin/catalog/errorreason/?o=-5")
        page.fill("#id_username", "editor")
        page.fill("#id_password", "editor-password-1")
        page.click('input[type="submit"]')
        first = page.locator("#result_list tbody tr").first
        expect(first.locator("th.field-code")).to_have_text("endpoint_not_found")
        expect(first.locator("td.field-served_24h")).to_have_text("9")
        expect(first.locator("td.field-trend .trend-figures")).to_have_text("49 new")
        screenshot(page, "counts-reasons", full_page=False)
        page.goto(f"{live_server.url}/admin/catalog/cataloggap/")
        row = page.locator("#catalog-gaps tbody tr").first
        expect(row).to_contain_text("teapot")
        expect(row.locator("td").nth(3)).to_have_text("4")
        expect(row.locator("a.addlink")).to_have_text("Create the reason")
        screenshot(page, "counts-gaps", full_page=False)
        page.close()

    in_browser(look)
