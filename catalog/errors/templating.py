"""
Message templates with named placeholders: "Unable to find api endpoint {method} {path}".

Only plain names are allowed (no attribute access, indexing, conversions or
format specs), so that no template can reach into the objects it is filled with.
Filling never raises.
"""

import string
from collections.abc import Iterable, Mapping
from typing import Any

MAX_VALUE_LENGTH = 200
_formatter = string.Formatter()


def template_placeholders(template: str) -> list[str]:
    """The placeholder names a template uses; ValueError when it is not a valid template."""
    names = []
    for _literal, name, spec, conversion in _formatter.parse(template):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"'{{{name}}}' is not a plain placeholder such as {{resource}}.")
        names.append(name)
    return names


# Placeholders every message may use: {detail}, the message the raising code gave.
ALWAYS_ALLOWED = ("detail",)


def template_errors(template: str, *, allowed: Iterable[str]) -> list[str]:
    """Why a template can't be used, as sentences for an editor; empty when it can."""
    if not template.strip():
        return ["The message can't be empty."]
    try:
        names = template_placeholders(template)
    except ValueError as exc:
        reason = str(exc)
        if "Single" in reason or "unmatched" in reason or "expected '}'" in reason:
            reason = "Braces are unbalanced: write {{ and }} for literal braces."
        return [reason]
    allowed = {*allowed, *ALWAYS_ALLOWED}
    unknown = sorted(set(names) - allowed)
    if unknown:
        known = ", ".join(f"{{{name}}}" for name in sorted(allowed)) or "none"
        return [f"Unknown placeholder {', '.join(f'{{{n}}}' for n in unknown)}; allowed: {known}."]
    return []


def template_render(template: str, params: Mapping[str, Any]) -> str:
    """Fill a template; unknown or missing names are left empty, and nothing raises."""
    if "{" not in template and "}" not in template:
        return template  # nothing to fill (what parsing it would give)
    try:
        parts = []
        for literal, name, _spec, _conversion in _formatter.parse(template):
            parts.append(literal)
            if name is not None:
                parts.append(_value(params.get(name, "")))
        return "".join(parts)
    except ValueError:
        return template


def _value(value: Any) -> str:
    text = str(value)
    if len(text) > MAX_VALUE_LENGTH:
        text = text[: MAX_VALUE_LENGTH - 1] + "…"
    return text
