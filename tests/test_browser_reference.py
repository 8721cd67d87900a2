"""
The error-reference page in a real Chromium (Playwright), at phone and desktop
widths: a helpUrl from a real error response lands on its reason.

Full-page screenshots go to test-results/ (git-ignored).
"""

import json
import os
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
RESULTS = Path(__file__).resolve().parent.parent / "test-results"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def error_body(url: str) -> dict[str, object]:
    try:
        urllib.request.urlopen(url)  # noqa: S310 - the live test server on loopback
    except urllib.error.HTTPError as error:
        body: dict[str, object] = json.loads(error.read())
        return body
    raise AssertionError(f"{url} did not fail")


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "install Debian's chromium: apt-get install -y chromium"
    # Playwright's sync API runs an event loop in this thread; the database work of
    # the test itself stays synchronous (the documented pytest-django workaround).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.mark.parametrize("device", sorted(VIEWPORTS))
def test_a_help_url_from_a_real_error_lands_on_its_reason(live_server, browser, device):
    body = error_body(f"{live_server.url}/api/error-codes/499")
    assert body["code"] == "not_found"
    help_url = str(body["helpUrl"])
    assert help_url == f"{live_server.url}/errors/#not_found"
    page = browser.new_page(viewport=VIEWPORTS[device], is_mobile=device == "phone")
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)

    page.goto(help_url)

    target = page.locator("article#not_found")
    assert target.is_visible()
    assert page.evaluate("location.hash") == "#not_found"
    assert page.evaluate("document.querySelector(':target').id") == "not_found"
    box = target.bounding_box()
    assert box is not None
    assert 0 <= box["y"] < VIEWPORTS[device]["height"] / 2
    assert "Error code not found" not in target.inner_text()  # the page shows its own example
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[device]["width"], "no horizontal scrolling of the page"
    assert console_errors == []
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / f"reference-{device}-at-not_found.png"))
    page.evaluate("window.scrollTo(0, 0)")  # sticky parts are drawn where the scroll is
    page.screenshot(path=str(RESULTS / f"reference-{device}.png"), full_page=True)
    page.close()


def test_the_filter_narrows_the_page_to_matching_reasons(live_server, browser):
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    page.goto(f"{live_server.url}/errors/")

    page.fill("#error-filter", "token")

    visible = page.locator("article.reason:visible")
    assert sorted(visible.evaluate_all("els => els.map(e => e.id)")) == [
        "invalid_token",
        "token_expired",
    ]
    page.fill("#error-filter", "")
    assert page.locator("article.reason:visible").count() > 10
    page.close()


def test_the_not_found_page_looks_like_the_reference(live_server, browser):
    page = browser.new_page(viewport=VIEWPORTS["desktop"])

    response = page.goto(f"{live_server.url}/no/such/page")

    assert response is not None and response.status == 404
    assert page.locator(".site-header").is_visible()
    page.click("text=About this error")
    assert page.evaluate("location.hash") == "#not_found"
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "not-found-desktop.png"), full_page=True)
    page.close()
