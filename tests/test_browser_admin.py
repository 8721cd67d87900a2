"""
A catalog editor, in real Chromium, changes the 404 endpoint_not_found message;
a separately running gunicorn (two workers, PostgreSQL + Redis) serves it within
1 second; the history shows it; a broken template is a form error.
Screenshots: test-results/browser-admin/.
"""

import time
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import Page, expect, sync_playwright

from tests.live_server import (
    api_get,
    gunicorn_running,
    require_postgres_and_redis,
    wait_until_every_worker_serves,
    worker_pids,
)
from tests.servers import BASE_DIR

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SHOTS = BASE_DIR / "test-results" / "browser-admin"
SEED_MESSAGE = "Unable to find api endpoint {method} {path}"
NEW_MESSAGE = "No API endpoint answers {method} {path}"
PROBE = "/api/browser-probe"


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def message_input(page: Page, value: str):
    return page.locator(f'input[name$="-message"][value="{value}"]')


def log_in(page: Page, base: str) -> None:
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "editor-password-1")
    shot(page, "01-login")
    page.click('input[type="submit"]')
    expect(page.locator("#site-name")).to_be_visible()
    shot(page, "02-admin-index")


def test_an_editor_changes_a_message_and_every_worker_serves_it(live_server, tmp_path: Path):
    require_postgres_and_redis()
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium"
    SHOTS.mkdir(parents=True, exist_ok=True)
    editor = User.objects.create_user("editor", password="editor-password-1", is_staff=True)
    editor.groups.add(Group.objects.get(name="Catalog editors"))

    with gunicorn_running(tmp_path / "gunicorn.log") as api, sync_playwright() as playwright:
        pids = worker_pids(api, PROBE)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        log_in(page, live_server.url)

        page.click("text=Error statuses")
        page.fill("#searchbar", "endpoint_not_found")
        page.press("#searchbar", "Enter")
        page.click("text=Not Found")
        message_input(page, SEED_MESSAGE).fill(NEW_MESSAGE)
        preview = page.locator("#preview-endpoint_not_found > .preview-json")
        expect(preview).to_contain_text("No API endpoint answers GET /api/example")
        expect(page.locator("#catalog-preview-state")).to_have_text("(unsaved values)")
        shot(page, "03-edited-with-preview")
        clicked = time.monotonic()
        page.click('input[name="_save"]')
        expect(page.locator(".messagelist .success")).to_be_visible()
        shot(page, "04-saved")

        seconds = wait_until_every_worker_serves(
            api,
            PROBE,
            f"No API endpoint answers GET {PROBE}",
            timeout=1.0,
            pids=pids,
            since=clicked,
        )
        status, _pid, body = api_get(api, PROBE)

        page.goto(f"{live_server.url}/admin/catalog/errorreason/?q=endpoint_not_found")
        page.click("th.field-code a")
        page.click("a.historylink")
        history = page.locator("#content")
        expect(history).to_contain_text(NEW_MESSAGE)
        expect(history).to_contain_text(SEED_MESSAGE)
        expect(history).to_contain_text("editor")
        shot(page, "05-history")

        page.goto(f"{live_server.url}/admin/catalog/errorstatus/?q=endpoint_not_found")
        page.click("text=Not Found")
        message_input(page, NEW_MESSAGE).fill("No API endpoint answers {method} {path")
        page.click('input[name="_save"]')
        expect(page.locator("#catalog-error-summary")).to_be_in_viewport()  # each error at the top
        expect(page.locator(".errorlist").first).to_have_text(
            "Braces are unbalanced: write {{ and }} for literal braces."
        )
        expect(page.locator("#preview-endpoint_not_found > .preview-problem")).to_have_text(
            "Braces are unbalanced: write {{ and }} for literal braces."
        )
        shot(page, "06-broken-template-refused")
        browser.close()
        after_refusal = api_get(api, PROBE)[2]["msg"]

    print(f"\nfrom the Save click to both workers serving it: {seconds * 1000:.0f} ms")
    assert seconds < 1.0
    assert status == 404
    assert body["code"] == "endpoint_not_found"
    assert after_refusal == f"No API endpoint answers GET {PROBE}"
