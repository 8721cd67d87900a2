"""
The in-process catalog snapshot that the error path reads.

Once warm, an error costs no database query: the snapshot is replaced only when
the catalog version stamp moves. The stamp is looked at most once per
CATALOG_REFRESH_INTERVAL: in the shared cache when there is one (Redis), with a
tiny database query otherwise. When the database does not answer, the last
snapshot keeps serving; a process that has none (a worker started during the
outage) takes the one last loaded by any process, kept in the shared cache, and
the built-in seed only when there is none either.
"""

import logging
import threading
import time
from typing import Any

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

from catalog.conf import catalog_settings
from catalog.errors.seed import SEED_CATALOG
from catalog.models import (
    CatalogVersion,
    ErrorReason,
    ErrorReasonTranslation,
    ErrorStatus,
    ErrorStatusTranslation,
    placeholder_names,
)
from catalog.telemetry.metrics import metrics_catalog_loaded
from catalog.types import Catalog, Reason, Status

logger = logging.getLogger(__name__)

STAMP_CACHE_KEY = "catalog:version"
# Versioned with the shape of catalog.types.Catalog: a process of a new release never
# unpickles a snapshot of an older shape (say, from before translations).
SNAPSHOT_CACHE_KEY = "catalog:snapshot:2"
LOAD_ATTEMPTS = 3
STATUS_FIELDS = ("title", "description", "troubleshooting")
REASON_FIELDS = ("message", "troubleshooting")


class _Snapshot:
    """The process's current catalog and when its stamp was last looked at."""

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.checked_at = float("-inf")
        self.lock = threading.Lock()


_snapshot = _Snapshot()


def catalog_get() -> Catalog:
    """The current catalog; never raises and, once warm, never queries the database."""
    catalog = _snapshot.catalog
    if catalog is not None and not _refresh_due():
        return catalog
    with _snapshot.lock:
        if _snapshot.catalog is None or _refresh_due():
            _snapshot.checked_at = time.monotonic()
            _snapshot.catalog = _catalog_refreshed(_snapshot.catalog)
        return _snapshot.catalog


def catalog_snapshot_invalidate() -> None:
    """Make this process look at the stamp on its next error."""
    _snapshot.checked_at = float("-inf")


def catalog_snapshot_reset() -> None:
    """Forget the snapshot entirely (tests, and processes forked after warming)."""
    _snapshot.catalog = None
    _snapshot.checked_at = float("-inf")


def catalog_version_stamp_get() -> int:
    """The committed catalog version: from the shared cache if any, else the database."""
    cache = caches[catalog_settings.CACHE_ALIAS]
    if isinstance(cache, LocMemCache):
        return catalog_version_db_get()
    try:
        stamp = cache.get(STAMP_CACHE_KEY)
    except Exception:
        logger.warning("catalog: cache unreachable, reading the version from the database")
        return catalog_version_db_get()
    if stamp is None:
        stamp = catalog_version_db_get()
        # add(), not set(): never overwrite a newer stamp published meanwhile.
        cache.add(STAMP_CACHE_KEY, stamp, catalog_settings.STAMP_TIMEOUT)
    return int(stamp)


def catalog_version_db_get() -> int:
    version = CatalogVersion.objects.values_list("version", flat=True).first()
    return int(version or 0)


def catalog_load() -> Catalog:
    """
    Read the whole catalog, and the maintenance switch, from the database, as one
    committed version. Each query sees its own moment (READ COMMITTED, autocommit),
    so an edit committed between them would give a status of one version with
    reasons of the next. Every change moves the stamp in its own transaction: the
    same stamp before and after the reads means they saw a single version.
    """
    for _ in range(LOAD_ATTEMPTS):
        state = CatalogVersion.objects.filter(pk=1).first()
        version = state.version if state else 0
        catalog = _catalog_read(version=version, state=state)
        if catalog_version_db_get() == version:
            return catalog
    # Still moving: labelled with the older stamp, so the next refresh reads it again.
    logger.warning("catalog: the catalog kept changing while it was read")
    return catalog


def _catalog_read(*, version: int, state: CatalogVersion | None) -> Catalog:
    # Plain rows, not model instances: at a catalog of 3,000 reasons, building the
    # instances was most of the load (0.46 s), which the first request after each
    # edit waits for.
    status_texts = _translations(ErrorStatusTranslation.objects, "status_id", STATUS_FIELDS)
    reason_texts = _translations(ErrorReasonTranslation.objects, "reason_id", REASON_FIELDS)
    reasons: dict[int, list[Reason]] = {}
    rows = ErrorReason.objects.order_by("code").values_list(
        "status_id",
        "status__status",
        "id",
        "code",
        "message",
        "placeholders",
        "troubleshooting",
        "example_request",
        "overrides_detail",
    )
    for row in rows:
        status_id, number, pk, code, message, placeholders = row[:6]
        troubleshooting, example_request, overrides_detail = row[6:]
        reasons.setdefault(status_id, []).append(
            Reason(
                code=code,
                status=number,
                message=message,
                placeholders=placeholder_names(placeholders),
                troubleshooting=troubleshooting,
                example_request=example_request,
                overrides_detail=overrides_detail,
                translations=reason_texts.get(pk, {}),
            )
        )
    statuses = [
        Status(
            status=number,
            title=title,
            description=description,
            troubleshooting=troubleshooting,
            reasons=tuple(reasons.get(pk, ())),
            translations=status_texts.get(pk, {}),
        )
        for pk, number, title, description, troubleshooting in ErrorStatus.objects.order_by(
            "status"
        ).values_list("id", "status", "title", "description", "troubleshooting")
    ]
    retry_after = state.maintenance_retry_after if state and state.maintenance else None
    return Catalog.from_statuses(
        statuses,
        version=version,
        updated_at=state.updated_at if state else None,
        maintenance_retry_after=retry_after,
    )


def _translations(
    manager: Any, owner: str, fields: tuple[str, ...]
) -> dict[int, dict[str, dict[str, str]]]:
    """{owner id: {language: {field: text}}}, only the fields translated (blank: fallback)."""
    found: dict[int, dict[str, dict[str, str]]] = {}
    for owner_id, language, *texts in manager.order_by(owner, "language").values_list(
        owner, "language", *fields
    ):
        found.setdefault(owner_id, {})[language] = {
            name: text for name, text in zip(fields, texts, strict=True) if text.strip()
        }
    return found


def _refresh_due() -> bool:
    return time.monotonic() - _snapshot.checked_at >= catalog_settings.REFRESH_INTERVAL


def _catalog_refreshed(current: Catalog | None) -> Catalog:
    try:
        version = catalog_version_stamp_get()
        if current is not None and current.version == version:
            return current
        catalog = catalog_load()
        metrics_catalog_loaded(catalog=catalog)
    except Exception:
        logger.exception("catalog: could not refresh the catalog; serving the last snapshot")
        shared = _shared_snapshot_get()
        if shared is not None and (current is None or shared.version > current.version):
            return shared
        return current or SEED_CATALOG
    _shared_snapshot_set(catalog)
    return catalog


def _shared_snapshot_get() -> Catalog | None:
    """The last catalog a process loaded, for a process started while the database is down."""
    try:
        shared = caches[catalog_settings.CACHE_ALIAS].get(SNAPSHOT_CACHE_KEY)
    except Exception:
        return None
    return shared if isinstance(shared, Catalog) else None


def _shared_snapshot_set(catalog: Catalog) -> None:
    try:
        caches[catalog_settings.CACHE_ALIAS].set(SNAPSHOT_CACHE_KEY, catalog, timeout=None)
    except Exception:
        logger.warning("catalog: cache unreachable, the snapshot is not shared")
