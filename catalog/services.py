"""
Writes that keep every process's catalog snapshot current.
"""

import logging
from collections.abc import Iterable

from django.core.cache import caches
from django.db import transaction
from django.db.models import F

from catalog.conf import catalog_settings
from catalog.errors.codes import RaisedCode
from catalog.errors.formatter import status_phrase
from catalog.errors.snapshot import STAMP_CACHE_KEY, catalog_snapshot_invalidate
from catalog.models import CatalogVersion, ErrorReason, ErrorStatus

logger = logging.getLogger(__name__)


def catalog_version_bump() -> None:
    """
    Move the version stamp inside the current transaction, and publish it once
    that transaction commits, so no process reloads a catalog that may still roll back.
    """
    updated = CatalogVersion.objects.filter(pk=1).update(version=F("version") + 1)
    if not updated:
        CatalogVersion.objects.update_or_create(pk=1, defaults={"version": 2})
    transaction.on_commit(catalog_version_publish)


def catalog_version_publish() -> None:
    """Put the committed stamp in the shared cache and drop this process's snapshot."""
    catalog_snapshot_invalidate()
    version = CatalogVersion.objects.values_list("version", flat=True).first() or 0
    try:
        caches[catalog_settings.CACHE_ALIAS].set(
            STAMP_CACHE_KEY, version, catalog_settings.STAMP_TIMEOUT
        )
    except Exception:
        # Other processes fall back to the database stamp once the cached one expires.
        logger.exception("catalog: could not publish version %s to the cache", version)


def maintenance_set(*, on: bool, retry_after: int | None = None) -> CatalogVersion:
    """Switch maintenance mode; every process sees it within the refresh interval."""
    with transaction.atomic():
        state, _ = CatalogVersion.objects.select_for_update().get_or_create(pk=1)
        state.maintenance = on
        if retry_after is not None:
            state.maintenance_retry_after = retry_after
        state.save(update_fields=["maintenance", "maintenance_retry_after", "updated_at"])
    state.refresh_from_db()
    return state


def reasons_create(*, missing: Iterable[RaisedCode]) -> list[ErrorReason]:
    """Add missing codes with their default message, each under its status (added if new)."""
    created = []
    with transaction.atomic():
        for raised in missing:
            phrase = status_phrase(raised.status)
            status, _ = ErrorStatus.objects.get_or_create(
                status=raised.status, defaults={"title": phrase, "description": f"{phrase}."}
            )
            message = raised.message.replace("{", "{{").replace("}", "}}")[:300] or f"{phrase}."
            reason = ErrorReason(status=status, code=raised.code, message=message)
            reason._change_reason = f"catalog check --create ({raised.source})"  # type: ignore[attr-defined]
            reason.save()
            created.append(reason)
    return created
