"""
The translations of a status or reason for the admin preview: as saved, or as
typed in the change page's translations inline (unsaved), {language: {field: text}}
with blank fields left out (they fall back to English).
"""

from collections.abc import Iterable

from django.http import QueryDict

from catalog.admin.inlines import MAX_INLINE_FORMS
from catalog.errors.languages import translation_languages
from catalog.models import ErrorReason, ErrorStatus
from catalog.transfer.translations import REASON_TEXT, STATUS_TEXT

Texts = dict[str, dict[str, str]]
PREFIX = "translations"  # the inline formset's prefix: the models' related_name


def translations_saved(parent: ErrorStatus | ErrorReason) -> Texts:
    fields = _fields(parent)
    rows = parent.translations.all()
    return _texts((row.language, {name: getattr(row, name) for name in fields}) for row in rows)


def translations_from_post(parent: ErrorStatus | ErrorReason, data: QueryDict) -> Texts:
    """The inline's rows as posted; a row posted without its fields keeps its saved text."""
    if f"{PREFIX}-TOTAL_FORMS" not in data:
        return translations_saved(parent)
    saved = {row.pk: row for row in parent.translations.all()}
    fields = _fields(parent)
    rows = []
    for index in range(forms_count(data, PREFIX)):
        prefix = f"{PREFIX}-{index}-"
        if data.get(prefix + "DELETE"):
            continue
        row = saved.get(_int(data.get(prefix + "id")))
        language = data.get(prefix + "language", row.language if row else "")
        texts = {name: data.get(prefix + name, getattr(row, name, "")) for name in fields}
        rows.append((language, texts))
    return _texts(rows)


def _texts(rows: Iterable[tuple[str, dict[str, str]]]) -> Texts:
    languages = dict(translation_languages())
    texts: Texts = {}
    for language, fields in rows:
        translated = {name: text for name, text in fields.items() if text.strip()}
        if language in languages and translated:
            texts[language] = translated
    return texts


def _fields(parent: ErrorStatus | ErrorReason) -> tuple[str, ...]:
    return STATUS_TEXT if isinstance(parent, ErrorStatus) else REASON_TEXT


def forms_count(data: QueryDict, prefix: str) -> int:
    """An inline's posted TOTAL_FORMS, capped as its formset caps it: never a forged count."""
    return min(_int(data.get(f"{prefix}-TOTAL_FORMS")), MAX_INLINE_FORMS)


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0
