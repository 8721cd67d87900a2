"""
Admin forms that keep the API safe: nothing an editor saves can break an error response.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from catalog.models import ErrorReason, ErrorStatus
from catalog.seeding import reason_is_seeded, status_is_seeded


class PlaceholderChips(forms.Widget):
    """Fixed placeholders shown as chips ({method} {path}), not an input that looks editable."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        names = [(part.strip(),) for part in str(value or "").split(",") if part.strip()]
        chips = format_html_join(" ", '<code class="placeholder-chip">{{{}}}</code>', names)
        return format_html('<span class="placeholder-chips">{}</span>', chips or "none")

    def id_for_label(self, id_: str) -> str:
        return ""  # nothing to focus: the label names the chips


# One line of API text: wide enough to read a whole message while editing it.
WIDE = forms.TextInput(attrs={"class": "vTextField", "style": "width: min(100%, 48em)"})
# Troubleshooting text: a few lines shown (the box grows by its handle), not Django's ten.
PROSE = forms.Textarea(attrs={"rows": 5, "class": "vLargeTextField"})


class ErrorStatusForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = ErrorStatus
        fields = ["status", "title", "description", "troubleshooting"]
        widgets = {"description": WIDE, "troubleshooting": PROSE}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and "status" in self.fields:
            # The status number is part of the API contract, like a reason's code.
            self.fields["status"].disabled = True
            self.fields["status"].help_text = "Fixed once created: clients rely on it."


class ErrorReasonForm(forms.ModelForm):  # type: ignore[type-arg]
    """
    The code is fixed once created; the declared placeholders of seeded reasons
    are what the code fills, so they are fixed too. The message is checked
    against the declared placeholders by ErrorReason.clean().
    """

    class Meta:
        model = ErrorReason
        fields = [
            "code",
            "message",
            "overrides_detail",
            "placeholders",
            "troubleshooting",
            "example_request",
        ]
        widgets = {
            "message": WIDE,
            "troubleshooting": PROSE,
            "example_request": forms.Textarea(attrs={"rows": 4, "class": "vLargeTextField"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            if "status" in self.fields:
                self.fields["status"].disabled = True
            self.fields["code"].disabled = True
            self.fields["code"].help_text = "Fixed once created: clients match on it."
            if reason_is_seeded(code=self.instance.code):
                self.fields["placeholders"].disabled = True
                self.fields["placeholders"].widget = PlaceholderChips()
                self.fields[
                    "placeholders"
                ].help_text = "Filled by the code for this seeded reason; not editable here."

    def clean_placeholders(self) -> str:
        names = [name.strip() for name in self.cleaned_data["placeholders"].split(",")]
        names = [name for name in names if name]
        bad = [name for name in names if not name.isidentifier()]
        if bad:
            raise ValidationError(
                "Placeholder names are plain words such as resource: %(bad)s is not.",
                params={"bad": ", ".join(bad)},
                code="invalid_placeholder",
            )
        return ",".join(dict.fromkeys(names))


class ErrorReasonInlineFormSet(forms.BaseInlineFormSet):  # type: ignore[type-arg]
    """Seeded reasons' delete box is disabled (posted values are ignored)."""

    def add_fields(self, form: forms.ModelForm[Any], index: int | None) -> None:
        super().add_fields(form, index)
        instance = getattr(form, "instance", None)
        if instance is not None and instance.pk and reason_is_seeded(code=instance.code):
            field = form.fields.get(forms.formsets.DELETION_FIELD_NAME)
            if field is not None:
                field.disabled = True


def status_deletable(*, status: ErrorStatus | None) -> bool:
    """A seeded status, or one holding seeded reasons, is never deleted."""
    if status is None:
        return True
    if status_is_seeded(status=status.status):
        return False
    return not any(
        reason_is_seeded(code=code) for code in status.reasons.values_list("code", flat=True)
    )
