"""
Moving the catalog between environments: export it as a JSON file with a stable
order (readable diffs), import such a file all or nothing.

Importing makes the database match the file: entries are created or changed
through Model.save(), so history records them and every worker reloads; entries
missing from the file are deleted, except seeded ones, which a file must keep.
"""

import json
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from catalog.models import ErrorReason, ErrorStatus
from catalog.seeding import reason_is_seeded, status_is_seeded
from catalog.transfer.files import (
    FILE_FORMAT,
    FILE_VERSION,
    CatalogFileError,
    FileEntries,
    catalog_file_read,
)
from catalog.transfer.translations import Texts, translations_apply, translations_export

STATUS_FIELDS = ("title", "description", "troubleshooting")
REASON_FIELDS = (
    "message",
    "placeholders",
    "troubleshooting",
    "example_request",
    "overrides_detail",
)
CHANGE_REASON = "catalog import"


@dataclass
class ImportPlan:
    """What an import changes, as lines for a person, and the saves and deletes to do it."""

    lines: list[str] = field(default_factory=list)
    saves: list[ErrorStatus | ErrorReason] = field(default_factory=list)
    deletes: list[ErrorStatus | ErrorReason] = field(default_factory=list)
    translations: list[tuple[ErrorStatus | ErrorReason, Texts]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.saves or self.deletes or self.translations)


def catalog_export() -> str:
    """The whole catalog as JSON: statuses by number, reasons by code, keys in a fixed order."""
    statuses = [
        {
            "status": status.status,
            "title": status.title,
            "description": status.description,
            "troubleshooting": status.troubleshooting,
            **_translations(status),
            "reasons": [
                {
                    "code": reason.code,
                    "message": reason.message,
                    "placeholders": list(reason.placeholder_names),
                    "troubleshooting": reason.troubleshooting,
                    **_example(reason),
                    **_translations(reason),
                }
                for reason in sorted(status.reasons.all(), key=lambda reason: reason.code)
            ],
        }
        for status in ErrorStatus.objects.order_by("status").prefetch_related(
            "translations", "reasons", "reasons__translations"
        )
    ]
    document = {"format": FILE_FORMAT, "version": FILE_VERSION, "statuses": statuses}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def catalog_import(*, text: str, dry_run: bool = False) -> ImportPlan:
    """
    Validate the whole file, then apply it in one transaction; CatalogFileError
    (and no change) when anything in it is refused. dry_run: only plan.
    """
    entries = catalog_file_read(text=text)
    with transaction.atomic():
        plan = _plan(entries)
        if not dry_run:
            for row in plan.saves:
                if isinstance(row, ErrorReason):
                    row.status = ErrorStatus.objects.get(status=row.status_number)  # type: ignore[attr-defined]
                row._change_reason = CHANGE_REASON  # type: ignore[union-attr]
                row.save()
            # After the saves, so that a reason moved out of a deleted status survives.
            for row in plan.deletes:
                row.delete()
            for parent, texts in plan.translations:
                translations_apply(parent=parent, texts=texts, reason=CHANGE_REASON)
    return plan


def _translations(parent: ErrorStatus | ErrorReason) -> dict[str, Texts]:
    """The entry's "translations" key, only when it has some (files without stay as they were)."""
    texts = translations_export(parent.translations.all())
    return {"translations": texts} if texts else {}


def _plan(entries: FileEntries) -> ImportPlan:
    plan = ImportPlan()
    statuses = {row.status: row for row in ErrorStatus.objects.all()}
    reasons = {row.code: row for row in ErrorReason.objects.select_related("status")}
    for incoming in entries.statuses:
        _plan_row(plan, f"status {incoming.status}", statuses.get(incoming.status), incoming)
    for reason in entries.reasons:
        current = reasons.get(reason.code)
        number = reason.status_number  # type: ignore[attr-defined]
        if current is not None and current.status.status != number:
            plan.lines.append(
                f"moved reason {reason.code}: status {current.status.status} -> {number}"
            )
            current.status_number = number  # type: ignore[attr-defined]
            plan.saves.append(current)
        _plan_row(plan, f"reason {reason.code}", current, reason)
    _plan_deletes(plan, entries, statuses, reasons)
    _plan_translations(plan, entries, statuses, reasons)
    plan.saves = list({id(row): row for row in plan.saves}.values())
    # Statuses first, so that new reasons find theirs.
    plan.saves.sort(key=lambda row: isinstance(row, ErrorReason))
    return plan


def _plan_row(plan: ImportPlan, label: str, current: Any, incoming: Any) -> None:
    fields = STATUS_FIELDS if isinstance(incoming, ErrorStatus) else REASON_FIELDS
    if current is None:
        plan.lines.append(f"created {label}")
        plan.saves.append(incoming)
        return
    changed = [name for name in fields if getattr(current, name) != getattr(incoming, name)]
    if changed:
        for name in changed:
            setattr(current, name, getattr(incoming, name))
        if isinstance(current, ErrorReason) and not hasattr(current, "status_number"):
            current.status_number = current.status.status  # type: ignore[attr-defined]
        plan.lines.append(f"changed {label}: {', '.join(changed)}")
        plan.saves.append(current)


def _plan_translations(
    plan: ImportPlan,
    entries: FileEntries,
    statuses: dict[int, ErrorStatus],
    reasons: dict[str, ErrorReason],
) -> None:
    """Translations that differ from the file's; new entries get theirs once saved."""
    pairs: list[tuple[str, ErrorStatus | ErrorReason, ErrorStatus | ErrorReason | None]] = [
        (f"status {row.status}", row, statuses.get(row.status)) for row in entries.statuses
    ]
    pairs += [(f"reason {row.code}", row, reasons.get(row.code)) for row in entries.reasons]
    for label, incoming, current in pairs:
        texts: Texts = incoming.file_translations  # type: ignore[union-attr]
        before = translations_export(current.translations.all()) if current else {}
        if texts != before:
            kinds = {
                "added": sorted(set(texts) - set(before)),
                "changed": sorted(c for c in set(texts) & set(before) if texts[c] != before[c]),
                "deleted": sorted(set(before) - set(texts)),
            }
            said = [f"{kind} {', '.join(codes)}" for kind, codes in kinds.items() if codes]
            plan.lines.append(f"translations of {label}: {'; '.join(said)}")
            plan.translations.append((current or incoming, texts))


def _plan_deletes(
    plan: ImportPlan,
    entries: FileEntries,
    statuses: dict[int, ErrorStatus],
    reasons: dict[str, ErrorReason],
) -> None:
    kept_codes = {reason.code for reason in entries.reasons}
    kept_statuses = {status.status for status in entries.statuses}
    problems = [
        f"reason {code}: seeded, so the file must keep it."
        for code in sorted(set(reasons) - kept_codes)
        if reason_is_seeded(code=code)
    ] + [
        f"status {number}: seeded, so the file must keep it."
        for number in sorted(set(statuses) - kept_statuses)
        if status_is_seeded(status=number)
    ]
    if problems:
        raise CatalogFileError(problems)
    for code in sorted(set(reasons) - kept_codes):
        plan.lines.append(f"deleted reason {code}")
        plan.deletes.append(reasons[code])
    for number in sorted(set(statuses) - kept_statuses):
        plan.lines.append(f"deleted status {number}")
        plan.deletes.append(statuses[number])


def _example(reason: ErrorReason) -> dict[str, str | bool]:
    """A reason's example request and override, when set (files stay as they were otherwise)."""
    optional: dict[str, str | bool] = {"example_request": reason.example_request}
    optional["overrides_detail"] = reason.overrides_detail
    return {key: value for key, value in optional.items() if value}
