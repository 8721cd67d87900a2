from typing import Any

from django import template

register = template.Library()


@register.filter
def attribute(obj: Any, name: str) -> Any:
    """``record|attribute:column``: an attribute named by a variable (history list columns)."""
    return getattr(obj, name, "")
