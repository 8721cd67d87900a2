"""
The dashboard: the reasons whose errors rose most in the last 24 hours (against an
average day of the 6 before), each with its week as a sparkline, and the catalog gaps.
Shown to whoever may view the error reasons.
"""

from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from catalog.admin.gaps import gap_create_url
from catalog.admin.lists import ReadOnlyAdmin
from catalog.admin.trends import sparkline_html
from catalog.models import ErrorReason, ErrorTrend
from catalog.telemetry.counts import gaps_get
from catalog.telemetry.trends import rising_get

GAPS_SHOWN = 10


@admin.register(ErrorTrend)
class ErrorTrendAdmin(ReadOnlyAdmin):
    class Media:
        css = {"all": ["catalog/admin-catalog.css"]}

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm("catalog.view_errorreason")

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        rising = rising_get()
        reason_ids = dict(
            ErrorReason.objects.filter(code__in=[item.code for item in rising]).values_list(
                "code", "pk"
            )
        )
        gaps = gaps_get()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Error trends",
            "subtitle": None,
            "media": self.media,
            "rising": [
                {
                    "item": item,
                    "sparkline": sparkline_html(item.trend),
                    "url": _reason_url(reason_ids.get(item.code)),
                }
                for item in rising
            ],
            "gaps": [{**gap, "create_url": gap_create_url(gap)} for gap in gaps[:GAPS_SHOWN]],
            "gaps_more": max(len(gaps) - GAPS_SHOWN, 0),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/catalog/dashboard.html", context)


def _reason_url(pk: int | None) -> str:
    return reverse("admin:catalog_errorreason_change", args=[pk]) if pk else ""
