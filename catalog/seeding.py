"""
The seeded catalog entries: the ones the code relies on, putting back their seed
text, and seeding a catalog left empty (a test database flushed by TransactionTestCase).
"""

from collections.abc import Iterable
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.loader import MigrationLoader

from catalog.errors.seed import SEED_STATUSES
from catalog.models import ErrorReason, ErrorReasonTranslation, ErrorStatus, ErrorStatusTranslation
from catalog.types import Reason, Status

SEED_STATUS_BY_NUMBER: dict[int, Status] = {entry.status: entry for entry in SEED_STATUSES}
SEED_REASON_BY_CODE: dict[str, Reason] = {
    reason.code: reason for entry in SEED_STATUSES for reason in entry.reasons
}


def reason_is_seeded(*, code: str) -> bool:
    return code in SEED_REASON_BY_CODE


def status_is_seeded(*, status: int) -> bool:
    return status in SEED_STATUS_BY_NUMBER


@transaction.atomic
def catalog_seed_restore(
    *, statuses: Iterable[ErrorStatus] = (), reasons: Iterable[ErrorReason] = ()
) -> int:
    """
    Put the seed wording back on seeded statuses (and their seeded reasons) and
    seeded reasons; entries that are not seeded are left alone. Saves go through
    Model.save(), so history records them and the catalog version moves.
    Returns how many entries changed.
    """
    changed = 0
    for status in statuses:
        seed = SEED_STATUS_BY_NUMBER.get(status.status)
        if seed is not None:
            changed += _restored(
                status,
                title=seed.title,
                description=seed.description,
                troubleshooting=seed.troubleshooting,
            )
            reasons = [*reasons, *status.reasons.all()]
    seen: set[int] = set()
    for reason in reasons:
        seed_reason = SEED_REASON_BY_CODE.get(reason.code)
        if seed_reason is None or reason.pk in seen:
            continue
        seen.add(reason.pk)
        changed += _restored(
            reason,
            message=seed_reason.message,
            placeholders=",".join(seed_reason.placeholders),
            troubleshooting=seed_reason.troubleshooting,
        )
    return changed


def _restored(row: ErrorStatus | ErrorReason, **seed_text: str) -> int:
    if all(getattr(row, field) == value for field, value in seed_text.items()):
        return 0
    for field, value in seed_text.items():
        setattr(row, field, value)
    row._change_reason = "restore seed text"  # type: ignore[union-attr]
    row.save()
    return 1


def catalog_seed_if_empty(*, using: str = DEFAULT_DB_ALIAS) -> bool:
    """
    Write the built-in seed into a migrated but empty catalog; True when it did.

    The seed migration runs once, but a test database flushed between tests
    (TransactionTestCase, pytest-django's transactional tests) loses its rows;
    Django sends post_migrate after each such flush, and this puts the seed back,
    so the catalog answers with its own text rather than with catalog gaps.
    """
    if not _catalog_migrated(using) or ErrorStatus.objects.using(using).exists():
        return False
    with transaction.atomic(using=using):
        for entry in SEED_STATUSES:
            status = ErrorStatus.objects.using(using).create(
                status=entry.status,
                title=entry.title,
                description=entry.description,
                troubleshooting=entry.troubleshooting,
            )
            _translations_create(ErrorStatusTranslation, using, entry.translations, status=status)
            for seed_reason in entry.reasons:
                reason = ErrorReason.objects.using(using).create(
                    status=status,
                    code=seed_reason.code,
                    message=seed_reason.message,
                    placeholders=",".join(seed_reason.placeholders),
                    troubleshooting=seed_reason.troubleshooting,
                    overrides_detail=seed_reason.overrides_detail,
                )
                _translations_create(
                    ErrorReasonTranslation, using, seed_reason.translations, reason=reason
                )
    return True


def _translations_create(
    model: type[ErrorStatusTranslation | ErrorReasonTranslation],
    using: str,
    translations: Any,
    **parent: Any,
) -> None:
    for language, fields in translations.items():
        model.objects.using(using).create(language=language, **fields, **parent)


def _catalog_migrated(using: str) -> bool:
    """Whether every catalog migration is applied (post_migrate follows partial migrates too)."""
    loader = MigrationLoader(connections[using])
    leaves = set(loader.graph.leaf_nodes("catalog"))
    return leaves <= loader.applied_migrations.keys()
