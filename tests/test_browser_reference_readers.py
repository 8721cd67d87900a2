"""
The reference page in a real Chromium: examples folded, the one a helpUrl targets
open; its height at 1280 px and 390 px. Screenshots: test-results/reference-folded-*.png
(reference-folded-401-1280.png is docs/reference-folded.png in the README).
"""

import pytest
from playwright.sync_api import Browser, expect

from tests.test_browser_reference import in_browser, screenshot  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_examples_are_folded_and_a_help_url_opens_its_own(live_server, in_browser):  # noqa: F811
    heights: dict[int, int] = {}

    def look(browser: Browser) -> None:
        for width in (1280, 390):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(f"{live_server.url}/errors/#not_found")
            expect(page.locator("#not_found details.example")).to_have_attribute("open", "")
            expect(page.locator("#not_found .example-response")).to_be_visible()
            expect(page.locator("#teapot details.example")).not_to_have_attribute("open", "")
            page.goto(f"{live_server.url}/errors/#teapot")  # a new anchor, same page
            expect(page.locator("#teapot details.example")).to_have_attribute("open", "")
            page.goto(f"{live_server.url}/errors/")
            page.reload()
            expect(page.locator("details.example[open]")).to_have_count(0)
            # The README's picture: a status's reasons, each example folded.
            page.evaluate("document.getElementById('401').scrollIntoView()")
            screenshot(page, f"reference-folded-401-{width}", full_page=False)
            page.locator("#invalid details.example > summary").click()
            expect(page.locator("#invalid .example-request")).to_be_visible()
            page.reload()
            heights[width] = int(page.evaluate("document.documentElement.scrollHeight"))
            screenshot(page, f"reference-folded-{width}")
            page.close()

    in_browser(look)
    print("\n/errors/ heights:", heights)
    assert heights[1280] < 15_000
    assert heights[390] < 18_000
