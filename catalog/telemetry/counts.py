"""
The persisted error counts (ErrorCount): upserts with F() increments, and the
reads the admin shows (served in the last 24 h / 7 days, when last, gaps).
"""

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import (
    DateTimeField,
    Exists,
    F,
    Max,
    OuterRef,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from catalog.models import ErrorCount, ErrorReason, ErrorStatus

CountKey = tuple[int, int, str, str]  # hour (epoch seconds), status, code, route


def counts_save(*, counts: Mapping[CountKey, int], seen: Mapping[CountKey, float]) -> None:
    """Add counts to the database, one upsert per (hour, status, code, route)."""
    for key, count in counts.items():
        hour, status, code, route = key
        last_seen = datetime.fromtimestamp(seen.get(key, hour), UTC)
        lookup = {
            "hour": datetime.fromtimestamp(hour, UTC),
            "status": status,
            "code": code,
            "route": route,
        }
        with transaction.atomic():
            if not _count_add(lookup, count, last_seen):
                try:
                    with transaction.atomic():
                        ErrorCount.objects.create(**lookup, count=count, last_seen=last_seen)
                except IntegrityError:  # another process created it meanwhile
                    _count_add(lookup, count, last_seen)


def _count_add(lookup: dict[str, Any], count: int, last_seen: datetime) -> bool:
    seen = Value(last_seen, output_field=DateTimeField())
    updated = ErrorCount.objects.filter(**lookup).update(
        count=F("count") + count, last_seen=Greatest("last_seen", seen)
    )
    return bool(updated)


def served_annotations(**outer: Any) -> dict[str, Any]:
    """Annotations: served in the last 24 h, 7 days, and when last, for rows matching outer."""
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    rows = ErrorCount.objects.filter(**outer).order_by().values(*outer)

    def total(since: datetime) -> Coalesce:
        served = rows.filter(hour__gte=since).annotate(total=Sum("count")).values("total")
        return Coalesce(Subquery(served), 0)

    last = rows.annotate(last=Max("last_seen")).values("last")
    return {
        "served_24h": total(now - timedelta(hours=23)),
        "served_7d": total(now - timedelta(days=7) + timedelta(hours=1)),
        "last_served": Subquery(last),
    }


def gaps_get() -> list[dict[str, Any]]:
    """Errors served whose status or reason is not in the catalog, most served first."""
    in_catalog = ErrorReason.objects.filter(
        code=OuterRef("code"), status__status=OuterRef("status")
    )
    status_id = ErrorStatus.objects.filter(status=OuterRef("status")).values("pk")[:1]
    gaps = (
        ErrorCount.objects.exclude(Exists(in_catalog))
        .order_by()
        .values("status", "code")
        .annotate(
            total=Sum("count"),
            last=Max("last_seen"),
            routes=Max("route"),
            status_id=Subquery(status_id),
        )
        .order_by("-total", "status", "code")
    )
    return [dict(gap) for gap in gaps]
