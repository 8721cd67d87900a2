"""History, revert and the restore-seed-text action in the admin."""

import json

import pytest
from django.contrib.auth.models import User
from django.test import TestCase

from catalog.errors.snapshot import catalog_get
from catalog.models import (
    CatalogVersion,
    ErrorReason,
    ErrorReasonTranslation,
    ErrorStatus,
    ErrorStatusTranslation,
)
from catalog.seeding import catalog_seed_restore
from tests.admin_forms import (
    change_url,
    client_for,
    inline_management,
    status_post,
    user_create,
)

# Each test writes the translations it needs into a catalog without the shipped ones.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalog_untranslated")]

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


TRANSLATIONS = "/admin/catalog/errorreasontranslation/"
STATUS_TRANSLATIONS = "/admin/catalog/errorstatustranslation/"
GERMAN_MESSAGE = "Kein API-Endpunkt {method} {path}"


def translate_endpoint_not_found(editor: User, message: str) -> ErrorReasonTranslation:
    """Enter (or change) the German message on the reason's page, as an editor does."""
    reason = ErrorReason.objects.get(code="endpoint_not_found")
    current = reason.translations.filter(language="de").first()
    row = {"language": "de", "message": message, "troubleshooting": ""}
    if current is not None:
        row["id"] = current.pk
    data = {
        "code": reason.code,
        "message": reason.message,
        "placeholders": reason.placeholders,
        "troubleshooting": reason.troubleshooting,
        **inline_management("translations", 1 if current else 0),
        "translations-TOTAL_FORMS": 1,
        **{f"translations-0-{key}": value for key, value in row.items()},
    }
    url = f"{REASONS}{reason.pk}/change/"
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert client_for(editor).post(url, data).status_code == 302
    return reason.translations.get(language="de")


def test_a_translation_entered_in_the_inline_is_recorded_with_who_and_what(editor):
    translate_endpoint_not_found(editor, GERMAN_MESSAGE)
    translation = translate_endpoint_not_found(editor, "Nichts unter {method} {path}")

    latest, first = list(translation.history.all())
    assert (first.history_type, latest.history_type) == ("+", "~")
    assert latest.history_user == editor
    delta = latest.diff_against(first)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [
        ("message", GERMAN_MESSAGE, "Nichts unter {method} {path}")
    ]


def test_the_inline_links_to_the_translations_own_page_with_its_history(editor):
    translation = translate_endpoint_not_found(editor, GERMAN_MESSAGE)
    client = client_for(editor)

    reason_page = client.get(f"{REASONS}{translation.reason.pk}/change/").content.decode()
    own_page = client.get(f"{TRANSLATIONS}{translation.pk}/change/").content.decode()
    history = client.get(f"{TRANSLATIONS}{translation.pk}/history/")

    assert f"{TRANSLATIONS}{translation.pk}/change/" in reason_page
    assert f"{TRANSLATIONS}{translation.pk}/history/" in own_page
    assert history.status_code == 200
    assert GERMAN_MESSAGE in history.content.decode()
    assert "editor" in history.content.decode()


def test_reverting_a_translation_from_history_is_served_to_german_readers(editor, client):
    translate_endpoint_not_found(editor, GERMAN_MESSAGE)
    translation = translate_endpoint_not_found(editor, "Nichts unter {method} {path}")
    first = translation.history.last()
    before = version()
    revert_url = f"{TRANSLATIONS}{translation.pk}/history/{first.history_id}/"
    admin_client = client_for(editor)
    form = admin_client.get(revert_url).context["adminform"].form

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post(
            revert_url, {name: form.initial.get(name) for name in form.fields}
        )

    assert response.status_code == 302
    assert ErrorReasonTranslation.objects.get(pk=translation.pk).message == GERMAN_MESSAGE
    assert version() == before + 1
    served = client.get("/api/nope", HTTP_ACCEPT_LANGUAGE="de")
    assert served.json()["msg"] == "Kein API-Endpunkt GET /api/nope"
    assert served["Content-Language"] == "de"


def test_a_broken_template_is_refused_on_the_translations_own_page_too(editor):
    translation = translate_endpoint_not_found(editor, GERMAN_MESSAGE)

    response = client_for(editor).post(
        f"{TRANSLATIONS}{translation.pk}/change/",
        {
            "reason": translation.reason.pk,
            "language": "de",
            "message": "Kein {endpoint}",
            "troubleshooting": "",
        },
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["message"] == [
        "Unknown placeholder {endpoint}; allowed: {detail}, {method}, {path}."
    ]
    assert ErrorReasonTranslation.objects.get(pk=translation.pk).message == GERMAN_MESSAGE


def test_deleting_a_translation_is_recorded_and_english_comes_back(editor, client):
    translation = translate_endpoint_not_found(editor, GERMAN_MESSAGE)
    reason = translation.reason
    data = {
        "code": reason.code,
        "message": reason.message,
        "placeholders": reason.placeholders,
        "troubleshooting": reason.troubleshooting,
        **inline_management("translations", 1),
        "translations-0-id": translation.pk,
        "translations-0-language": "de",
        "translations-0-message": GERMAN_MESSAGE,
        "translations-0-DELETE": "on",
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        client_for(editor).post(f"{REASONS}{reason.pk}/change/", data)

    deleted = ErrorReasonTranslation.history.filter(id=translation.pk).first()
    assert deleted.history_type == "-"
    assert deleted.history_user == editor
    served = client.get("/api/nope", HTTP_ACCEPT_LANGUAGE="de")
    assert served.json()["msg"] == "Unable to find api endpoint GET /api/nope"


def test_a_status_translation_edited_inline_has_history_too(editor):
    status = ErrorStatus.objects.get(status=404)
    data = status_post(
        status,
        **{
            "translations-TOTAL_FORMS": 1,
            "translations-0-language": "de",
            "translations-0-title": "Nicht gefunden",
        },
    )
    assert client_for(editor).post(change_url(status), data).status_code == 302

    translation = ErrorStatusTranslation.objects.get(status=status, language="de")
    record = translation.history.get()
    assert (record.history_type, record.history_user, record.title) == (
        "+",
        editor,
        "Nicht gefunden",
    )
    page = client_for(editor).get(f"{STATUS_TRANSLATIONS}{translation.pk}/history/")
    assert page.status_code == 200


def test_restore_seed_text_keeps_translations_and_their_history(editor, client):
    translate_endpoint_not_found(editor, GERMAN_MESSAGE)
    edit_endpoint_not_found(editor, "No route for {method} {path}")
    reason = ErrorReason.objects.get(code="endpoint_not_found")

    with TestCase.captureOnCommitCallbacks(execute=True):
        client_for(editor).post(
            REASONS, {"action": "restore_seed_text", "_selected_action": [reason.pk]}
        )

    assert client.get("/api/nope").json()["msg"] == "Unable to find api endpoint GET /api/nope"
    german = client.get("/api/nope", HTTP_ACCEPT_LANGUAGE="de").json()
    assert german["msg"] == "Kein API-Endpunkt GET /api/nope"
    assert german["msgEnglish"] == "Unable to find api endpoint GET /api/nope"
    assert reason.translations.get().history.count() == 1


def test_an_import_records_translation_changes_once(editor):
    from catalog.transfer.services import catalog_export, catalog_import

    translate_endpoint_not_found(editor, GERMAN_MESSAGE)
    document = json.loads(catalog_export())
    entry = next(e for e in document["statuses"] if e["status"] == 404)
    reason = next(r for r in entry["reasons"] if r["code"] == "endpoint_not_found")
    reason["translations"]["de"]["message"] = "Importiert: {method} {path}"
    text = json.dumps(document)

    catalog_import(text=text)
    catalog_import(text=text)

    translation = ErrorReasonTranslation.objects.get(reason__code="endpoint_not_found")
    latest = translation.history.first()
    assert translation.history.count() == 2
    assert latest.history_change_reason == "catalog import"
    assert latest.message == "Importiert: {method} {path}"
