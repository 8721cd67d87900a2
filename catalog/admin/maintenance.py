from django.contrib import admin
from django.http import HttpRequest

from catalog.models import CatalogVersion


@admin.register(CatalogVersion)
class MaintenanceModeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """The maintenance switch: one row, switched on and off, never added or deleted."""

    list_display = ["__str__", "maintenance", "maintenance_retry_after", "updated_at"]
    fields = ["maintenance", "maintenance_retry_after"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: CatalogVersion | None = None
    ) -> bool:
        return False
