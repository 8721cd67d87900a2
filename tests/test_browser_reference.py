"""
The error-reference page in a real Chromium (Playwright), at phone and desktop
widths: a helpUrl from a real error response lands on its reason.

Full-page screenshots go to test-results/ (git-ignored).
"""

import json
import shutil
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from catalog.errors.snapshot import catalog_get
from catalog.models import ErrorReason, ErrorReasonTranslation, ErrorStatus, ErrorStatusTranslation
from catalog.reference.pages import pages_split

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
RESULTS = Path(__file__).resolve().parent.parent / "test-results"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

InBrowser = Callable[[Callable[[Browser], Any]], Any]


@pytest.fixture(scope="module")
def in_browser() -> Iterator[InBrowser]:
    """
    Runs a function with the browser in a thread of its own: Playwright's sync API
    keeps an event loop running in its thread, and Django would then hand that
    thread other database connections than the test's.
    """
    assert Path(CHROMIUM).exists(), "install Debian's chromium: apt-get install -y chromium"
    executor = ThreadPoolExecutor(max_workers=1)
    playwright = executor.submit(lambda: sync_playwright().start()).result()
    browser = executor.submit(
        lambda: playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    ).result()
    yield lambda function: executor.submit(function, browser).result(timeout=120)
    executor.submit(browser.close).result()
    executor.submit(playwright.stop).result()
    executor.shutdown()


def error_body(url: str) -> dict[str, Any]:
    try:
        urllib.request.urlopen(url)  # noqa: S310 - the live test server on loopback
    except urllib.error.HTTPError as error:
        body: dict[str, Any] = json.loads(error.read())
        return body
    raise AssertionError(f"{url} did not fail")


def screenshot(page: Page, name: str, *, full_page: bool = True) -> None:
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / f"{name}.png"), full_page=full_page)


@pytest.mark.parametrize("device", sorted(VIEWPORTS))
def test_a_help_url_from_a_real_error_lands_on_its_reason(live_server, in_browser, device):
    body = error_body(f"{live_server.url}/api/error-codes/499")
    assert body["code"] == "not_found"
    help_url = body["helpUrl"]
    assert help_url == f"{live_server.url}/errors/#not_found"
    viewport = VIEWPORTS[device]

    def follow(browser: Browser) -> None:
        page = browser.new_page(viewport=viewport, is_mobile=device == "phone")
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(help_url)

        target = page.locator("article#not_found")
        assert target.is_visible()
        assert page.evaluate("document.querySelector(':target').id") == "not_found"
        box = target.bounding_box()
        assert box is not None
        assert 0 <= box["y"] < viewport["height"] / 2, "the reason is at the top of the window"
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert page.locator(".toc-list a.current").get_attribute("href") == "#not_found"
        assert errors == []
        screenshot(page, f"reference-{device}-at-not_found", full_page=False)
        page.evaluate("window.scrollTo(0, 0)")  # sticky parts are drawn where the scroll is
        screenshot(page, f"reference-{device}")
        page.close()

    in_browser(follow)


def test_a_help_url_to_a_reason_on_a_later_page_lands_on_that_page(
    live_server, in_browser, settings
):
    # A large catalog's page goes on over ?page=N; a helpUrl stays /errors/#code.
    settings.CATALOG_REFERENCE_PAGE_SIZE = 8
    pages = pages_split(catalog_get(), 8)
    code, number = max(pages.page_of.items(), key=lambda item: item[1])
    assert number > 1

    def follow(browser: Browser) -> None:
        page = browser.new_page(viewport=VIEWPORTS["desktop"])
        page.goto(f"{live_server.url}/errors/#{code}")
        page.wait_for_url(f"**/errors/?page={number}#{code}")

        assert page.evaluate("document.querySelector(':target').id") == code
        assert page.locator(f'[id="{code}"]').is_visible()
        page.close()

    in_browser(follow)


def test_the_filter_narrows_the_page_to_matching_reasons(live_server, in_browser):
    reason_count = ErrorReason.objects.count()

    def filter_page(browser: Browser) -> None:
        page = browser.new_page(viewport=VIEWPORTS["desktop"])
        page.goto(f"{live_server.url}/errors/")

        page.fill("#error-filter", "expire")

        shown = page.locator("article.reason:visible").evaluate_all("els => els.map(e => e.id)")
        assert sorted(shown) == ["token_expired"]
        assert page.locator("section.status-section[data-status]:visible").count() == 1
        # The filter is kept in the URL: a reload (or a shared link) shows the same.
        assert page.url.endswith("/errors/?q=expire")
        page.reload()
        assert page.input_value("#error-filter") == "expire"
        shown = page.locator("article.reason:visible").evaluate_all("els => els.map(e => e.id)")
        assert sorted(shown) == ["token_expired"]
        page.fill("#error-filter", "")
        assert page.url.endswith("/errors/")
        assert page.locator("article.reason:visible").count() == reason_count
        page.close()

    in_browser(filter_page)


def test_the_language_switcher_goes_from_the_old_lang_link_to_each_language_url(
    live_server, in_browser, catalog_untranslated
):
    ErrorStatusTranslation.objects.create(
        status=ErrorStatus.objects.get(status=404), language="de", title="Nicht gefunden"
    )
    ErrorReasonTranslation.objects.create(
        reason=ErrorReason.objects.get(code="not_found"), language="de", message="{resource} fehlt"
    )

    def switch(browser: Browser) -> None:
        page = browser.new_page(viewport=VIEWPORTS["desktop"])
        page.goto(f"{live_server.url}/errors/?lang=de#not_found")  # a link of the old kind

        assert page.url == f"{live_server.url}/de/errors/#not_found"
        assert page.locator("html").get_attribute("lang") == "de"
        example = page.locator("article#not_found .example-response").inner_text()
        assert '"msg": "Instance fehlt"' in example
        assert "Content-Language: de" in example
        screenshot(page, "reference-de-not-found", full_page=False)
        page.click(".language-switcher >> text=Français")
        assert page.url == f"{live_server.url}/fr/errors/"
        assert page.locator("html").get_attribute("lang") == "fr"
        page.click(".language-switcher >> text=English")
        assert page.url == f"{live_server.url}/errors/"
        assert page.locator("article#not_found h3").is_visible()
        page.close()

    in_browser(switch)


def test_the_not_found_page_looks_like_the_reference(live_server, in_browser):
    def not_found(browser: Browser) -> None:
        page = browser.new_page(viewport=VIEWPORTS["desktop"])
        response = page.goto(f"{live_server.url}/no/such/page")

        assert response is not None
        assert response.status == 404
        assert page.locator(".site-header").is_visible()
        screenshot(page, "not-found-desktop")
        page.click("text=About this error")
        assert page.evaluate("location.hash") == "#not_found"
        page.close()

    in_browser(not_found)


def test_the_page_prints_without_navigation(live_server, in_browser):
    def printed(browser: Browser) -> None:
        page = browser.new_page(viewport=VIEWPORTS["desktop"])
        page.goto(f"{live_server.url}/errors/")
        page.emulate_media(media="print")

        assert not page.locator(".sidebar").is_visible()
        assert not page.locator(".site-header").is_visible()
        assert page.locator("article#not_found").is_visible()
        page.close()

    in_browser(printed)
