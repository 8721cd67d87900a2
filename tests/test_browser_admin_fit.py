"""
The admin in a real Chromium (Playwright) at 1280 px and 390 px: lists that fit with
their sparklines, a change page with its trend, chips and one preview per body, a
refused save, the request lookup and the dashboard. Screenshots: test-results/admin-*.png.
"""

import urllib.error
import urllib.request
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from catalog.models import ErrorCount, ErrorStatus
from catalog.telemetry.counting import counts_discard, counts_flush_all
from tests.test_browser_reference import in_browser, screenshot  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
WIDTHS = (1280, 390)


def serve(url: str, request_id: str) -> None:
    request = urllib.request.Request(url, headers={"X-Request-ID": request_id})  # noqa: S310
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(request)  # noqa: S310 - the live test server on loopback


def a_week_of_counts() -> None:
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    ErrorCount.objects.bulk_create(
        ErrorCount(
            hour=now - timedelta(hours=hours),
            status=404,
            code="endpoint_not_found",
            route="^api/",
            count=1 + (hours * 7) % 11,
            last_seen=now - timedelta(hours=hours),
        )
        for hours in range(1, 14 * 24, 3)
    )
    ErrorCount.objects.create(  # a spike: teapot rises
        hour=now - timedelta(hours=2),
        status=418,
        code="teapot",
        route="api/teapot",
        count=30,
        last_seen=now - timedelta(hours=2),
    )


def log_in(page: Page, base: str) -> None:
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.fill("#id_username", "root")
    page.fill("#id_password", "root-password-1")
    page.click('input[type="submit"]')
    expect(page.locator("#site-name")).to_be_visible()


def height(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollHeight"))


def test_the_admin_fits_and_shows_trends_and_what_clients_saw(
    live_server,
    in_browser,  # noqa: F811
    catalog_untranslated,
):
    counts_discard()
    User.objects.create_superuser("root", password="root-password-1")
    a_week_of_counts()
    for index in range(3):
        serve(f"{live_server.url}/api/foobar", f"ticket-{index}")
    counts_flush_all()
    not_found = ErrorStatus.objects.get(status=404).pk
    heights: dict[str, int] = {}

    def look(browser: Browser) -> None:
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            log_in(page, live_server.url)
            index = page.locator("#content-main .module caption").all_inner_texts()
            assert index[0].lower().startswith("error catalog"), index

            page.goto(f"{live_server.url}/admin/catalog/errorstatus/")
            expect(page.locator("#result_list svg.catalog-sparkline")).to_have_count(14)
            if width == 1280:  # every column in view, none cut off
                cut = page.evaluate(
                    "(() => { const r = document.querySelector('.results');"
                    " return r.scrollWidth - r.clientWidth; })()"
                )
                assert cut <= 0, f"the list is {cut} px wider than its box"
                expect(page.locator("th.column-last_served")).to_be_in_viewport()
            heights[f"statuses-{width}"] = height(page)
            screenshot(page, f"admin-statuses-{width}")

            page.goto(f"{live_server.url}/admin/catalog/errorstatus/{not_found}/change/")
            expect(page.locator("#catalog-trend svg.trend-bars")).to_be_visible()
            expect(page.locator(".placeholder-chip").first).to_have_text("{method}")
            # Nothing translated: one body per reason, labelled with every language.
            expect(page.locator("#catalog-preview .preview-json")).to_have_count(2)
            expect(page.locator('input[name="_save"]').first).to_be_in_viewport()
            heights[f"404-{width}"] = height(page)
            screenshot(page, f"admin-404-{width}")
            page.locator("#catalog-trend").screenshot(path="test-results/admin-trend.png")

            page.fill("#id_title", "")
            page.click('input[name="_save"] >> nth=0')
            summary = page.locator("#catalog-error-summary")
            expect(summary).to_be_in_viewport()
            expect(summary.locator("a")).to_have_text("Title")
            expect(page.locator("p.errornote").last).to_be_hidden()
            expect(page.locator("#site-name + *, .breadcrumbs")).to_contain_text("404 Not Found")
            screenshot(page, f"admin-refused-{width}", full_page=False)
            summary.locator("a").click()
            expect(page.locator("#id_title")).to_be_in_viewport()

            page.goto(f"{live_server.url}/admin/catalog/servederror/?q=ticket-1")
            expect(page.locator("#result_list tbody tr")).to_have_count(1)
            page.click("#result_list tbody tr th a")
            expect(page.locator(".field-msg")).to_contain_text(
                "Unable to find api endpoint GET /api/foobar"
            )
            expect(page.locator(".field-catalog_text_then")).to_contain_text(
                "Unable to find api endpoint {method} {path}"
            )
            heights[f"request-{width}"] = height(page)
            screenshot(page, f"admin-request-{width}")

            page.goto(f"{live_server.url}/admin/catalog/errortrend/")
            expect(page.locator("#catalog-rising tbody tr").first).to_contain_text("teapot")
            screenshot(page, f"admin-dashboard-{width}")
            page.close()

    in_browser(look)
    print("\npage heights:", heights)
