"""Error responses in the reader's language (catalog/errors/formatter.py, catalog/errors/snapshot.py)."""

import pytest
from django.test import override_settings

from catalog.errors.snapshot import catalog_load
from catalog.models import (
    CatalogVersion,
    ErrorReason,
    ErrorReasonTranslation,
    ErrorStatus,
    ErrorStatusTranslation,
)
from tests.asserts import assert_catalog_error, assert_no_leak

# Each test writes the translations it needs into a catalog without the shipped ones.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalog_untranslated")]
GERMAN = "de-DE,de;q=0.9"
ENGLISH_MSG = "Unable to find api endpoint GET /api/foobar"
GERMAN_MSG = "API-Endpunkt GET /api/foobar nicht gefunden"


@pytest.fixture
def german_404() -> None:
    ErrorStatusTranslation.objects.create(
        status=ErrorStatus.objects.get(status=404), language="de", title="Nicht gefunden"
    )
    ErrorReasonTranslation.objects.create(
        reason=ErrorReason.objects.get(code="endpoint_not_found"),
        language="de",
        message="API-Endpunkt {method} {path} nicht gefunden",
    )


def test_a_german_reader_gets_msg_and_title_in_german_with_the_english_msg_beside(
    client, german_404
):
    response = client.get("/api/foobar", HTTP_ACCEPT_LANGUAGE=GERMAN)

    body = response.json()
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert body["msg"] == GERMAN_MSG
    assert body["msgEnglish"] == ENGLISH_MSG
    assert body["title"] == "Nicht gefunden"
    assert body["code"] == "endpoint_not_found"
    assert body["helpUrl"] == "http://testserver/errors/#endpoint_not_found"
    assert response["Content-Language"] == "de"
    assert response["Vary"] == "Accept-Language"
    assert_no_leak(response)


def test_an_english_reader_gets_the_english_body_unchanged(client, german_404):
    response = client.get("/api/foobar", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9,de;q=0.8")

    assert_catalog_error(
        response, status=404, code="endpoint_not_found", msg=ENGLISH_MSG, title="Not Found"
    )
    assert response["Content-Language"] == "en"
    assert response["Vary"] == "Accept-Language"


def test_no_accept_language_is_english_and_still_says_so(client, german_404):
    response = client.get("/api/foobar")

    assert response.json()["msg"] == ENGLISH_MSG
    assert "msgEnglish" not in response.json()
    assert response["Content-Language"] == "en"
    assert response["Vary"] == "Accept-Language"


def test_an_untranslated_field_falls_back_to_english_field_by_field(client):
    ErrorStatusTranslation.objects.create(
        status=ErrorStatus.objects.get(status=404), language="de", title="Nicht gefunden"
    )

    response = client.get("/api/foobar", HTTP_ACCEPT_LANGUAGE=GERMAN)

    body = response.json()
    assert body["title"] == "Nicht gefunden"
    assert body["msg"] == ENGLISH_MSG
    assert "msgEnglish" not in body
    assert response["Content-Language"] == "de"


def test_a_language_with_nothing_translated_answers_english_and_says_so(client, german_404):
    response = client.get("/api/foobar", HTTP_ACCEPT_LANGUAGE="fr-FR, fr;q=0.9")

    assert_catalog_error(
        response, status=404, code="endpoint_not_found", msg=ENGLISH_MSG, title="Not Found"
    )
    assert response["Content-Language"] == "en"


def test_quality_values_are_honoured(client, german_404):
    ErrorReasonTranslation.objects.create(
        reason=ErrorReason.objects.get(code="endpoint_not_found"),
        language="fr",
        message="Point d'API {method} {path} introuvable",
    )

    german = client.get("/api/foobar", HTTP_ACCEPT_LANGUAGE="fr;q=0.5, de;q=0.9")
    french = client.get("/api/foobar", HTTP_ACCEPT_LANGUAGE="fr;q=0.9, de;q=0.5")

    assert german.json()["msg"] == GERMAN_MSG
    assert german["Content-Language"] == "de"
    assert french.json()["msg"] == "Point d'API GET /api/foobar introuvable"
    assert french["Content-Language"] == "fr"


def test_the_oauth_error_member_and_code_never_change_with_the_language(client):
    ErrorReasonTranslation.objects.create(
        reason=ErrorReason.objects.get(code="invalid_token"),
        language="de",
        message="Ungültiges Zugriffstoken",
    )

    response = client.get("/api/test/bearer-raise/invalid-token", HTTP_ACCEPT_LANGUAGE="de")

    body = response.json()
    assert response.status_code == 401
    assert body["code"] == "invalid_token"
    assert body["error"] == "invalid_token"
    assert body["msg"] == "Ungültiges Zugriffstoken"
    assert body["error_description"] == "Ungültiges Zugriffstoken"
    assert body["msgEnglish"] == "Invalid access token"
    assert body["helpUrl"].endswith("/errors/#invalid_token")
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response["Content-Language"] == "de"


def test_problem_details_follow_the_language_too(client, german_404):
    response = client.get(
        "/api/foobar", HTTP_ACCEPT="application/problem+json", HTTP_ACCEPT_LANGUAGE=GERMAN
    )

    problem = response.json()
    assert response["Content-Type"] == "application/problem+json"
    assert problem["title"] == "Nicht gefunden"
    assert problem["detail"] == GERMAN_MSG
    assert problem["msgEnglish"] == ENGLISH_MSG
    assert problem["code"] == "endpoint_not_found"
    assert problem["type"] == "http://testserver/errors/#endpoint_not_found"
    assert response["Content-Language"] == "de"
    assert response["Vary"] == "Accept-Language"


def test_an_html_error_page_says_its_language_too(client):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="de")

    assert response.status_code == 404
    assert response["Content-Language"] == "en"
    assert "Accept-Language" in response["Vary"]


def test_saving_and_deleting_a_translation_moves_the_catalog_version():
    before = CatalogVersion.objects.get().version
    translation = ErrorStatusTranslation.objects.create(
        status=ErrorStatus.objects.get(status=404), language="fr", title="Introuvable"
    )
    translation.delete()

    assert CatalogVersion.objects.get().version == before + 2


@override_settings(CATALOG_REFRESH_INTERVAL=60)
def test_a_warm_localized_error_path_makes_no_database_query(
    client, german_404, django_assert_num_queries
):
    client.get("/api/foobar", HTTP_ACCEPT_LANGUAGE=GERMAN)

    with django_assert_num_queries(0):
        for header in (GERMAN, "fr;q=0.5, de;q=0.9", "en", "ja"):
            assert client.get("/api/foobar", HTTP_ACCEPT_LANGUAGE=header).status_code == 404


def test_a_catalog_reload_with_translations_stays_a_few_queries(
    german_404, django_assert_num_queries
):
    with django_assert_num_queries(6):
        catalog = catalog_load()

    assert catalog.statuses[404].translations == {"de": {"title": "Nicht gefunden"}}
    assert catalog.statuses[401].translations == {}
    assert catalog.reasons["endpoint_not_found"].translations == {
        "de": {"message": "API-Endpunkt {method} {path} nicht gefunden"}
    }
