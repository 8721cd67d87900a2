"""Picking the reader's language and the catalog text in it (catalog/errors/languages.py)."""

import pytest
from django.test import override_settings

from catalog.errors.languages import language_from_header, text_localized, translation_languages


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("de-DE,de;q=0.9", "de"),
        ("fr;q=0.5, de;q=0.9", "de"),
        ("de;q=0.1, fr", "fr"),
        ("es, ja;q=0.9, fr;q=0.2", "fr"),
        ("en-GB, de;q=0.5", "en"),
        ("FR-ca", "fr"),
        ("ja, es", "en"),
        ("*", "en"),
        ("de;q=0", "en"),
        ("", "en"),
        ("garbage;;;q=x", "en"),
    ],
)
def test_the_best_supported_language_wins_by_quality_value(header, language):
    assert language_from_header(header) == language


@override_settings(LANGUAGES=[("en", "English"), ("de", "German")])
def test_a_language_not_in_the_setting_is_never_chosen():
    assert language_from_header("fr, de;q=0.5") == "de"


def test_translations_can_be_in_every_language_of_the_setting_but_english():
    assert translation_languages() == [("de", "German"), ("fr", "French")]


def test_a_field_falls_back_to_english_when_it_is_not_translated():
    translations = {"de": {"title": "Nicht gefunden"}}

    assert text_localized(translations, "title", "Not Found", "de") == "Nicht gefunden"
    assert text_localized(translations, "description", "Gone.", "de") == "Gone."
    assert text_localized(translations, "title", "Not Found", "fr") == "Not Found"
    assert text_localized(translations, "title", "Not Found", "en") == "Not Found"
