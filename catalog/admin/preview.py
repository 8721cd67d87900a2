"""
What the API would answer with the values being edited in the admin: the exact
JSON body of each reason, in English and in each other language of LANGUAGES
(translations as typed in the inlines, before they are saved), and the rendered
troubleshooting text.
"""

import json
from dataclasses import dataclass, replace

from django.http import HttpRequest, QueryDict
from django.utils.safestring import SafeString

from catalog.admin.preview_translations import (
    forms_count,
    translations_from_post,
    translations_saved,
)
from catalog.errors.formatter import error_body_localized
from catalog.errors.languages import SOURCE_LANGUAGE, translation_languages
from catalog.errors.templating import template_errors
from catalog.models import ErrorReason, ErrorStatus
from catalog.reference.rendering import markdown_html
from catalog.types import ApiError, Catalog, Reason, Status

PREVIEW_PATH = "/api/example"
_COPIED_META = ("HTTP_HOST", "SERVER_NAME", "SERVER_PORT", "HTTP_X_FORWARDED_PROTO")


@dataclass(frozen=True)
class LanguagePreview:
    """A reason's body as a client asking for one language gets it."""

    language: str
    name: str
    content_language: str  # what the response says: "en" when nothing is translated
    body_json: str
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rendering:
    """One distinct body, and every language answered with it."""

    languages: tuple[LanguagePreview, ...]
    body_json: str

    @property
    def names(self) -> str:
        return ", ".join(language.name for language in self.languages)


@dataclass(frozen=True)
class ReasonPreview:
    code: str
    body_json: str
    troubleshooting_html: SafeString
    problems: tuple[str, ...] = ()
    translated: tuple[LanguagePreview, ...] = ()  # the other languages of LANGUAGES

    @property
    def same_as_english(self) -> tuple[LanguagePreview, ...]:
        """The languages answered with the English body (nothing of it translated)."""
        return tuple(shown for shown in self.translated if shown.body_json == self.body_json)

    @property
    def renderings(self) -> list[Rendering]:
        """The other bodies, once each: languages whose text is identical share one."""
        bodies: dict[str, list[LanguagePreview]] = {}
        for shown in self.translated:
            if shown.body_json != self.body_json:
                bodies.setdefault(shown.body_json, []).append(shown)
        return [Rendering(tuple(shown), body) for body, shown in bodies.items()]


@dataclass(frozen=True)
class StatusPreview:
    status: int
    troubleshooting_html: SafeString
    reasons: tuple[ReasonPreview, ...]


def status_preview(*, request: HttpRequest, status: Status) -> StatusPreview:
    """The preview of a status as it would be served, from a catalog made of just it."""
    catalog = Catalog.from_statuses([status], version=0)
    reasons = tuple(
        ReasonPreview(
            code=reason.code,
            body_json=_body_json(request, catalog, reason, SOURCE_LANGUAGE)[0],
            troubleshooting_html=markdown_html(reason.troubleshooting),
            problems=tuple(template_errors(reason.message, allowed=reason.placeholders)),
            translated=tuple(
                _language_preview(request, catalog, reason, language, name)
                for language, name in translation_languages()
            ),
        )
        for reason in status.reasons
    )
    return StatusPreview(status.status, markdown_html(status.troubleshooting), reasons)


def _language_preview(
    request: HttpRequest, catalog: Catalog, reason: Reason, language: str, name: str
) -> LanguagePreview:
    body_json, content_language = _body_json(request, catalog, reason, language)
    message = reason.translations.get(language, {}).get("message", "")
    problems = template_errors(message, allowed=reason.placeholders) if message.strip() else []
    return LanguagePreview(language, name, content_language, body_json, tuple(problems))


def _body_json(
    request: HttpRequest, catalog: Catalog, reason: Reason, language: str
) -> tuple[str, str]:
    example = _example_request(request, language)
    body, content_language = error_body_localized(
        example, _example_error(reason), catalog=catalog, language=language
    )
    return json.dumps(body, ensure_ascii=False, indent=2), content_language


def status_from_instance(*, instance: ErrorStatus) -> Status:
    return Status(
        status=instance.status,
        title=instance.title,
        description=instance.description,
        troubleshooting=instance.troubleshooting,
        reasons=tuple(_reason(row, instance.status) for row in instance.reasons.all()),
        translations=translations_saved(instance),
    )


def status_from_post(*, instance: ErrorStatus, data: QueryDict) -> Status:
    """The status as currently typed on its change page (unsaved), saved values elsewhere."""
    saved = {row.pk: row for row in instance.reasons.all()}
    reasons = []
    for index in range(forms_count(data, "reasons")):
        prefix = f"reasons-{index}-"
        if data.get(prefix + "DELETE"):
            continue
        row = saved.get(_int(data.get(prefix + "id"))) or ErrorReason()
        code = row.code or data.get(prefix + "code", "").strip()
        if not code:
            continue
        typed = ErrorReason(
            pk=row.pk,
            code=code,
            message=data.get(prefix + "message", row.message),
            placeholders=row.placeholders if row.pk else data.get(prefix + "placeholders", ""),
            troubleshooting=data.get(prefix + "troubleshooting", row.troubleshooting),
        )
        reasons.append(_reason(typed, instance.status))
    return Status(
        status=instance.status,
        title=data.get("title", instance.title),
        description=data.get("description", instance.description),
        troubleshooting=data.get("troubleshooting", instance.troubleshooting),
        reasons=tuple(reasons),
        translations=translations_from_post(instance, data),
    )


def reason_status_from_instance(*, instance: ErrorReason) -> Status:
    """A reason's own page: its saved status, with just this reason."""
    status = status_from_instance(instance=instance.status)
    reason = _reason(instance, instance.status.status)
    return replace(status, reasons=(reason,))


def reason_status_from_post(*, instance: ErrorReason, data: QueryDict) -> Status:
    """A reason as typed on its own page (message, troubleshooting, translations), unsaved."""
    status = status_from_instance(instance=instance.status)
    typed = ErrorReason(
        pk=instance.pk,
        code=instance.code,
        message=data.get("message", instance.message),
        placeholders=instance.placeholders,
        troubleshooting=data.get("troubleshooting", instance.troubleshooting),
    )
    reason = _reason(typed, status.status, translations=translations_from_post(instance, data))
    return replace(status, reasons=(reason,))


def _reason(
    row: ErrorReason,
    status: int,
    *,
    translations: dict[str, dict[str, str]] | None = None,
) -> Reason:
    if translations is None:
        translations = translations_saved(row) if row.pk else {}
    return Reason(
        row.code, status, row.message, row.placeholder_names, row.troubleshooting, translations
    )


def _example_error(reason: Reason) -> ApiError:
    params = {name: f"<{name}>" for name in reason.placeholders if name not in ("method", "path")}
    return ApiError(status=reason.status, code=reason.code, params=params)


def _example_request(request: HttpRequest, language: str = SOURCE_LANGUAGE) -> HttpRequest:
    """A GET of an example API path on this site, with a fixed request id, in a language."""
    example = HttpRequest()
    example.method = "GET"
    example.path = example.path_info = PREVIEW_PATH
    example.META = {key: request.META[key] for key in _COPIED_META if key in request.META}
    if language != SOURCE_LANGUAGE:
        example.META["HTTP_ACCEPT_LANGUAGE"] = language
    example.request_id = "preview"  # type: ignore[attr-defined]
    example.catalog_counted = False  # type: ignore[attr-defined]  # a preview, not a served error
    return example


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0
