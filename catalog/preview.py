"""
What the API would answer with the values being edited in the admin: the exact
JSON body of each reason and its rendered troubleshooting text.
"""

import json
from dataclasses import dataclass

from django.http import HttpRequest, QueryDict
from django.utils.safestring import SafeString

from catalog.formatter import error_body
from catalog.models import ErrorReason, ErrorStatus
from catalog.rendering import markdown_html
from catalog.templating import template_errors
from catalog.types import ApiError, Catalog, Reason, Status

PREVIEW_PATH = "/api/example"
_COPIED_META = ("HTTP_HOST", "SERVER_NAME", "SERVER_PORT", "HTTP_X_FORWARDED_PROTO")


@dataclass(frozen=True)
class ReasonPreview:
    code: str
    body_json: str
    troubleshooting_html: SafeString
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class StatusPreview:
    status: int
    troubleshooting_html: SafeString
    reasons: tuple[ReasonPreview, ...]


def status_preview(*, request: HttpRequest, status: Status) -> StatusPreview:
    """The preview of a status as it would be served, from a catalog made of just it."""
    catalog = Catalog.from_statuses([status], version=0)
    example = _example_request(request)
    reasons = tuple(
        ReasonPreview(
            code=reason.code,
            body_json=json.dumps(
                error_body(example, _example_error(reason), catalog=catalog),
                ensure_ascii=False,
                indent=2,
            ),
            troubleshooting_html=markdown_html(reason.troubleshooting),
            problems=tuple(template_errors(reason.message, allowed=reason.placeholders)),
        )
        for reason in status.reasons
    )
    return StatusPreview(status.status, markdown_html(status.troubleshooting), reasons)


def status_from_instance(*, instance: ErrorStatus) -> Status:
    return Status(
        status=instance.status,
        title=instance.title,
        description=instance.description,
        troubleshooting=instance.troubleshooting,
        reasons=tuple(_reason(row, instance.status) for row in instance.reasons.all()),
    )


def status_from_post(*, instance: ErrorStatus, data: QueryDict) -> Status:
    """The status as currently typed on its change page (unsaved), saved values elsewhere."""
    saved = {row.pk: row for row in instance.reasons.all()}
    reasons = []
    for index in range(_int(data.get("reasons-TOTAL_FORMS"))):
        prefix = f"reasons-{index}-"
        if data.get(prefix + "DELETE"):
            continue
        row = saved.get(_int(data.get(prefix + "id"))) or ErrorReason()
        code = row.code or data.get(prefix + "code", "").strip()
        if not code:
            continue
        row = ErrorReason(
            code=code,
            message=data.get(prefix + "message", row.message),
            placeholders=row.placeholders if row.pk else data.get(prefix + "placeholders", ""),
            troubleshooting=data.get(prefix + "troubleshooting", row.troubleshooting),
        )
        reasons.append(_reason(row, instance.status))
    return Status(
        status=instance.status,
        title=data.get("title", instance.title),
        description=data.get("description", instance.description),
        troubleshooting=data.get("troubleshooting", instance.troubleshooting),
        reasons=tuple(reasons),
    )


def _reason(row: ErrorReason, status: int) -> Reason:
    return Reason(row.code, status, row.message, row.placeholder_names, row.troubleshooting)


def _example_error(reason: Reason) -> ApiError:
    params = {name: f"<{name}>" for name in reason.placeholders if name not in ("method", "path")}
    return ApiError(status=reason.status, code=reason.code, params=params)


def _example_request(request: HttpRequest) -> HttpRequest:
    """A GET of an example API path on this site, with a fixed request id."""
    example = HttpRequest()
    example.method = "GET"
    example.path = example.path_info = PREVIEW_PATH
    example.META = {key: request.META[key] for key in _COPIED_META if key in request.META}
    example.request_id = "preview"  # type: ignore[attr-defined]
    example.catalog_counted = False  # type: ignore[attr-defined]  # a preview, not a served error
    return example


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0
