"""
The reader's language: which of settings.LANGUAGES an error answers in, and the
catalog text in it.

English is the source language: the catalog's own fields are English, and any
field left blank in a translation falls back to them, field by field.
"""

import functools
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.translation.trans_real import (
    get_supported_language_variant,
    parse_accept_lang_header,
)

from catalog.conf import catalog_settings
from catalog.types import Catalog, Reason, Status

SOURCE_LANGUAGE = "en"


def translation_languages() -> list[tuple[str, str]]:
    """The languages a translation can be in: settings.LANGUAGES without English."""
    return [(code, name) for code, name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


@functools.lru_cache(maxsize=512)
def language_from_header(header: str) -> str:
    """
    The best of settings.LANGUAGES for an Accept-Language header, by quality value;
    English when none is acceptable. Cached per header (clients send a handful of
    distinct ones; Django caches its own helpers the same way), and cleared when
    LANGUAGES changes (tests).
    """
    if not header:
        return SOURCE_LANGUAGE
    for accepted, quality in parse_accept_lang_header(header):
        if accepted == "*":
            break
        if quality <= 0:
            continue  # q=0: "not acceptable" (RFC 9110), which Django's parser keeps
        try:
            return get_supported_language_variant(accepted)
        except LookupError:
            continue
    return SOURCE_LANGUAGE


@receiver(setting_changed)
def _languages_changed(*, setting: str, **kwargs: Any) -> None:
    if setting == "LANGUAGES":
        language_from_header.cache_clear()


def language_from_request(request: HttpRequest) -> str:
    return language_from_header(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))


def text_localized(
    translations: Mapping[str, Mapping[str, str]], field: str, english: str, language: str
) -> str:
    """A field in a language, or its English text when it has no translation."""
    if language == SOURCE_LANGUAGE:
        return english
    return translations.get(language, {}).get(field) or english


def page_languages(catalog: Catalog | None = None) -> list[tuple[str, str]]:
    """
    The languages pages are offered in, as (code, name) of LANGUAGES: CATALOG_LANGUAGES,
    else English and the languages the catalog has text for (not all of Django's).
    """
    from catalog.errors.snapshot import catalog_get  # the snapshot imports this module

    names = dict(settings.LANGUAGES)
    codes = catalog_settings.LANGUAGES
    if codes is None:
        translated = (catalog or catalog_get()).languages
        codes = [code for code in names if code == SOURCE_LANGUAGE or code in translated]
    return [(code, names[code]) for code in codes if code in names]


def page_language(code: str) -> bool:
    """Whether a language code is one pages are offered in (cheap for most codes)."""
    return code in dict(settings.LANGUAGES) and code in dict(page_languages())


def language_from_query(request: HttpRequest) -> str:
    """The language named by ?lang= (one pages are offered in), English otherwise."""
    language = request.GET.get("lang", "")
    return language if page_language(language) else SOURCE_LANGUAGE


def language_from_path(path: str) -> str | None:
    """
    The language of a page URL's prefix (/de/errors/: i18n_patterns with
    prefix_default_language=False); None for a path without one. English has no
    prefix, so /en/... names no language.
    """
    parts = path.split("/", 2)
    if len(parts) < 3 or parts[1] == SOURCE_LANGUAGE:
        return None
    return parts[1] if page_language(parts[1]) else None


def language_supported(code: str | None) -> str:
    """The language of LANGUAGES for a language code (de-de: de), English when none fits."""
    try:
        return get_supported_language_variant(code) if code else SOURCE_LANGUAGE
    except LookupError:
        return SOURCE_LANGUAGE


# The latest localized catalog per language, beside the snapshot it was made from:
# a large catalog's pages would otherwise copy every reason on each request.
_localized: dict[str, tuple[Catalog, Catalog]] = {}


def catalog_localized(catalog: Catalog, language: str) -> Catalog:
    """The catalog with its text in a language, English where untranslated (for pages)."""
    if language == SOURCE_LANGUAGE:
        return catalog
    made = _localized.get(language)
    if made is not None and made[0] is catalog:
        return made[1]
    localized = _localized_make(catalog, language)
    if language not in _localized and len(_localized) >= 32:
        _localized.clear()  # bounded, whatever languages are asked for
    _localized[language] = (catalog, localized)
    return localized


def _localized_make(catalog: Catalog, language: str) -> Catalog:

    def text(entry: Status | Reason, field: str) -> str:
        return text_localized(entry.translations, field, getattr(entry, field), language)

    statuses = [
        replace(
            entry,
            title=text(entry, "title"),
            description=text(entry, "description"),
            troubleshooting=text(entry, "troubleshooting"),
            reasons=tuple(
                replace(
                    reason,
                    message=text(reason, "message"),
                    troubleshooting=text(reason, "troubleshooting"),
                )
                for reason in entry.reasons
            ),
        )
        for entry in catalog.statuses.values()
    ]
    return Catalog.from_statuses(
        statuses,
        version=catalog.version,
        maintenance_retry_after=catalog.maintenance_retry_after,
        updated_at=catalog.updated_at,
    )
