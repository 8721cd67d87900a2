from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django.utils.html import format_html
from django.utils.safestring import SafeString

from catalog.admin.counts import ServedCountsMixin
from catalog.admin.error_summary import ErrorSummaryMixin
from catalog.admin.filters import ReasonRecentlyChangedFilter, ReasonStatusClassFilter
from catalog.admin.forms import ErrorReasonForm
from catalog.admin.history import HistoryAdmin
from catalog.admin.lists import WideListMixin, text_truncated
from catalog.admin.preview import reason_status_from_instance, reason_status_from_post
from catalog.admin.previews import PreviewMixin
from catalog.admin.translations import ErrorReasonTranslationInline
from catalog.admin.trends import TrendMixin
from catalog.models import ErrorReason
from catalog.seeding import catalog_seed_restore, reason_is_seeded
from catalog.types import Status


@admin.action(description="Restore seed text", permissions=["change"])
def restore_seed_text(
    model_admin: "ErrorReasonAdmin", request: HttpRequest, queryset: QuerySet[ErrorReason]
) -> None:
    changed = catalog_seed_restore(reasons=queryset)
    model_admin.message_user(
        request, f"Seed text restored on {changed} entries.", messages.SUCCESS
    )


@admin.register(ErrorReason)
class ErrorReasonAdmin(  # type: ignore[misc]
    ErrorSummaryMixin, PreviewMixin, TrendMixin, WideListMixin, ServedCountsMixin, HistoryAdmin
):
    form = ErrorReasonForm
    inlines = [ErrorReasonTranslationInline]
    fields = [
        "status",
        "code",
        "message",
        "overrides_detail",
        "placeholders",
        "troubleshooting",
        "example_request",
    ]
    list_display = ["code", "status_number", "message_short", "updated"]
    list_display += ["served_24h", "trend", "last_served"]
    served_outer = {"status": "status__status", "code": "code"}
    list_filter = [ReasonStatusClassFilter, ReasonRecentlyChangedFilter, "status"]
    list_select_related = ["status"]
    search_fields = ["code", "message", "troubleshooting", "placeholders", "status__title"]
    search_help_text = "Searches codes, messages, placeholders and troubleshooting text."
    actions = [restore_seed_text]
    history_list_display = ["message"]
    trend_fields = ("status", "code")

    @admin.display(description="status", ordering="status__status")
    def status_number(self, obj: ErrorReason) -> SafeString:
        return format_html('<span title="{}">{}</span>', obj.status, obj.status.status)

    @admin.display(description="message", ordering="message")
    def message_short(self, obj: ErrorReason) -> SafeString:
        return text_truncated(obj.message, length=60)

    def trend_key(self, obj: ErrorReason) -> tuple[int, str]:
        return (obj.status.status, obj.code)

    def has_delete_permission(self, request: HttpRequest, obj: ErrorReason | None = None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return bool(allowed) and not (obj is not None and reason_is_seeded(code=obj.code))

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        # Bulk delete would bypass the per-object check that protects seeded reasons.
        actions: dict[str, Any] = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def preview_status(self, obj: ErrorReason, data: QueryDict | None) -> Status:
        if data is None:
            return reason_status_from_instance(instance=obj)
        return reason_status_from_post(instance=obj, data=data)
