"""
Translations edited beside the English original: a status's on its change page, a
reason's on the reason's own page (the admin has no inlines inside inlines). Each
translation also has a page of its own, linked from the inline, with its History.
"""

from django.contrib import admin

from catalog.admin.forms import WIDE
from catalog.admin.history import HistoryAdmin
from catalog.admin.inlines import BoundedStackedInline
from catalog.models import ErrorReasonTranslation, ErrorStatusTranslation


class ErrorStatusTranslationInline(BoundedStackedInline):
    model = ErrorStatusTranslation
    extra = 0
    fields = ["language", "title", "description", "troubleshooting"]
    show_change_link = True  # to the translation's own page, with its history
    verbose_name = "translation"
    verbose_name_plural = "translations (blank fields fall back to English)"

    def formfield_for_dbfield(self, db_field, request, **kwargs):  # type: ignore[no-untyped-def]
        if db_field.name == "description":
            kwargs["widget"] = WIDE
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class ErrorReasonTranslationInline(BoundedStackedInline):
    """The translated message is checked against the reason's placeholders (its clean())."""

    model = ErrorReasonTranslation
    extra = 0
    fields = ["language", "message", "troubleshooting"]
    show_change_link = True  # to the translation's own page, with its history
    verbose_name = "translation"
    verbose_name_plural = "translations (blank fields fall back to English)"

    def formfield_for_dbfield(self, db_field, request, **kwargs):  # type: ignore[no-untyped-def]
        if db_field.name == "message":
            kwargs["widget"] = WIDE
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(ErrorStatusTranslation)
class ErrorStatusTranslationAdmin(HistoryAdmin):
    fields = ["status", "language", "title", "description", "troubleshooting"]
    list_display = ["status", "language", "title", "description"]
    list_filter = ["language"]
    list_select_related = ["status"]
    search_fields = ["status__status", "title", "description", "troubleshooting"]
    history_list_display = ["title", "description"]


@admin.register(ErrorReasonTranslation)
class ErrorReasonTranslationAdmin(HistoryAdmin):
    """Its form runs the model's clean(): the message may use only its reason's placeholders."""

    fields = ["reason", "language", "message", "troubleshooting"]
    list_display = ["reason", "language", "message"]
    list_filter = ["language"]
    list_select_related = ["reason"]
    search_fields = ["reason__code", "message", "troubleshooting"]
    history_list_display = ["message"]
