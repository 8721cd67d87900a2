"""
Served counts on the status and reason changelists: last 24 hours, 7 days, when last.

The numbers come from ErrorCount (catalog/telemetry/counts.py), annotated on the changelist
query as subqueries, so they sort like any column. They lag the traffic by at
most CATALOG_COUNTS_PERSIST_INTERVAL with Redis, the flush interval without.
"""

from typing import Any

from django.contrib import admin
from django.db.models import OuterRef, QuerySet
from django.http import HttpRequest
from django.utils.safestring import SafeString

from catalog.admin.lists import datetime_compact
from catalog.telemetry.counts import served_annotations


class ServedCountsMixin:
    """Adds the served columns; `served_outer` maps ErrorCount fields to this model's."""

    served_outer: dict[str, str] = {}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)  # type: ignore[misc]
        outer = {field: OuterRef(ref) for field, ref in self.served_outer.items()}
        annotated: QuerySet[Any] = queryset.annotate(**served_annotations(**outer))
        return annotated

    @admin.display(description="served 24 h", ordering="served_24h")
    def served_24h(self, obj: Any) -> int:
        return int(getattr(obj, "served_24h", 0) or 0)

    @admin.display(description="served 7 days", ordering="served_7d")
    def served_7d(self, obj: Any) -> int:
        return int(getattr(obj, "served_7d", 0) or 0)

    @admin.display(description="last served", ordering="last_served", empty_value="never")
    def last_served(self, obj: Any) -> SafeString | None:
        return datetime_compact(getattr(obj, "last_served", None))
