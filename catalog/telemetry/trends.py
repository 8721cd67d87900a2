"""
Errors served per hour over the last 7 days, and the week before, from the hourly
ErrorCount rows: the admin's trend pictures and its "rising" dashboard.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Sum
from django.utils import timezone

from catalog.models import ErrorCount

HOURS = 7 * 24
Key = tuple[Any, ...]  # (status,) or (status, code)


@dataclass(frozen=True)
class Trend:
    """Hourly counts of the last 7 days (oldest first) and the week before's total."""

    start: datetime  # the first hour shown
    counts: tuple[int, ...]
    previous_total: int

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def peak(self) -> int:
        return max(self.counts, default=0)

    @property
    def last_24h(self) -> int:
        return sum(self.counts[-24:])

    @property
    def change(self) -> str:
        """Against the week before: "+12%", "\u22125%" (a minus sign), "±0%", "new", or ""."""
        if not self.previous_total:
            return "new" if self.total else ""
        percent = round((self.total - self.previous_total) * 100 / self.previous_total)
        if percent == 0:
            return "±0%"
        return f"+{percent}%" if percent > 0 else f"\u2212{-percent}%"

    def hours(self) -> list[datetime]:
        return [self.start + timedelta(hours=index) for index in range(len(self.counts))]


def trend_start(now: datetime | None = None) -> datetime:
    """The first hour of the 7 days shown: the current hour is the last of them."""
    hour = (now or timezone.now()).replace(minute=0, second=0, microsecond=0)
    return hour - timedelta(hours=HOURS - 1)


def trends_get(
    *, fields: tuple[str, ...], keys: Iterable[Key] | None = None, now: datetime | None = None
) -> dict[Key, Trend]:
    """
    The trend of each key, a tuple of values of `fields` ("status", or "status" and
    "code"); keys None: every key served in the last two weeks. One query.
    """
    start = trend_start(now)
    previous_start = start - timedelta(hours=HOURS)
    rows = ErrorCount.objects.filter(hour__gte=previous_start)
    wanted = None if keys is None else set(keys)
    if wanted is not None:
        rows = rows.filter(**{f"{fields[0]}__in": {key[0] for key in wanted}})
    hourly: dict[Key, list[int]] = defaultdict(lambda: [0] * HOURS)
    previous: dict[Key, int] = defaultdict(int)
    for row in rows.order_by().values(*fields, "hour").annotate(total=Sum("count")):
        key = tuple(row[field] for field in fields)
        if wanted is not None and key not in wanted:
            continue
        index = int((row["hour"] - start).total_seconds() // 3600)
        if index < 0:
            previous[key] += row["total"]
        elif index < HOURS:
            hourly[key][index] += row["total"]
    found = wanted if wanted is not None else set(hourly) | set(previous)
    return {
        key: Trend(start, tuple(hourly.get(key, [0] * HOURS)), previous.get(key, 0))
        for key in found
    }


@dataclass(frozen=True)
class Rising:
    """A reason served more in the last 24 hours than on an average day of the week before."""

    status: int
    code: str
    last_24h: int
    daily_before: float  # the average day of the 6 days before the last 24 hours
    trend: Trend

    @property
    def rise(self) -> float:
        return self.last_24h - self.daily_before


def rising_get(*, limit: int = 10, now: datetime | None = None) -> list[Rising]:
    """The reasons whose errors rose most in the last 24 hours, most first."""
    rising = []
    for (status, code), trend in trends_get(fields=("status", "code"), now=now).items():
        daily_before = sum(trend.counts[:-24]) / 6
        if trend.last_24h > daily_before:
            rising.append(Rising(status, code, trend.last_24h, daily_before, trend))
    rising.sort(key=lambda item: (-item.rise, item.status, item.code))
    return rising[:limit]
