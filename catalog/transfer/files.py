"""
Reading a catalog file: its shape checked, and every entry validated as the
admin would, before anything touches the database.
"""

import json
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError

from catalog.models import ErrorReason, ErrorStatus
from catalog.seeding import SEED_REASON_BY_CODE
from catalog.transfer.translations import translations_read

FILE_FORMAT = "morpheus-errors-catalog"
FILE_VERSION = 1
STATUS_KEYS = {"status", "title", "description", "troubleshooting", "reasons", "translations"}
REASON_KEYS = {
    "code",
    "message",
    "placeholders",
    "troubleshooting",
    "example_request",
    "overrides_detail",
    "translations",
}
OPTIONAL_KEYS = {
    "troubleshooting",
    "placeholders",
    "example_request",
    "overrides_detail",
    "translations",
}


class CatalogFileError(Exception):
    """The file can't be imported; every problem found, one per line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


# A catalog file's upper bound: a catalog of many hundreds of reasons, each with long
# troubleshooting text and translations, fits; a 60 MB text does not.
MAX_FILE_CHARACTERS = 5_000_000


@dataclass(frozen=True)
class FileEntries:
    statuses: list[ErrorStatus]
    reasons: list[ErrorReason]  # each with .status_number set


def catalog_file_read(*, text: str) -> FileEntries:
    """Every entry of a file as unsaved, validated models; CatalogFileError if any fails."""
    if len(text) > MAX_FILE_CHARACTERS:
        raise CatalogFileError(
            [
                f"The file has {len(text):,} characters; a catalog file has at most "
                f"{MAX_FILE_CHARACTERS:,}."
            ]
        )
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogFileError([f"Not a JSON file: {exc}."]) from None
    except RecursionError:
        raise CatalogFileError(["Not a catalog file: nested too deeply."]) from None
    problems: list[str] = _text_problems(data)
    if problems:
        raise CatalogFileError(problems)
    if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
        raise CatalogFileError([f'Not a catalog file: expected "format": "{FILE_FORMAT}".'])
    if data.get("version") != FILE_VERSION or not isinstance(data.get("statuses"), list):
        raise CatalogFileError([f'Expected "version": {FILE_VERSION} and a "statuses" list.'])
    statuses: list[ErrorStatus] = []
    reasons: list[ErrorReason] = []
    for index, item in enumerate(data["statuses"]):
        where = f"statuses[{index}]"
        if not _shape_ok(item, STATUS_KEYS, {"status": int, "reasons": list}, where, problems):
            continue
        where = f"status {item['status']}"
        texts = STATUS_KEYS - {"reasons", "translations"}
        status = ErrorStatus(**{key: item.get(key, "") for key in texts})
        status.file_translations = translations_read(  # type: ignore[attr-defined]
            item.get("translations", {}), parent=status, where=where, problems=problems
        )
        _validate(status, where, problems, exclude=[] if _known(item) else ["status"])
        if not _known(item):
            problems.append(f"{where}: unknown status; statuses are HTTP errors, 400 to 599.")
        statuses.append(status)
        for position, entry in enumerate(item["reasons"]):
            reason = _reason(entry, item["status"], f"{where} reasons[{position}]", problems)
            if reason is not None:
                reasons.append(reason)
    _check_duplicates(statuses, reasons, problems)
    if problems:
        raise CatalogFileError(problems)
    return FileEntries(statuses, reasons)


def _known(item: dict[str, Any]) -> bool:
    return bool(400 <= item["status"] <= 599)


def _reason(entry: Any, status: int, where: str, problems: list[str]) -> ErrorReason | None:
    types = {"placeholders": list, "overrides_detail": bool}
    if not _shape_ok(entry, REASON_KEYS, types, where, problems):
        return None
    where = f"reason {entry['code']}"
    names = [str(name) for name in entry.get("placeholders", [])]
    reason = ErrorReason(
        code=entry["code"],
        message=entry["message"],
        placeholders=",".join(names),
        troubleshooting=entry.get("troubleshooting", ""),
        example_request=entry.get("example_request", ""),
        overrides_detail=entry.get("overrides_detail") is True,
    )
    reason.status_number = status  # type: ignore[attr-defined]
    _validate(reason, where, problems, exclude=["status"])
    reason.file_translations = translations_read(  # type: ignore[attr-defined]
        entry.get("translations", {}), parent=reason, where=where, problems=problems
    )
    bad = [name for name in names if not name.isidentifier()]
    if bad:
        problems.append(f"{where}: placeholders: {', '.join(bad)} is not a plain name.")
    seed = SEED_REASON_BY_CODE.get(reason.code)
    if seed is not None and seed.status != status:
        problems.append(f"{where}: a seeded reason stays under status {seed.status}.")
    if seed is not None and tuple(names) != seed.placeholders:
        fixed = ", ".join(seed.placeholders) or "none"
        problems.append(f"{where}: placeholders of a seeded reason are fixed: {fixed}.")
    return reason


def _shape_ok(
    item: Any, keys: set[str], types: dict[str, type], where: str, problems: list[str]
) -> bool:
    if not isinstance(item, dict):
        problems.append(f"{where}: expected an object.")
        return False
    unknown = sorted(set(item) - keys)
    missing = sorted(key for key in keys - OPTIONAL_KEYS if key not in item)
    wrong = sorted(
        key
        for key in keys - {"translations"}  # checked by translations_read
        if key in item and not isinstance(item[key], types.get(key, str))
    )
    for label, names in (("unknown", unknown), ("missing", missing), ("wrong type for", wrong)):
        if names:
            problems.append(f"{where}: {label} {', '.join(names)}.")
    return not (unknown or missing or wrong)


def _validate(
    row: ErrorStatus | ErrorReason, where: str, problems: list[str], exclude: list[str]
) -> None:
    try:
        row.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as exc:
        for field, messages in sorted(exc.message_dict.items()):
            problems.extend(f"{where}: {field}: {message}" for message in messages)


def _text_problems(data: Any, where: str = "the file") -> list[str]:
    """NUL characters and lone surrogates, which no database column takes: where each is."""
    if isinstance(data, str):
        if "\x00" in data:
            return [f"{where}: contains a NUL character."]
        try:
            data.encode("utf-8")
        except UnicodeEncodeError:
            return [f"{where}: contains an invalid character (a lone surrogate)."]
        return []
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return []
    problems = []
    for key, value in items:
        problems += _text_problems(key, where) + _text_problems(value, f"{where} > {key}")
    return problems


def _check_duplicates(
    statuses: list[ErrorStatus], reasons: list[ErrorReason], problems: list[str]
) -> None:
    for label, values in (
        ("status", [str(row.status) for row in statuses]),
        ("reason code", [row.code for row in reasons]),
    ):
        seen: set[str] = set()
        for value in values:
            if value in seen:
                problems.append(f"Duplicate {label} {value}: each may appear only once.")
            seen.add(value)
