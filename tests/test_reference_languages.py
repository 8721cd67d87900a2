"""The error-reference page per language: /errors/, /de/errors/, /fr/errors/ (catalog/reference/views.py)."""

import pytest
from django.utils import translation

from catalog.models import ErrorReason, ErrorReasonTranslation, ErrorStatus, ErrorStatusTranslation

# Each test writes the translations it needs into a catalog without the shipped ones.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalog_untranslated")]
SWITCHER = (
    '<nav class="language-switcher" aria-label="{label}">'
    '<a href="/errors/" hreflang="en" lang="en"{en}>English</a> · '
    '<a href="/de/errors/" hreflang="de" lang="de"{de}>Deutsch</a> · '
    '<a href="/fr/errors/" hreflang="fr" lang="fr"{fr}>Français</a></nav>'
)
ALTERNATES = (
    '<link rel="alternate" hreflang="en" href="http://testserver/errors/">',
    '<link rel="alternate" hreflang="de" href="http://testserver/de/errors/">',
    '<link rel="alternate" hreflang="fr" href="http://testserver/fr/errors/">',
    '<link rel="alternate" hreflang="x-default" href="http://testserver/errors/">',
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
    response = client.get("/de/errors/")

    page = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Language"] == "de"
    assert '<html lang="de">' in page
    assert "<h2>Nicht gefunden " in page
    assert "<p>Prüfen Sie die <strong>URL</strong>.</p>" in page
    assert '<span class="label">Meldung</span> {resource} fehlt</p>' in page
    assert '<p class="lead">The specified resource could not be found.</p>' in page
    assert "<h2>Unauthorized " in page
    assert SWITCHER.format(label="Sprache", en="", de=CURRENT, fr="") in page


def test_the_english_page_is_unchanged_by_translations_and_cached_apart(client, german_404):
    german = client.get("/de/errors/")

    response = client.get("/errors/")

    page = response.content.decode()
    assert response["Content-Language"] == "en"
    assert "<h2>Not Found " in page
    assert "Nicht gefunden" not in page
    assert '<html lang="en">' in page
    assert SWITCHER.format(label="Language", en=CURRENT, de="", fr="") in page
    assert response["ETag"] != german["ETag"]


@pytest.mark.parametrize(
    ("path", "words"),
    [
        (
            "/errors/",
            ["<summary>Contents</summary>", "<h1>Errors</h1>", "<figcaption>Example request"],
        ),
        (
            "/de/errors/",
            ["<summary>Inhalt</summary>", "<h1>Fehler</h1>", "<figcaption>Beispielanfrage"],
        ),
        (
            "/fr/errors/",
            ["<summary>Sommaire</summary>", "<h1>Erreurs</h1>", "<figcaption>Exemple de requête"],
        ),
    ],
)
def test_the_pages_own_words_are_in_its_language(client, path, words):
    page = client.get(path).content.decode()

    assert all(word in page for word in words), path


def test_every_translated_word_of_the_pages_is_compiled():
    """catalog/locale and the demo's morpheus_errors/locale: each .po entry is in its .mo."""
    import gettext
    import re
    from pathlib import Path

    from django.conf import settings

    app_locale = Path(__file__).resolve().parent.parent / "catalog" / "locale"
    pos = [*Path(settings.LOCALE_PATHS[0]).glob("*/LC_MESSAGES/django.po")]
    pos += app_locale.glob("*/LC_MESSAGES/django.po")
    assert len(pos) == 4
    for po in pos:
        with po.with_suffix(".mo").open("rb") as mo:
            compiled = gettext.GNUTranslations(mo)
        entries = re.findall(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', po.read_text(), re.M)
        for msgid, msgstr in entries:
            source = "".join(re.findall(r'"(.*)"', msgid)).replace('\\"', '"')
            translated = "".join(re.findall(r'"(.*)"', msgstr)).replace('\\"', '"')
            if source and translated:
                assert compiled.gettext(source) == translated, (po, source)


def test_each_language_names_every_language_url_as_an_alternate(client):
    for path in ("/errors/", "/de/errors/", "/fr/errors/"):
        page = client.get(path).content.decode()

        assert all(link in page for link in ALTERNATES), path


def test_the_french_page_is_french_with_english_text_where_untranslated(client, german_404):
    response = client.get("/fr/errors/")

    page = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Language"] == "fr"
    assert '<html lang="fr">' in page
    assert "<h2>Not Found " in page
    assert SWITCHER.format(label="Langue", en="", de="", fr=CURRENT) in page


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ("?lang=de", "/de/errors/"),
        ("?lang=fr", "/fr/errors/"),
        ("?lang=en", "/errors/"),
        ("?lang=xx", "/errors/"),
        ("?lang=", "/errors/"),
    ],
)
def test_the_old_lang_query_redirects_permanently_to_the_language_url(client, query, location):
    response = client.get(f"/errors/{query}")

    assert response.status_code == 301
    assert response["Location"] == location


def test_a_lang_query_on_a_language_url_redirects_to_the_language_it_names(client):
    response = client.get("/de/errors/?lang=fr")

    assert response.status_code == 301
    assert response["Location"] == "/fr/errors/"


@pytest.mark.parametrize("path", ["/en/errors/", "/xx/errors/", "/de/api/error-codes", "/de/"])
def test_paths_that_name_no_served_language_page_are_not_found(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "text/html; charset=utf-8"


def test_a_language_url_without_its_slash_is_redirected_to_it(client):
    response = client.get("/de/errors")

    assert response.status_code == 301
    assert response["Location"] == "/de/errors/"


def test_serving_a_language_page_leaves_the_default_language_active(client):
    client.get("/de/errors/")

    assert translation.get_language() == "en"


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
