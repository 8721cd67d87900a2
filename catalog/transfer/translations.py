"""
Translations in catalog files: an optional "translations" object on each status and
reason, {language: {field: text}}, with only the translated fields. Like the rest of
the file, it is what the database will hold: an entry without it has none.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError

from catalog.models import ErrorReason, ErrorReasonTranslation, ErrorStatus, ErrorStatusTranslation

Texts = dict[str, dict[str, str]]
STATUS_TEXT = ("title", "description", "troubleshooting")
REASON_TEXT = ("message", "troubleshooting")


def translations_export(rows: Iterable[ErrorStatusTranslation | ErrorReasonTranslation]) -> Texts:
    """{language: {field: text}}, languages sorted, blank fields and empty languages left out."""
    texts: Texts = {}
    for row in sorted(rows, key=lambda row: row.language):
        fields = STATUS_TEXT if isinstance(row, ErrorStatusTranslation) else REASON_TEXT
        translated = {name: getattr(row, name) for name in fields if getattr(row, name).strip()}
        if translated:
            texts[row.language] = translated
    return texts


def translations_read(
    value: Any, *, parent: ErrorStatus | ErrorReason, where: str, problems: list[str]
) -> Texts:
    """A file's translations of one entry, validated as the admin does (placeholders too)."""
    if not isinstance(value, dict):
        problems.append(f"{where}: translations: expected an object of languages.")
        return {}
    fields = STATUS_TEXT if isinstance(parent, ErrorStatus) else REASON_TEXT
    texts: Texts = {}
    for language, translated in sorted(value.items()):
        label = f"{where}: translations {language}"
        if not isinstance(translated, dict) or not all(
            isinstance(text, str) for text in translated.values()
        ):
            problems.append(f"{label}: expected an object of texts.")
            continue
        unknown = sorted(set(translated) - set(fields))
        if unknown:
            problems.append(f"{label}: unknown {', '.join(unknown)}.")
            continue
        row = _row(parent, language, translated)
        try:
            row.full_clean(exclude=["status", "reason"], validate_unique=False)
        except ValidationError as exc:
            for field, messages in sorted(exc.message_dict.items()):
                problems.extend(f"{label}: {field}: {message}" for message in messages)
            continue
        texts[language] = {name: text for name, text in translated.items() if text.strip()}
    return {language: translated for language, translated in texts.items() if translated}


def translations_apply(*, parent: ErrorStatus | ErrorReason, texts: Texts, reason: str) -> None:
    """
    Make the parent's translations those of the file. Only rows that change are saved
    or deleted (each moves the version and is recorded in history with ``reason``).
    """
    for row in parent.translations.exclude(language__in=list(texts)):
        row._change_reason = reason  # type: ignore[union-attr]
        row.delete()
    current = {row.language: row for row in parent.translations.all()}
    fields = STATUS_TEXT if isinstance(parent, ErrorStatus) else REASON_TEXT
    for language, translated in texts.items():
        row = current.get(language) or _row(parent, language, {})
        if row.pk and all(getattr(row, name) == translated.get(name, "") for name in fields):
            continue
        for name in fields:
            setattr(row, name, translated.get(name, ""))
        row._change_reason = reason  # type: ignore[union-attr]
        row.save()


def _row(
    parent: ErrorStatus | ErrorReason, language: str, translated: dict[str, str]
) -> ErrorStatusTranslation | ErrorReasonTranslation:
    if isinstance(parent, ErrorStatus):
        return ErrorStatusTranslation(status=parent, language=language, **translated)
    return ErrorReasonTranslation(reason=parent, language=language, **translated)
