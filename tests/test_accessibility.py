"""
The pages this project adds pass an axe-core audit with no serious or critical
violation, in Debian's Chromium (npm's axe-core, injected; `make install` puts it in
.venv/axe), and the reference page works with the keyboard alone.
"""

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page

from catalog.models import ErrorStatus
from tests.test_browser_admin_fit import log_in
from tests.test_browser_reference import VIEWPORTS, in_browser  # noqa: F401 (fixture)

AXE = Path(__file__).resolve().parent.parent / ".venv" / "axe" / "node_modules" / "axe-core"
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def serious(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations of the page, with where they are."""
    page.add_script_tag(path=str(AXE / "axe.min.js"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "where": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_the_pages_pass_axe_with_no_serious_violation(live_server, in_browser):  # noqa: F811
    assert (AXE / "axe.min.js").exists(), "run make install (npm's axe-core into .venv/axe)"
    User.objects.create_superuser("root", password="root-password-1")
    not_found = ErrorStatus.objects.get(status=404).pk
    public = ["/errors/", "/de/errors/", "/fr/errors/", "/nowhere/"]
    admin = [
        "/admin/",
        "/admin/catalog/errorstatus/",
        f"/admin/catalog/errorstatus/{not_found}/change/",
        "/admin/catalog/errorreason/",
        "/admin/catalog/servederror/",
        "/admin/catalog/errortrend/",
    ]

    def audit(browser: Browser) -> dict[str, list[dict[str, Any]]]:
        found: dict[str, list[dict[str, Any]]] = {}
        for width in (1280, 390):
            # The pages' CSP allows no injected script: axe is the test's, not the page's.
            context = browser.new_context(
                viewport={"width": width, "height": 900}, bypass_csp=True
            )
            page = context.new_page()
            for path in public:
                page.goto(f"{live_server.url}{path}")
                found[f"{path} at {width}"] = serious(page)
            log_in(page, live_server.url)
            for path in admin:
                page.goto(f"{live_server.url}{path}")
                found[f"{path} at {width}"] = serious(page)
            context.close()
        return found

    found = in_browser(audit)

    assert {page: violations for page, violations in found.items() if violations} == {}
    assert len(found) == 2 * (len(public) + len(admin))


def test_the_keyboard_alone_reaches_the_filter_the_examples_and_the_links(
    live_server,
    in_browser,  # noqa: F811
):
    def tab_through(browser: Browser) -> list[str]:
        page = browser.new_page(viewport=VIEWPORTS["desktop"])
        page.goto(f"{live_server.url}/errors/")
        reached = []
        for _ in range(400):
            page.keyboard.press("Tab")
            reached.append(
                page.evaluate(
                    "(() => { const e = document.activeElement;"
                    " return e.tagName.toLowerCase() + '#' + (e.id || '') + '|'"
                    " + (e.getAttribute('href') || ''); })()"
                )
            )
        # A disclosure opens from the keyboard too.
        page.focus("article#not_found details summary")
        page.keyboard.press("Enter")
        assert page.locator("article#not_found details").get_attribute("open") is not None
        page.close()
        return reached

    reached = in_browser(tab_through)

    assert "input#error-filter|" in reached
    assert any(item.startswith("summary#") for item in reached)
    assert any(item.startswith("a#|#not_found") for item in reached)
