"""
The German and French the demo ships (morpheus_errors/api/catalog_translations.py,
migration api.0004): in the catalog, in errors, on the pages and in the schema.
"""

import html
import re

import pytest
from django.apps import apps as global_apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import TestCase

from catalog.errors.seed import SEED_STATUSES
from catalog.errors.templating import template_placeholders
from catalog.models import (
    CatalogVersion,
    ErrorReason,
    ErrorReasonTranslation,
    ErrorStatus,
    ErrorStatusTranslation,
)
from morpheus_errors.api.catalog_translations import REASONS, STATUSES
from morpheus_errors.api.translations import (
    CHANGE_REASON,
    translations_fill,
    translations_ship,
)
from tests.admin_forms import client_for, user_create

pytestmark = pytest.mark.django_db
LANGUAGES = ("de", "fr")
SEED_REASONS = [reason for entry in SEED_STATUSES for reason in entry.reasons]
SHIPPED = "api", "0004_catalog_translations"


def test_every_seeded_status_and_reason_is_shipped_and_nothing_else():
    assert set(STATUSES) == {entry.status for entry in SEED_STATUSES}
    assert set(REASONS) == {reason.code for reason in SEED_REASONS}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_seeded_status_has_text_in_every_field(language):
    for status in ErrorStatus.objects.all():
        translation = status.translations.get(language=language)
        for field in ("title", "description", "troubleshooting"):
            assert getattr(translation, field), (status.status, field)
            assert getattr(translation, field) != getattr(status, field), (status.status, field)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_seeded_reason_has_text_in_every_field_its_english_has(language):
    for reason in ErrorReason.objects.all():
        translation = reason.translations.get(language=language)
        assert translation.message, reason.code
        assert bool(translation.troubleshooting) == bool(reason.troubleshooting), reason.code
        translation.full_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translated_message_uses_exactly_the_placeholders_of_the_english(language):
    for reason in ErrorReason.objects.all():
        translated = reason.translations.get(language=language).message
        assert sorted(template_placeholders(translated)) == sorted(
            template_placeholders(reason.message)
        ), reason.code


@pytest.mark.parametrize("language", LANGUAGES)
def test_code_spans_are_kept_as_the_english_has_them(language):
    english = [
        *((entry.troubleshooting, STATUSES[entry.status]) for entry in SEED_STATUSES),
        *((reason.troubleshooting, REASONS[reason.code]) for reason in SEED_REASONS),
    ]
    for text, shipped in english:
        translated = shipped[language].get("troubleshooting", "")
        assert sorted(re.findall(r"`[^`]+`", translated)) == sorted(
            re.findall(r"`[^`]+`", text)
        ), text
        assert translated.count("\n\n") == text.count("\n\n"), text


def test_each_shipped_row_has_a_history_record_the_admin_can_revert_to():
    translation = ErrorReasonTranslation.objects.get(reason__code="not_found", language="de")

    record = translation.history.get()

    assert record.history_type == "+"
    assert record.history_change_reason == CHANGE_REASON
    assert record.message == "{resource} nicht gefunden"
    assert ErrorStatusTranslation.history.filter(history_change_reason=CHANGE_REASON).count() == 28


def test_an_editor_reverts_a_shipped_translation_in_the_admin(client):
    translation = ErrorReasonTranslation.objects.get(reason__code="teapot", language="de")
    translation.message = "Teekanne!"
    translation.save()
    shipped = translation.history.get(history_type="+")
    revert_url = f"/admin/catalog/errorreasontranslation/{translation.pk}/history/"
    revert_url += f"{shipped.history_id}/"
    admin = client_for(user_create("editor", editor=True))
    form = admin.get(revert_url).context["adminform"].form

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin.post(revert_url, {name: form.initial.get(name) for name in form.fields})

    assert response.status_code == 302
    served = client.get("/api/teapot", HTTP_ACCEPT_LANGUAGE="de")
    assert served.json()["msg"] == "Ich bin eine Teekanne."


def test_an_error_answers_in_german_to_accept_language_de(client):
    response = client.get("/api/whoami", HTTP_ACCEPT_LANGUAGE="de")

    assert response.status_code == 401
    assert response["Content-Language"] == "de"
    assert response.json()["code"] == "not_authenticated"
    assert response.json()["msg"] == (
        "Für den Zugriff auf diese Ressource ist eine vollständige Authentifizierung erforderlich"
    )
    assert response.json()["title"] == "Nicht autorisiert"


def test_a_placeholder_is_filled_in_the_french_message(api):
    response = api.get("/api/instances/999", HTTP_ACCEPT_LANGUAGE="fr-FR, en;q=0.5")

    assert response.status_code == 404
    assert response["Content-Language"] == "fr"
    assert response.json()["code"] == "not_found"
    assert response.json()["msg"] == "Instance introuvable"
    assert response.json()["title"] == "Introuvable"


def english_texts() -> list[str]:
    """Every English text of the seeded catalog as a page shows it (code spans as text)."""
    texts = [entry.description for entry in SEED_STATUSES]
    texts += [reason.message for reason in SEED_REASONS]
    texts += [
        paragraph
        for item in [*SEED_STATUSES, *SEED_REASONS]
        for paragraph in item.troubleshooting.split("\n\n")
        if paragraph
    ]
    return [text.replace("`", "") for text in texts]


def page_html(client, path: str) -> str:
    """Every page of a reference page (?page=1, 2, ... until there is none)."""
    pages = []
    number = 1
    while (response := client.get(f"{path}?page={number}")).status_code == 200:
        pages.append(response.content.decode())
        number += 1
    assert pages
    return "\n".join(pages)


def page_text(page: str) -> str:
    """A page's text, without the msgEnglish its real answers carry beside msg."""
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    return re.sub(r'"msgEnglish": "[^"]*"', "", text)


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/de/errors/", ["Inhalt", "Fehler", "Beispielanfrage", "Liste der Fehlercodes"]),
        ("/fr/errors/", ["Sommaire", "Erreurs", "Exemple de requête", "Liste des codes d"]),
    ],
)
def test_a_language_page_shows_no_english_catalog_text_and_its_own_words(client, path, words):
    page = page_html(client, path)
    # A Bearer challenge's error_description is the English msg: RFC 6750 lets that
    # quoted string carry printable ASCII only (the body carries the language's).
    text = re.sub(r"WWW-Authenticate: [^\n<]*", "", page_text(page))

    assert [english for english in english_texts() if english in text] == []
    assert [e.title for e in SEED_STATUSES if f"<h2>{html.escape(e.title)} " in page] == []
    for word in words:
        assert word in text


def test_the_english_page_still_shows_the_english_text(client):
    text = page_text(page_html(client, "/errors/"))

    assert [english for english in english_texts() if english not in text] == []


@pytest.mark.parametrize(
    ("language", "message"),
    [("de", "Ungültiges Zugriffstoken"), ("fr", "Jeton d\u2019accès non valide")],
)
def test_the_schema_in_a_language_carries_its_catalog_text(client, language, message):
    english = client.get("/api/schema/").content.decode()

    translated = client.get(f"/api/schema/?lang={language}").content.decode()

    assert translated != english
    assert message in translated
    assert message not in english
    assert "Invalid access token" in english


def test_shipping_again_adds_nothing_and_keeps_an_editors_translation():
    edited = ErrorReasonTranslation.objects.get(reason__code="teapot", language="de")
    edited.message = "Teekanne!"
    edited.save()
    ErrorReasonTranslation.objects.filter(reason__code="gone", language="fr").delete()

    assert translations_ship() == 1
    assert ErrorReasonTranslation.objects.get(pk=edited.pk).message == "Teekanne!"


def test_a_field_whose_english_an_editor_changed_is_left_to_fall_back_to_it():
    ErrorReasonTranslation.objects.filter(reason__code="not_found").delete()
    ErrorReason.objects.filter(code="not_found").update(message="No {resource} here")

    translations_ship()

    shipped = ErrorReasonTranslation.objects.get(reason__code="not_found", language="de")
    assert shipped.message == ""
    assert shipped.troubleshooting == REASONS["not_found"]["de"]["troubleshooting"]


def test_post_migrate_ships_nothing_where_it_shipped_before():
    ErrorReasonTranslation.objects.filter(reason__code="teapot").delete()

    translations_fill(app_config=global_apps.get_app_config("api"), using="default")

    assert not ErrorReasonTranslation.objects.filter(reason__code="teapot").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_flushed_and_seeded_again_database_has_them_again():
    # Flushed between tests (TransactionTestCase): post_migrate seeds and ships again.
    from django.core.management import call_command

    call_command("flush", interactive=False, reset_sequences=False, verbosity=0)

    assert ErrorStatusTranslation.objects.count() == 28
    assert ErrorReasonTranslation.objects.count() == 2 * len(SEED_REASONS)
    assert ErrorReasonTranslation.objects.get(reason__code="not_found", language="fr").message == (
        "{resource} introuvable"
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_reverses_to_no_translations_and_applies_again():
    version = CatalogVersion.objects.get().version
    ErrorReasonTranslation.objects.filter(reason__code="teapot", language="de").update(
        message="Teekanne!"
    )
    executor = MigrationExecutor(connection)
    executor.migrate([("api", "0003_morpheus_members")])

    assert list(ErrorReasonTranslation.objects.values_list("message", flat=True)) == ["Teekanne!"]
    assert not ErrorStatusTranslation.objects.exists()
    assert CatalogVersion.objects.get().version == version + 1
    assert ErrorStatusTranslation.history.filter(history_type="-").count() == 28

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert ErrorStatusTranslation.objects.count() == 28
    assert ErrorReasonTranslation.objects.count() == 2 * len(SEED_REASONS)
