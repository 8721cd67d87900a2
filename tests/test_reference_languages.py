"""The error-reference page in a language: /errors/?lang=de (catalog/views.py)."""

import pytest

from catalog.models import ErrorReason, ErrorReasonTranslation, ErrorStatus, ErrorStatusTranslation

pytestmark = pytest.mark.django_db
SWITCHER = (
    '<nav class="language-switcher" aria-label="Language">'
    '<a href="?lang=en" hreflang="en" lang="en"{en}>English</a> · '
    '<a href="?lang=de" hreflang="de" lang="de"{de}>German</a> · '
    '<a href="?lang=fr" hreflang="fr" lang="fr"{fr}>French</a></nav>'
)
CURRENT = ' aria-current="page"'


@pytest.fixture
def german_404() -> None:
    ErrorStatusTranslation.objects.create(
        status=ErrorStatus.objects.get(status=404),
        language="de",
        title="Nicht gefunden",
        troubleshooting="Prüfen Sie die **URL**.",
    )
    ErrorReasonTranslation.objects.create(
        reason=ErrorReason.objects.get(code="not_found"), language="de", message="{resource} fehlt"
    )


def test_the_german_page_shows_the_translations_and_english_where_untranslated(client, german_404):
    response = client.get("/errors/?lang=de")

    page = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Language"] == "de"
    assert '<html lang="de">' in page
    assert "<h2>Nicht gefunden " in page
    assert "<p>Prüfen Sie die <strong>URL</strong>.</p>" in page
    assert '<span class="label">Message</span> {resource} fehlt</p>' in page
    assert '<p class="lead">The specified resource could not be found.</p>' in page
    assert "<h2>Unauthorized " in page
    assert SWITCHER.format(en="", de=CURRENT, fr="") in page


def test_the_english_page_is_unchanged_by_translations_and_cached_apart(client, german_404):
    client.get("/errors/?lang=de")

    response = client.get("/errors/")

    page = response.content.decode()
    assert response["Content-Language"] == "en"
    assert "<h2>Not Found " in page
    assert "Nicht gefunden" not in page
    assert SWITCHER.format(en=CURRENT, de="", fr="") in page


def test_an_unknown_language_shows_the_english_page(client, german_404):
    response = client.get("/errors/?lang=xx")

    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert "<h2>Not Found " in response.content.decode()


def test_the_json_catalog_follows_accept_language_with_english_fallback(client, german_404):
    german = client.get("/api/error-codes/404", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    english = client.get("/api/error-codes/404")

    entry = german.json()["errorCode"]
    assert german.status_code == 200
    assert entry["title"] == "Nicht gefunden"
    assert entry["description"] == "The specified resource could not be found."
    reasons = {reason["code"]: reason for reason in entry["reasons"]}
    assert reasons["not_found"]["message"] == "{resource} fehlt"
    assert reasons["not_found"]["helpUrl"] == "http://testserver/errors/#not_found"
    assert (
        reasons["endpoint_not_found"]["message"] == "Unable to find api endpoint {method} {path}"
    )
    assert german["Content-Language"] == "de"
    assert german["Vary"] == "Accept-Language"
    assert english.json()["errorCode"]["title"] == "Not Found"
    assert english["Content-Language"] == "en"


def test_the_json_catalog_list_is_cached_per_language(client, german_404):
    client.get("/api/error-codes")
    german = client.get("/api/error-codes", HTTP_ACCEPT_LANGUAGE="de")
    english = client.get("/api/error-codes")

    def title(response, number: int) -> str:
        return next(e for e in response.json()["errorCodes"] if e["status"] == number)["title"]

    assert title(german, 404) == "Nicht gefunden"
    assert title(german, 401) == "Unauthorized"
    assert title(english, 404) == "Not Found"
    assert german["ETag"] != english["ETag"]
