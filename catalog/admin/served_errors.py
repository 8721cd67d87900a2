"""
"What did the client see?": the request log in the admin, read-only, for support.

Found by the requestId a client quotes (also by reason code, part of a route, and
time: the filter, the date drill-down, or ?served_at__gte=...&served_at__lt=... in
the URL). Each entry shows the msg exactly as sent beside the catalog text that was
live when it was served, with a link to that reason's history.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from catalog.admin.lists import ReadOnlyAdmin
from catalog.errors.languages import SOURCE_LANGUAGE
from catalog.models import ErrorReason, ErrorReasonTranslation, ServedError

SHOWN = [
    "request_id",
    "served_at_exact",
    "status",
    "code",
    "route",
    "method",
    "user_id",
    "language",
    "msg",
    "catalog_version",
    "catalog_gap",
]


@dataclass(frozen=True)
class TextThen:
    """A reason's message as it was at a moment, from django-simple-history."""

    reason_id: int
    message: str
    translated: str  # the served language's message, "" when none or English
    history_url: str  # the reason's whole history
    version_url: str  # the reason as it was then


def reason_text_then(*, code: str, language: str, at: datetime) -> TextThen | None:
    """The reason's message (and its translation into language) live at `at`; None: none."""
    then = (
        ErrorReason.history.filter(code=code, history_date__lte=at)
        .order_by("-history_date")
        .first()
    )
    if then is None or then.history_type == "-":
        return None
    translated = ""
    if language != SOURCE_LANGUAGE:
        translation = (
            ErrorReasonTranslation.history.filter(
                reason_id=then.id, language=language, history_date__lte=at
            )
            .order_by("-history_date")
            .first()
        )
        if translation is not None and translation.history_type != "-":
            translated = translation.message
    return TextThen(
        reason_id=then.id,
        message=then.message,
        translated=translated,
        history_url=reverse("admin:catalog_errorreason_history", args=[then.id]),
        version_url=reverse(
            "admin:catalog_errorreason_simple_history", args=[then.id, then.history_id]
        ),
    )


class ServedWithinFilter(admin.SimpleListFilter):
    title = "served"
    parameter_name = "within"
    periods = {"1h": timedelta(hours=1), "24h": timedelta(days=1), "7d": timedelta(days=7)}

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("1h", "Past hour"), ("24h", "Past 24 hours"), ("7d", "Past 7 days")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        period = self.periods.get(self.value() or "")
        if period is None:
            return queryset
        return queryset.filter(served_at__gte=timezone.now() - period)


@admin.register(ServedError)
class ServedErrorAdmin(ReadOnlyAdmin):
    """Read-only: rows come from the flusher, go with the retention."""

    class Media:
        css = {"all": ["catalog/admin-catalog.css"]}

    list_display = ["request_id", "served_at", "status", "code", "route", "method", "msg"]
    list_display_links = ["request_id"]
    list_filter = [ServedWithinFilter, "status", "catalog_gap"]
    search_fields = ["=request_id", "=code", "route"]
    search_help_text = "A requestId (exact), a reason code (exact), or part of a route pattern."
    date_hierarchy = "served_at"
    ordering = ["-served_at", "-pk"]
    show_full_result_count = False
    fields = [*SHOWN, "catalog_text_then"]
    readonly_fields = [*SHOWN, "catalog_text_then"]

    @admin.display(description="served at")
    def served_at_exact(self, obj: ServedError) -> str:
        """To the millisecond, to set beside the server's logs."""
        served = timezone.localtime(obj.served_at)
        # To the millisecond (Django's date formats know no milliseconds: "u" is micro).
        stamp = date_format(served, "Y-m-d H:i:s")
        return f"{stamp}.{served.microsecond // 1000:03d} {date_format(served, 'T')}"

    @admin.display(description="catalog text live then")
    def catalog_text_then(self, obj: ServedError) -> SafeString:
        then = reason_text_then(code=obj.code, language=obj.language, at=obj.served_at)
        if then is None:
            return format_html(
                "No catalog entry for <code>{}</code> then: the client got the generic message.",
                obj.code,
            )
        lines = [("Message", then.message)]
        if then.translated:
            lines.append((f"Message ({obj.language})", then.translated))
        text = format_html_join("", '<p class="served-then">{}: <code>{}</code></p>', lines)
        return format_html(
            '{}<p><a href="{}">This version</a> · <a href="{}">the reason\'s history</a></p>',
            text,
            then.version_url,
            then.history_url,
        )
