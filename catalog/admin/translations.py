"""
Translations edited beside the English original: a status's on its change page, a
reason's on the reason's own page (the admin has no inlines inside inlines).
"""

from django.contrib import admin

from catalog.forms import WIDE
from catalog.models import ErrorReason, ErrorReasonTranslation, ErrorStatus, ErrorStatusTranslation


class ErrorStatusTranslationInline(admin.StackedInline[ErrorStatusTranslation, ErrorStatus]):
    model = ErrorStatusTranslation
    extra = 0
    fields = ["language", "title", "description", "troubleshooting"]
    verbose_name_plural = "translations (blank fields fall back to English)"

    def formfield_for_dbfield(self, db_field, request, **kwargs):  # type: ignore[no-untyped-def]
        if db_field.name == "description":
            kwargs["widget"] = WIDE
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class ErrorReasonTranslationInline(admin.StackedInline[ErrorReasonTranslation, ErrorReason]):
    """The translated message is checked against the reason's placeholders (its clean())."""

    model = ErrorReasonTranslation
    extra = 0
    fields = ["language", "message", "troubleshooting"]
    verbose_name_plural = "translations (blank fields fall back to English)"

    def formfield_for_dbfield(self, db_field, request, **kwargs):  # type: ignore[no-untyped-def]
        if db_field.name == "message":
            kwargs["widget"] = WIDE
        return super().formfield_for_dbfield(db_field, request, **kwargs)
