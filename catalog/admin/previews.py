"""
The change page's "What the API answers" box: the body of each reason as served,
in every language, following the values being typed (posted to a preview URL).
"""

from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_POST

from catalog.admin.inlines import forged_forms_refuse
from catalog.admin.preview import status_preview
from catalog.types import Status


class PreviewMixin(admin.ModelAdmin):  # type: ignore[type-arg]
    change_form_template = "admin/catalog/preview_change_form.html"

    def preview_status(self, obj: Any, data: QueryDict | None) -> Status:
        """What to preview: the saved object (data None) or the values posted for it."""
        raise NotImplementedError

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
        # Only for whoever may see it (the admin refuses the others): permission first.
        if obj is not None and self.has_view_or_change_permission(request, obj):
            forged_forms_refuse(request.POST)
            posted = request.method == "POST"
            data = request.POST if posted else None
            extra_context = {
                **(extra_context or {}),
                # Built only when the page is shown (a saved form redirects without it).
                "preview": SimpleLazyObject(
                    lambda: status_preview(request=request, status=self.preview_status(obj, data))
                ),
                "preview_state": "unsaved values" if posted else "saved values",
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def preview_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The preview of the unsaved values posted from the change page."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied  # before anything posted is read
        obj: Model = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        forged_forms_refuse(request.POST)
        status = self.preview_status(obj, request.POST)
        context = {"preview": status_preview(request=request, status=status)}
        return TemplateResponse(request, "admin/catalog/preview.html", context)
