"""
The catalog's lists fit a 1280 px screen: long text truncated (the full text in its
title and on the change page), dates in a short form, and the list given the width
of the navigation sidebar (a copy of the index; the breadcrumbs stay).
"""

from datetime import datetime
from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import Truncator


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Pages of what the catalog records itself (gaps, trends, served errors): never edited."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def text_truncated(text: str, *, length: int) -> SafeString:
    """The text cut to `length` characters, the whole of it in the title (on hover)."""
    short = Truncator(text).chars(length)
    if short == text:
        return format_html("{}", text)
    return format_html('<span title="{}">{}</span>', text, short)


def datetime_compact(value: datetime | None) -> SafeString | None:
    """ "Dec 3, 05:26" (this year) or "Dec 3 2025", the full time in the title."""
    if value is None:
        return None
    local = timezone.localtime(value)
    short = "M j, H:i" if local.year == timezone.localtime().year else "M j Y"
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        value.isoformat(),
        date_format(local, "Y-m-d H:i:s T"),
        date_format(local, short),
    )


class WideListMixin(admin.ModelAdmin):  # type: ignore[type-arg]
    """A list with many columns: it takes the navigation sidebar's width."""

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> TemplateResponse:
        extra_context = {"is_nav_sidebar_enabled": False, **(extra_context or {})}
        return super().changelist_view(request, extra_context)  # type: ignore[return-value]

    @admin.display(description="updated", ordering="updated_at")
    def updated(self, obj: Any) -> SafeString | None:
        return datetime_compact(obj.updated_at)
