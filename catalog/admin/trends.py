"""
Trends as pictures: errors served per hour over the last 7 days, drawn on the server
as inline SVG (no script, no style attribute, no external file): a sparkline per row
of the status and reason lists, a bar chart on each change page.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString

from catalog.telemetry.trends import Key, Trend, trends_get

SPARK_WIDTH, SPARK_HEIGHT = 120, 24
BAR_WIDTH, CHART_HEIGHT = 4, 80


def trend_label(trend: Trend) -> str:
    """What the picture says, in words: its title, and what a screen reader reads."""
    label = f"{trend.total:,} errors in the last 7 days"
    if trend.change:
        label += f", {trend.change} on the week before ({trend.previous_total:,})"
    return label


def sparkline_html(trend: Trend) -> SafeString:
    """A 120x24 line of the hourly counts, with the 7-day total and change beside it."""
    peak = max(trend.peak, 1)
    step = SPARK_WIDTH / (len(trend.counts) - 1)
    points = [
        (round(index * step, 1), round(SPARK_HEIGHT - 1 - count * (SPARK_HEIGHT - 2) / peak, 1))
        for index, count in enumerate(trend.counts)
    ]
    line = " ".join(f"{x},{y}" for x, y in points)
    area = f"0,{SPARK_HEIGHT} {line} {SPARK_WIDTH},{SPARK_HEIGHT}"
    context = {
        "trend": trend,
        "label": trend_label(trend),
        "line": line,
        "area": area,
        "width": SPARK_WIDTH,
        "height": SPARK_HEIGHT,
    }
    return render_to_string("admin/catalog/trend_sparkline.html", context)


@dataclass(frozen=True)
class Bar:
    x: int
    y: float
    height: float
    title: str


@dataclass(frozen=True)
class DayMark:
    x: int
    label: str


def trend_chart(trend: Trend) -> dict[str, Any]:
    """The change page's bar chart: one bar per hour, a mark at each day's start (UTC)."""
    peak = max(trend.peak, 1)
    bars, days = [], []
    for index, (hour, count) in enumerate(zip(trend.hours(), trend.counts, strict=True)):
        x = index * BAR_WIDTH
        if hour.hour == 0:
            days.append(DayMark(x, f"{hour:%a} {hour.day}"))
        if count:
            height = max(round(count * CHART_HEIGHT / peak, 1), 1)
            title = f"{hour:%a} {hour.day} {hour:%b %H}:00 UTC: {count:,}"
            bars.append(Bar(x, CHART_HEIGHT - height, height, title))
    return {
        "trend": trend,
        "label": trend_label(trend),
        "bars": bars,
        "days": days,
        "width": len(trend.counts) * BAR_WIDTH,
        "height": CHART_HEIGHT,
    }


class TrendMixin(admin.ModelAdmin):  # type: ignore[type-arg]
    """A sparkline column (`trend`) in the list, a chart on the change page."""

    trend_fields: tuple[str, ...] = ("status",)

    class Media:
        css = {"all": ["catalog/admin-catalog.css"]}

    def trend_key(self, obj: Any) -> Key:
        raise NotImplementedError

    def get_changelist_instance(self, request: HttpRequest) -> ChangeList:
        changelist = super().get_changelist_instance(request)
        rows = list(changelist.result_list)  # the page, as the list will show it
        trends = trends_get(fields=self.trend_fields, keys=[self.trend_key(r) for r in rows])
        for row in rows:
            row.catalog_trend = trends[self.trend_key(row)]
        return changelist

    @admin.display(description="last 7 days", ordering="served_7d")
    def trend(self, obj: Any) -> SafeString | str:
        trend = getattr(obj, "catalog_trend", None)
        return sparkline_html(trend) if trend is not None else ""

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        obj = self.get_object(request, object_id)
        if obj is not None and self.has_view_or_change_permission(request, obj):
            key = self.trend_key(obj)
            # Drawn only when the page is (a saved form redirects without it).
            chart = SimpleLazyObject(
                lambda: trend_chart(trends_get(fields=self.trend_fields, keys=[key])[key])
            )
            extra_context = {**(extra_context or {}), "trend_chart": chart}
        return super().change_view(request, object_id, form_url, extra_context)
