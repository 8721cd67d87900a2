"""History, revert and the restore-seed-text action in the admin."""

import pytest
from django.contrib.auth.models import User

from catalog.models import CatalogVersion, ErrorReason, ErrorStatus
from catalog.seeding import catalog_seed_restore
from catalog.selectors import catalog_get
from tests.admin_forms import change_url, client_for, status_post, user_create

pytestmark = pytest.mark.django_db

REASONS = "/admin/catalog/errorreason/"
STATUSES = "/admin/catalog/errorstatus/"
SEED_MESSAGE = "Unable to find api endpoint {method} {path}"


@pytest.fixture
def editor() -> User:
    return user_create("editor", editor=True)


def version() -> int:
    return CatalogVersion.objects.get(pk=1).version


def edit_endpoint_not_found(editor: User, message: str) -> ErrorReason:
    status = ErrorStatus.objects.get(status=404)
    data = status_post(status, reason__endpoint_not_found__message=message)
    assert client_for(editor).post(change_url(status), data).status_code == 302
    return ErrorReason.objects.get(code="endpoint_not_found")


def test_an_admin_edit_is_recorded_with_who_and_what(editor):
    reason = edit_endpoint_not_found(editor, "No route for {method} {path}")

    latest = reason.history.first()
    assert latest.history_user == editor
    assert latest.history_type == "~"
    delta = latest.diff_against(latest.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes if c.field == "message"] == [
        ("message", SEED_MESSAGE, "No route for {method} {path}")
    ]


def test_the_history_page_shows_the_change_as_a_diff(editor):
    reason = edit_endpoint_not_found(editor, "No route for {method} {path}")

    response = client_for(editor).get(f"{REASONS}{reason.pk}/history/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "No route for {method} {path}" in page
    assert SEED_MESSAGE in page
    assert "editor" in page


def test_reverting_from_history_puts_back_the_old_text_and_moves_the_version(editor):
    reason = edit_endpoint_not_found(editor, "No route for {method} {path}")
    seed_record = reason.history.last()
    before = version()
    revert_url = f"{REASONS}{reason.pk}/history/{seed_record.history_id}/"
    client = client_for(editor)
    form = client.get(revert_url).context["adminform"].form

    response = client.post(
        revert_url,
        {name: form.initial.get(name) for name in ("message", "placeholders", "troubleshooting")},
    )

    assert response.status_code == 302
    assert ErrorReason.objects.get(code="endpoint_not_found").message == SEED_MESSAGE
    assert version() == before + 1
    assert reason.history.first().history_user == editor


def test_a_revert_is_served_by_the_api(editor, client):
    reason = edit_endpoint_not_found(editor, "No route for {method} {path}")
    seed_record = reason.history.last()
    revert_url = f"{REASONS}{reason.pk}/history/{seed_record.history_id}/"
    admin_client = client_for(editor)
    form = admin_client.get(revert_url).context["adminform"].form
    admin_client.post(revert_url, {name: form.initial.get(name) for name in form.fields})

    assert client.get("/api/nope").json()["msg"] == "Unable to find api endpoint GET /api/nope"


def test_restore_seed_text_puts_back_the_seed_wording(editor):
    edit_endpoint_not_found(editor, "No route for {method} {path}")
    status = ErrorStatus.objects.get(status=404)
    status.title = "Missing"
    status.save()
    before = version()

    response = client_for(editor).post(
        STATUSES, {"action": "restore_seed_text", "_selected_action": [status.pk]}
    )

    assert response.status_code == 302
    assert ErrorStatus.objects.get(status=404).title == "Not Found"
    assert ErrorReason.objects.get(code="endpoint_not_found").message == SEED_MESSAGE
    assert version() > before
    assert catalog_get().reasons["endpoint_not_found"].message == SEED_MESSAGE


def test_restore_seed_text_on_reasons_reports_how_many_changed(editor):
    edit_endpoint_not_found(editor, "No route for {method} {path}")
    reasons = ErrorReason.objects.filter(code__in=["endpoint_not_found", "not_found"])

    response = client_for(editor).post(
        REASONS,
        {"action": "restore_seed_text", "_selected_action": [r.pk for r in reasons]},
        follow=True,
    )

    assert "Seed text restored on 1 entries." in response.content.decode()
    assert (
        ErrorReason.objects.get(code="endpoint_not_found").history.first().history_change_reason
        == "restore seed text"
    )


def test_restore_seed_text_leaves_reasons_that_are_not_seeded_alone():
    status = ErrorStatus.objects.get(status=404)
    extra = ErrorReason.objects.create(status=status, code="file_missing", message="Gone")

    changed = catalog_seed_restore(statuses=[status], reasons=[extra])

    assert changed == 0
    assert ErrorReason.objects.get(code="file_missing").message == "Gone"
