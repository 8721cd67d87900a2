"""
A failed save lists each error at the top of the change form, each linked to its
field (an inline's field too), instead of "Please correct the errors below" with the
errors screens away. The header keeps the saved name, not the refused one.
"""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest, HttpResponse


@dataclass(frozen=True)
class FieldError:
    where: str  # "Message", "Error reason not_found: Message"
    message: str
    anchor: str  # the field's id, "" for an error of the whole form


def form_errors(form: forms.BaseForm, *, where: str = "") -> list[FieldError]:
    found = []
    for name, messages in form.errors.items():
        field = form.fields.get(name)
        label = str(field.label or name).capitalize() if field else ""
        anchor = form[name].id_for_label if field else ""
        place = ": ".join(part for part in (where, label) if part)
        found += [FieldError(place, str(message), anchor) for message in messages]
    return found


def error_summary(form: forms.BaseForm, formsets: list[Any]) -> list[FieldError]:
    """Every error of the form and its inlines, in page order."""
    found = form_errors(form)
    for formset in formsets:
        name = str(formset.model._meta.verbose_name).capitalize()
        found += [FieldError(name, str(error), "") for error in formset.non_form_errors()]
        for inline_form in formset.forms:
            if inline_form.errors:
                title = str(inline_form.instance) if inline_form.instance.pk else "new"
                found += form_errors(inline_form, where=f"{name} {title}")
    return found


class ErrorSummaryMixin(admin.ModelAdmin):  # type: ignore[type-arg]
    save_on_top = True  # long forms: Save is reachable without scrolling

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict[str, Any],
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: Any = None,
    ) -> HttpResponse:
        if context.get("errors"):
            formsets = [inline.formset for inline in context.get("inline_admin_formsets", [])]
            context["error_summary"] = error_summary(context["adminform"].form, formsets)
            if obj is not None and obj.pk:
                # The header names what is saved, not the values just refused.
                saved = type(obj)._default_manager.filter(pk=obj.pk).first()
                context["subtitle"] = str(saved) if saved is not None else context["subtitle"]
        return super().render_change_form(request, context, add, change, form_url, obj)
