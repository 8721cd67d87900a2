"""
The "catalog gaps" view: errors served with no catalog entry for their status or
reason (as the catalog is now), with counts and a link to create the entry.
"""

from typing import Any
from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from catalog.admin.lists import ReadOnlyAdmin
from catalog.models import CatalogGap
from catalog.telemetry.counts import gaps_get


@admin.register(CatalogGap)
class CatalogGapAdmin(ReadOnlyAdmin):
    """Read-only: one row per (status, code) served without an entry, most served first."""

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        gaps = [{**gap, "create_url": gap_create_url(gap)} for gap in gaps_get()]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Catalog gaps",
            "subtitle": None,
            "gaps": gaps,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/catalog/gaps.html", context)


def gap_create_url(gap: dict[str, Any]) -> str:
    if gap["status_id"] is None:
        return f"{reverse('admin:catalog_errorstatus_add')}?{urlencode({'status': gap['status']})}"
    query = urlencode({"status": gap["status_id"], "code": gap["code"]})
    return f"{reverse('admin:catalog_errorreason_add')}?{query}"
