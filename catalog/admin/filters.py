from datetime import timedelta
from typing import Any

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone


class StatusClassFilter(admin.SimpleListFilter):
    """4xx (the client's fault) or 5xx (the server's)."""

    title = "class"
    parameter_name = "class"
    lookup_prefix = "status"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("4xx", "4xx client errors"), ("5xx", "5xx server errors")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        first = {"4xx": 400, "5xx": 500}.get(self.value() or "")
        if first is None:
            return queryset
        return queryset.filter(**{f"{self.lookup_prefix}__range": (first, first + 99)})


class ReasonStatusClassFilter(StatusClassFilter):
    lookup_prefix = "status__status"


class RecentlyChangedFilter(admin.SimpleListFilter):
    """Changed lately, counting a status as changed when one of its reasons was."""

    title = "recently changed"
    parameter_name = "changed"
    related_updated_at = "reasons__updated_at"
    periods = {"day": timedelta(days=1), "week": timedelta(days=7), "month": timedelta(days=30)}

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("day", "Past 24 hours"), ("week", "Past 7 days"), ("month", "Past 30 days")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        period = self.periods.get(self.value() or "")
        if period is None:
            return queryset
        since = timezone.now() - period
        changed = Q(updated_at__gte=since)
        if self.related_updated_at:
            changed |= Q(**{f"{self.related_updated_at}__gte": since})
        return queryset.filter(changed).distinct()


class ReasonRecentlyChangedFilter(RecentlyChangedFilter):
    related_updated_at = ""
