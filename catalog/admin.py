from django.contrib import admin

from catalog.models import ErrorReason, ErrorStatus


class ErrorReasonInline(admin.StackedInline[ErrorReason, ErrorStatus]):
    model = ErrorReason
    extra = 0
    fields = ["code", "message", "placeholders", "troubleshooting"]


@admin.register(ErrorStatus)
class ErrorStatusAdmin(admin.ModelAdmin[ErrorStatus]):
    list_display = ["status", "title", "description", "updated_at"]
    search_fields = ["title", "description", "troubleshooting", "reasons__code"]
    inlines = [ErrorReasonInline]


@admin.register(ErrorReason)
class ErrorReasonAdmin(admin.ModelAdmin[ErrorReason]):
    list_display = ["code", "status", "message", "updated_at"]
    list_filter = ["status"]
    search_fields = ["code", "message", "troubleshooting"]
