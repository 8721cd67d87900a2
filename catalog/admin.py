from django.contrib import admin
from django.http import HttpRequest

from catalog.models import CatalogVersion, ErrorReason, ErrorStatus


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


@admin.register(CatalogVersion)
class MaintenanceModeAdmin(admin.ModelAdmin[CatalogVersion]):
    """The maintenance switch: one row, switched on and off, never added or deleted."""

    list_display = ["__str__", "maintenance", "maintenance_retry_after", "updated_at"]
    fields = ["maintenance", "maintenance_retry_after"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: CatalogVersion | None = None
    ) -> bool:
        return False
