"""Translations edited in the admin beside the English text (catalog/admin/translations.py)."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import TestCase

from catalog.models import ErrorReason, ErrorReasonTranslation, ErrorStatus
from tests.admin_forms import change_url, client_for, inline_management, status_post, user_create

# Each test writes the translations it needs into a catalog without the shipped ones.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalog_untranslated")]
GERMAN = "de-DE,de;q=0.9"


@pytest.fixture
def editor() -> User:
    return user_create("editor", editor=True)


def reason_post(reason: ErrorReason, *translations: dict[str, str], **changes: str) -> dict:
    """The POST of a reason's change page with new translations, as the browser sends it."""
    data: dict[str, Any] = {
        "code": reason.code,
        "message": reason.message,
        "placeholders": reason.placeholders,
        "troubleshooting": reason.troubleshooting,
        "example_request": reason.example_request,
        **inline_management("translations", 0),
        "translations-TOTAL_FORMS": len(translations),
        **changes,
    }
    for index, translation in enumerate(translations):
        data.update({f"translations-{index}-{k}": v for k, v in translation.items()})
    return data


def save_reason(user: User, code: str, *translations: dict[str, str], **changes: str):
    reason = ErrorReason.objects.get(code=code)
    url = f"/admin/catalog/errorreason/{reason.pk}/change/"
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client_for(user).post(url, reason_post(reason, *translations, **changes))


def translation_errors(response) -> list[dict[str, list[str]]]:
    formset = response.context["inline_admin_formsets"][-1].formset
    return [dict(form.errors) for form in formset.forms] + [
        {"__all__": list(formset.non_form_errors())}
    ]


def test_a_german_translation_entered_in_the_admin_is_served_to_german_readers(editor, client):
    response = save_reason(
        editor,
        "endpoint_not_found",
        {"language": "de", "message": "Kein API-Endpunkt {method} {path}"},
    )
    assert response.status_code == 302

    served = client.get("/api/foobar", HTTP_ACCEPT_LANGUAGE=GERMAN)

    body = served.json()
    assert served.status_code == 404
    assert body["msg"] == "Kein API-Endpunkt GET /api/foobar"
    assert body["msgEnglish"] == "Unable to find api endpoint GET /api/foobar"
    assert body["title"] == "Not Found"  # the status has no German title: English
    assert body["code"] == "endpoint_not_found"
    assert served["Content-Language"] == "de"
    assert served["Vary"] == "Accept-Language"


def test_a_status_translation_entered_on_the_status_page_is_served(editor, client):
    status = ErrorStatus.objects.get(status=404)
    data = status_post(status)
    data.update(
        {
            "translations-TOTAL_FORMS": 1,
            "translations-0-language": "de",
            "translations-0-title": "Nicht gefunden",
            "translations-0-description": "",
            "translations-0-troubleshooting": "",
        }
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client_for(editor).post(change_url(status), data)
    assert response.status_code == 302

    served = client.get("/api/foobar", HTTP_ACCEPT_LANGUAGE=GERMAN)

    assert served.json()["title"] == "Nicht gefunden"
    assert served.json()["msg"] == "Unable to find api endpoint GET /api/foobar"
    assert served["Content-Language"] == "de"


def test_a_translated_message_with_an_unknown_placeholder_is_refused_and_nothing_saved(editor):
    response = save_reason(
        editor,
        "not_found",
        {"language": "de", "message": "{ressource} nicht gefunden"},
        message="No {resource} here",
    )

    assert response.status_code == 200
    assert translation_errors(response) == [
        {"message": ["Unknown placeholder {ressource}; allowed: {detail}, {resource}."]},
        {"__all__": []},
    ]
    assert not ErrorReasonTranslation.objects.exists()
    assert ErrorReason.objects.get(code="not_found").message == "{resource} not found"


def test_a_translated_message_with_unbalanced_braces_is_refused(editor):
    response = save_reason(editor, "not_found", {"language": "fr", "message": "{resource"})

    assert response.status_code == 200
    assert translation_errors(response)[0] == {
        "message": ["Braces are unbalanced: write {{ and }} for literal braces."]
    }
    assert not ErrorReasonTranslation.objects.exists()


def test_english_and_unknown_languages_are_not_offered(editor):
    response = save_reason(editor, "not_found", {"language": "en", "message": "{resource} gone"})

    assert response.status_code == 200
    assert translation_errors(response)[0] == {
        "language": ["Select a valid choice. en is not one of the available choices."]
    }


def test_a_language_is_translated_once_per_reason(editor):
    response = save_reason(
        editor,
        "not_found",
        {"language": "de", "message": "{resource} fehlt"},
        {"language": "de", "message": "{resource} nicht gefunden"},
    )

    assert response.status_code == 200
    assert translation_errors(response)[-1] == {
        "__all__": ["Please correct the duplicate data for language."]
    }
    assert not ErrorReasonTranslation.objects.exists()


def test_the_reason_page_shows_its_translations_beside_the_english_text(editor):
    reason = ErrorReason.objects.get(code="not_found")
    ErrorReasonTranslation.objects.create(reason=reason, language="de", message="{resource} fehlt")

    response = client_for(editor).get(f"/admin/catalog/errorreason/{reason.pk}/change/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "translations (blank fields fall back to english)" in page.lower()
    assert 'value="{resource} fehlt"' in page
