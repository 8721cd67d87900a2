from typing import Any

from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest, QueryDict
from django.utils.safestring import SafeString

from catalog.admin.counts import ServedCountsMixin
from catalog.admin.error_summary import ErrorSummaryMixin
from catalog.admin.filters import RecentlyChangedFilter, StatusClassFilter
from catalog.admin.forms import (
    ErrorReasonForm,
    ErrorReasonInlineFormSet,
    ErrorStatusForm,
    status_deletable,
)
from catalog.admin.history import HistoryAdmin
from catalog.admin.inlines import BoundedStackedInline
from catalog.admin.lists import WideListMixin, text_truncated
from catalog.admin.preview import status_from_instance, status_from_post
from catalog.admin.previews import PreviewMixin
from catalog.admin.translations import ErrorStatusTranslationInline
from catalog.admin.trends import TrendMixin
from catalog.models import ErrorReason, ErrorStatus
from catalog.seeding import catalog_seed_restore
from catalog.types import Status

TEXT_SEARCH = ["title", "description", "troubleshooting"]
REASON_SEARCH = ["reasons__code", "reasons__message", "reasons__troubleshooting"]


class ErrorReasonInline(BoundedStackedInline):
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
class ErrorStatusAdmin(  # type: ignore[misc]
    ErrorSummaryMixin, PreviewMixin, TrendMixin, WideListMixin, ServedCountsMixin, HistoryAdmin
):
    form = ErrorStatusForm
    inlines = [ErrorReasonInline, ErrorStatusTranslationInline]
    list_display = ["status", "title", "description_short", "reason_count", "updated"]
    list_display += ["served_24h", "trend", "last_served"]
    served_outer = {"status": "status"}
    list_display_links = ["status", "title"]
    list_filter = [StatusClassFilter, RecentlyChangedFilter]
    search_fields = ["status", *TEXT_SEARCH, *REASON_SEARCH]
    search_help_text = "Searches status numbers, reason codes, titles, messages and all text."
    actions = [restore_seed_text]

    @admin.display(description="description", ordering="description")
    def description_short(self, obj: ErrorStatus) -> SafeString:
        return text_truncated(obj.description, length=60)

    def trend_key(self, obj: ErrorStatus) -> tuple[int]:
        return (obj.status,)

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

    def preview_status(self, obj: ErrorStatus, data: QueryDict | None) -> Status:
        if data is None:
            return status_from_instance(instance=obj)
        return status_from_post(instance=obj, data=data)
