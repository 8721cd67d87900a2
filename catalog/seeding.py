"""
The seeded catalog entries: the ones the code relies on, and putting back their seed text.
"""

from collections.abc import Iterable

from django.db import transaction

from catalog.errors.seed import SEED_STATUSES
from catalog.models import ErrorReason, ErrorStatus
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
