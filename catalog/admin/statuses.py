from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin

from catalog.admin.counts import SERVED_COLUMNS, ServedCountsMixin
from catalog.admin.filters import RecentlyChangedFilter, StatusClassFilter
from catalog.admin.translations import ErrorStatusTranslationInline
from catalog.forms import (
    ErrorReasonForm,
    ErrorReasonInlineFormSet,
    ErrorStatusForm,
    status_deletable,
)
from catalog.models import ErrorReason, ErrorStatus
from catalog.preview import status_from_instance, status_from_post, status_preview
from catalog.seeding import catalog_seed_restore

TEXT_SEARCH = ["title", "description", "troubleshooting"]
REASON_SEARCH = ["reasons__code", "reasons__message", "reasons__troubleshooting"]


class ErrorReasonInline(admin.StackedInline[ErrorReason, ErrorStatus]):
    model = ErrorReason
    form = ErrorReasonForm
    formset = ErrorReasonInlineFormSet
    extra = 0
    fields = ["code", "message", "placeholders", "troubleshooting"]
    show_change_link = True  # to the reason's own page, with its history


@admin.action(description="Restore seed text", permissions=["change"])
def restore_seed_text(
    model_admin: "ErrorStatusAdmin", request: HttpRequest, queryset: QuerySet[ErrorStatus]
) -> None:
    changed = catalog_seed_restore(statuses=queryset.prefetch_related("reasons"))
    model_admin.message_user(
        request, f"Seed text restored on {changed} entries.", messages.SUCCESS
    )


@admin.register(ErrorStatus)
class ErrorStatusAdmin(ServedCountsMixin, SimpleHistoryAdmin):  # type: ignore[misc]
    form = ErrorStatusForm
    inlines = [ErrorReasonInline, ErrorStatusTranslationInline]
    list_display = ["status", "title", "description", "reason_count", "updated_at"]
    list_display += SERVED_COLUMNS
    served_outer = {"status": "status"}
    list_display_links = ["status", "title"]
    list_filter = [StatusClassFilter, RecentlyChangedFilter]
    search_fields = ["status", *TEXT_SEARCH, *REASON_SEARCH]
    search_help_text = "Searches status numbers, reason codes, titles, messages and all text."
    actions = [restore_seed_text]
    change_form_template = "admin/catalog/errorstatus/change_form.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet[ErrorStatus]:
        return super().get_queryset(request).annotate(reason_count=Count("reasons"))  # type: ignore[no-any-return]

    @admin.display(description="reasons", ordering="reason_count")
    def reason_count(self, obj: ErrorStatus) -> int:
        return int(getattr(obj, "reason_count", 0))

    def has_delete_permission(self, request: HttpRequest, obj: ErrorStatus | None = None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return bool(allowed) and status_deletable(status=obj)

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        # Bulk delete would bypass the per-object check that protects seeded entries.
        actions: dict[str, Any] = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_urls(self) -> list[URLPattern]:
        preview = self.admin_site.admin_view(require_POST(self.preview_view))
        name = f"{self.opts.app_label}_{self.opts.model_name}_preview"
        return [path("<path:object_id>/preview/", preview, name=name), *super().get_urls()]

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        obj = self.get_object(request, object_id)
        if obj is not None:
            posted = request.method == "POST"
            status = (
                status_from_post(instance=obj, data=request.POST)
                if posted
                else status_from_instance(instance=obj)
            )
            extra_context = {
                **(extra_context or {}),
                "preview": status_preview(request=request, status=status),
                "preview_state": "unsaved values" if posted else "saved values",
            }
        return super().change_view(request, object_id, form_url, extra_context)  # type: ignore[no-any-return]

    def preview_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The preview of the unsaved values posted from the change page."""
        obj = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        status = status_from_post(instance=obj, data=request.POST)
        context = {"preview": status_preview(request=request, status=status)}
        return TemplateResponse(request, "admin/catalog/preview.html", context)
