"""The admin preview of what the API answers (catalog/admin/preview.py)."""

import json
from typing import Any

import pytest
from django.contrib.auth.models import User

from catalog.models import ErrorReason, ErrorReasonTranslation, ErrorStatus, ErrorStatusTranslation
from catalog.reference.rendering import markdown_html
from tests.admin_forms import (
    change_url,
    client_for,
    inline_management,
    status_post,
    user_create,
)
from tests.asserts import assert_no_leak

# Each test writes the translations it needs into a catalog without the shipped ones.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalog_untranslated")]


@pytest.fixture
def editor() -> User:
    return user_create("editor", editor=True)


def preview_url(status: ErrorStatus) -> str:
    return f"/admin/catalog/errorstatus/{status.pk}/preview/"


def previewed_body(response, code: str) -> dict:
    reason = next(r for r in response.context["preview"].reasons if r.code == code)
    return json.loads(reason.body_json)


def test_the_change_page_previews_the_exact_json_body_of_each_reason(editor):
    status = ErrorStatus.objects.get(status=404)

    response = client_for(editor).get(change_url(status))

    assert previewed_body(response, "endpoint_not_found") == {
        "success": False,
        "msg": "Unable to find api endpoint GET /api/example",
        "errors": {},
        "status": 404,
        "code": "endpoint_not_found",
        "title": "Not Found",
        "helpUrl": "http://testserver/errors/#endpoint_not_found",
        "requestId": "preview",
    }
    assert previewed_body(response, "not_found")["msg"] == "<resource> not found"
    assert 'id="catalog-preview"' in response.content.decode()


def test_the_preview_shows_unsaved_values_and_saves_nothing(editor):
    status = ErrorStatus.objects.get(status=404)
    data = status_post(
        status, title="Nowhere", reason__endpoint_not_found__message="No {method} at {path}"
    )

    response = client_for(editor).post(preview_url(status), data)

    body = previewed_body(response, "endpoint_not_found")
    assert response.status_code == 200
    assert body["msg"] == "No GET at /api/example"
    assert body["title"] == "Nowhere"
    assert ErrorReason.objects.get(code="endpoint_not_found").message.startswith("Unable")


def test_the_preview_names_a_broken_template_and_answers_without_failing(editor):
    status = ErrorStatus.objects.get(status=404)
    data = status_post(status, reason__not_found__message="{resource not found")

    response = client_for(editor).post(preview_url(status), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Braces are unbalanced: write {{ and }} for literal braces." in page


def test_the_preview_renders_troubleshooting_markdown(editor):
    status = ErrorStatus.objects.get(status=404)
    data = status_post(status, troubleshooting="Check the **path** and `method`.")

    response = client_for(editor).post(preview_url(status), data)

    assert "<p>Check the <strong>path</strong> and <code>method</code>.</p>" in (
        response.content.decode()
    )


def test_markdown_escapes_raw_html_and_refuses_javascript_links():
    html = markdown_html("<script>alert(1)</script> [x](javascript:alert(1))")

    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript:' not in html


def test_the_preview_is_only_for_staff_with_catalog_rights():
    status = ErrorStatus.objects.get(status=404)
    outsider = user_create("outsider", staff=True)

    response = client_for(outsider).post(preview_url(status), status_post(status))

    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")
    assert "Unable to find api endpoint" not in response.content.decode()
    assert_no_leak(response)


def test_the_preview_refuses_get(editor):
    status = ErrorStatus.objects.get(status=404)

    response = client_for(editor).get(preview_url(status))

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert_no_leak(response)


def test_the_preview_of_a_missing_status_is_a_404(editor):
    response = client_for(editor).post(preview_url(ErrorStatus(pk=999999)), {})

    assert response.status_code == 404
    assert_no_leak(response)


def test_a_refused_save_previews_the_posted_values_with_the_problem(editor):
    status = ErrorStatus.objects.get(status=404)
    data = status_post(status, reason__not_found__message="{resource not found")

    response = client_for(editor).post(change_url(status), data)

    reason = next(r for r in response.context["preview"].reasons if r.code == "not_found")
    assert response.status_code == 200
    assert reason.problems == ("Braces are unbalanced: write {{ and }} for literal braces.",)
    assert "(unsaved values)" in response.content.decode()


def reason_preview_url(reason: ErrorReason) -> str:
    return f"/admin/catalog/errorreason/{reason.pk}/preview/"


def reason_post(reason: ErrorReason, *translations: dict[str, Any], **changes: str) -> dict:
    """The POST of a reason's own change page, translations as typed in its inline."""
    saved = list(reason.translations.all())
    data: dict[str, Any] = {
        "status": reason.status.pk,
        "code": reason.code,
        "message": reason.message,
        "placeholders": reason.placeholders,
        "troubleshooting": reason.troubleshooting,
        "example_request": reason.example_request,
        **inline_management("translations", len(saved)),
        "translations-TOTAL_FORMS": len(translations),
        **changes,
    }
    for index, translation in enumerate(translations):
        data.update({f"translations-{index}-{k}": v for k, v in translation.items()})
    return data


def previewed_in(response, code: str, language: str) -> tuple[dict, str, tuple[str, ...]]:
    """A reason's previewed body in a language, the Content-Language it says, its problems."""
    reason = next(r for r in response.context["preview"].reasons if r.code == code)
    shown = next(t for t in reason.translated if t.language == language)
    return json.loads(shown.body_json), shown.content_language, shown.problems


def test_the_preview_shows_each_reason_in_every_language_of_the_setting(editor):
    status = ErrorStatus.objects.get(status=404)
    ErrorStatusTranslation.objects.create(status=status, language="de", title="Nicht gefunden")

    response = client_for(editor).get(change_url(status))

    german, german_language, _ = previewed_in(response, "endpoint_not_found", "de")
    french, french_language, _ = previewed_in(response, "endpoint_not_found", "fr")
    assert german["title"] == "Nicht gefunden"
    assert german["msg"] == "Unable to find api endpoint GET /api/example"
    assert german_language == "de"
    assert french["title"] == "Not Found"
    assert french_language == "en"
    page = response.content.decode()
    assert 'id="preview-endpoint_not_found-de" lang="de"' in page
    assert "<code>Accept-Language: fr</code> answers <code>Content-Language: en</code>" in page


def test_the_status_preview_follows_translations_typed_in_the_inline_and_saves_nothing(editor):
    status = ErrorStatus.objects.get(status=404)
    data = status_post(
        status,
        **{
            "translations-TOTAL_FORMS": 2,
            "translations-0-language": "de",
            "translations-0-title": "Nicht gefunden",
            "translations-1-language": "fr",
            "translations-1-title": "Introuvable",
        },
    )

    response = client_for(editor).post(preview_url(status), data)

    assert previewed_in(response, "not_found", "de")[0]["title"] == "Nicht gefunden"
    assert previewed_in(response, "not_found", "fr")[0]["title"] == "Introuvable"
    assert not ErrorStatusTranslation.objects.exists()


def test_a_translation_marked_for_deletion_previews_english(editor):
    status = ErrorStatus.objects.get(status=404)
    saved = ErrorStatusTranslation.objects.create(status=status, language="de", title="Weg")
    data = status_post(
        status,
        **{
            "translations-0-id": saved.pk,
            "translations-0-language": "de",
            "translations-0-title": "Weg",
            "translations-0-DELETE": "on",
        },
    )

    response = client_for(editor).post(preview_url(status), data)

    assert previewed_in(response, "not_found", "de")[:2] == (
        json.loads(
            next(r for r in response.context["preview"].reasons if r.code == "not_found").body_json
        ),
        "en",
    )


def test_a_reasons_own_page_previews_its_typed_german_message(editor):
    reason = ErrorReason.objects.get(code="endpoint_not_found")
    data = reason_post(reason, {"language": "de", "message": "Kein Endpunkt {method} {path}"})

    response = client_for(editor).post(reason_preview_url(reason), data)

    body, language, problems = previewed_in(response, "endpoint_not_found", "de")
    assert response.status_code == 200
    assert [r.code for r in response.context["preview"].reasons] == ["endpoint_not_found"]
    assert body["msg"] == "Kein Endpunkt GET /api/example"
    assert body["msgEnglish"] == "Unable to find api endpoint GET /api/example"
    assert language == "de"
    assert problems == ()
    assert not ErrorReasonTranslation.objects.exists()


def test_the_reason_page_shows_the_preview_of_its_saved_translations(editor):
    reason = ErrorReason.objects.get(code="not_found")
    ErrorReasonTranslation.objects.create(
        reason=reason, language="fr", message="{resource} absent"
    )

    response = client_for(editor).get(f"/admin/catalog/errorreason/{reason.pk}/change/")

    assert 'id="catalog-preview"' in response.content.decode()
    assert previewed_in(response, "not_found", "fr")[0]["msg"] == "<resource> absent"


def test_a_broken_german_template_shows_its_problem_and_still_previews(editor):
    reason = ErrorReason.objects.get(code="endpoint_not_found")
    data = reason_post(reason, {"language": "de", "message": "Kein {endpoint"})

    response = client_for(editor).post(reason_preview_url(reason), data)

    page = response.content.decode()
    _, _, problems = previewed_in(response, "endpoint_not_found", "de")
    assert response.status_code == 200
    assert problems == ("Braces are unbalanced: write {{ and }} for literal braces.",)
    assert "German message: Braces are unbalanced" in page


def test_a_refused_save_of_a_german_message_previews_it_with_the_problem(editor):
    reason = ErrorReason.objects.get(code="endpoint_not_found")
    data = reason_post(reason, {"language": "de", "message": "Kein {endpoint}"})

    response = client_for(editor).post(f"/admin/catalog/errorreason/{reason.pk}/change/", data)

    _, _, problems = previewed_in(response, "endpoint_not_found", "de")
    assert response.status_code == 200
    assert problems == ("Unknown placeholder {endpoint}; allowed: {detail}, {method}, {path}.",)
    assert "(unsaved values)" in response.content.decode()
    assert not ErrorReasonTranslation.objects.exists()


def test_the_reason_preview_is_only_for_staff_with_catalog_rights():
    reason = ErrorReason.objects.get(code="endpoint_not_found")
    outsider = user_create("outsider", staff=True)

    response = client_for(outsider).post(reason_preview_url(reason), reason_post(reason))

    assert response.status_code == 403
    assert "Unable to find api endpoint" not in response.content.decode()


def test_languages_answered_with_the_same_body_share_one_preview(editor):
    status = ErrorStatus.objects.get(status=404)
    ErrorReasonTranslation.objects.create(
        reason=ErrorReason.objects.get(code="not_found"),
        language="de",
        message="{resource} nicht gefunden",
    )

    page = client_for(editor).get(change_url(status)).content.decode()

    untranslated = page[
        page.index('id="preview-endpoint_not_found"') : page.index('id="preview-not_found"')
    ]
    assert untranslated.count('class="preview-json"') == 1
    assert '<span class="preview-languages">English, German, French</span>' in untranslated
    translated = page[page.index('id="preview-not_found"') :]
    assert translated.count('class="preview-json"') == 2
    assert '<span class="preview-languages">English, French</span>' in translated
    assert 'id="preview-not_found-de" lang="de"' in translated
