"""
The request log: each error response served, kept (ServedError) so that support can
find what a client got from the requestId it quotes.

The error path only appends one small record to a bounded deque (an atomic append, no
lock, no formatting): the time, the request's id, method and user, the language and
body it was sent (the body's data, or its bytes), the error, its route and the
catalog snapshot that wrote it. Never the request or response themselves, which hold
the request's body: 10,000 pending errors with 2.5 MB bodies would be 25 GB. Only an
HTML error page, whose msg the flusher writes again from the snapshot, keeps its
request (a page's request body is never read). The counts' flusher thread
(catalog/telemetry/counting.py) turns them into rows and inserts them in one batch,
and once a minute prunes the table to CATALOG_REQUEST_LOG_DAYS and
CATALOG_REQUEST_LOG_MAX_ROWS.
"""

from __future__ import annotations

import functools
import json
import logging
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import DisallowedHost
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import NoReverseMatch, get_urlconf, reverse
from django.utils import timezone

from catalog.conf import catalog_settings
from catalog.models import ServedError
from catalog.types import ApiError, Catalog

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class Sent:
    """What the flusher needs of one error response, taken when it was served."""

    request_id: str
    method: str
    user_id: int | str | None
    language: str
    body: Any  # the DRF handler's data (a dict), a JSON body's bytes, or None (an HTML page)
    request: HttpRequest | None  # an HTML page's only
    catalog_gap: bool  # as the finishing step decided it


def sent_of(
    request: HttpRequest,
    response: HttpResponseBase,
    *,
    request_id: str,
    user_id: Any,
    language: str,
    gap: bool,
) -> Sent:
    """What the flusher needs, given what the finishing step already knows."""
    rendered = getattr(response, "catalog_content", None)  # the DRF handler's response
    if rendered is not None:
        body: Any = rendered.data
    elif str(response.get("Content-Type", "")).startswith(JSON_TYPES):
        body = response.content  # type: ignore[attr-defined]
    else:
        body = None
    return Sent(
        request_id,
        str(request.method or ""),
        user_id,
        language,
        body,
        request if body is None else None,
        gap,
    )


Pending = tuple[float, Sent, ApiError, str, Catalog | None]

# Errors a process keeps between two flushes (about a second); past that the oldest go.
PENDING_MAX = 10_000
MSG_MAX = 2000
REQUEST_LOG_PRUNE_INTERVAL = 60.0  # seconds between two prunes by one process
JSON_TYPES = ("application/json", "application/problem+json")

served_errors_pending: deque[Pending] = deque(maxlen=PENDING_MAX)
_unsaved: list[ServedError] = []  # rows a failed flush keeps for the next one


def request_log_flush() -> int:
    """Insert the errors this process served since its last flush; how many."""
    rows = _unsaved[:]
    _unsaved.clear()
    if catalog_settings.REQUEST_LOG:
        rows += [row for row in map(_row, _drained()) if row is not None]
    else:
        served_errors_pending.clear()
    if not rows:
        return 0
    try:
        ServedError.objects.bulk_create(rows, batch_size=500)
    except Exception:
        _unsaved[:] = rows[-PENDING_MAX:]  # kept for the next flush, as the counts are
        raise
    return len(rows)


def request_log_prune() -> int:
    """Delete served errors older than the retention, then all but the newest MAX_ROWS."""
    cutoff = timezone.now() - timedelta(days=catalog_settings.REQUEST_LOG_DAYS)
    deleted, _ = ServedError.objects.filter(served_at__lt=cutoff).delete()
    older = ServedError.objects.all()
    cap = max(catalog_settings.REQUEST_LOG_MAX_ROWS, 0)
    if cap:
        newest = ServedError.objects.order_by("-pk").values_list("pk", flat=True)
        oldest_kept = list(newest[cap - 1 : cap])
        if not oldest_kept:
            return deleted  # fewer rows than the cap
        older = older.filter(pk__lt=oldest_kept[0])
    return deleted + older.delete()[0]


def request_log_discard() -> None:
    """Forget this process's unflushed served errors (tests, forked processes)."""
    served_errors_pending.clear()
    _unsaved.clear()


def _drained() -> list[Pending]:
    records = []
    while True:
        try:
            records.append(served_errors_pending.popleft())
        except IndexError:
            return records


def _row(record: Pending) -> ServedError | None:
    served_at, sent, error, route, catalog = record
    try:
        return ServedError(
            request_id=sent.request_id[:128],
            served_at=datetime.fromtimestamp(served_at, UTC),
            status=error.status,
            code=error.code[:100],
            route=route[:255],
            method=sent.method[:16],
            user_id="" if sent.user_id is None else str(sent.user_id)[:64],
            language=sent.language[:15],
            msg=msg_sent(sent, error, catalog=catalog),
            catalog_version=catalog.version if catalog is not None else 0,
            catalog_gap=sent.catalog_gap,
        )
    except Exception:  # one odd response never costs the batch
        logger.exception("catalog: could not record a served error")
        return None


def msg_sent(sent: Sent, error: ApiError, *, catalog: Catalog | None) -> str:
    """The msg as sent: read from the JSON body; an HTML page's, from the same snapshot."""
    data: Any = sent.body
    if isinstance(data, bytes):
        data = json.loads(data)
    elif data is None and sent.request is not None:
        from catalog.errors.formatter import error_body_localized  # it imports this package

        data = error_body_localized(sent.request, error, catalog=catalog, language=sent.language)[
            0
        ]
    data = data or {}
    return str(data.get("msg", data.get("detail", "")))[:MSG_MAX]


def request_log_url(request: HttpRequest, request_id: str) -> str:
    """The admin's search for this request id (its row lands there within a flush)."""
    path = _changelist_path(get_urlconf())
    query = urlencode({"q": request_id})
    try:
        return f"{request.scheme}://{request.get_host()}{path}?{query}"
    except DisallowedHost:
        return f"{path}?{query}"


@functools.lru_cache(maxsize=16)
def _changelist_path(urlconf: str | None) -> str:
    try:
        return reverse("admin:catalog_servederror_changelist", urlconf=urlconf)
    except NoReverseMatch:  # no admin in this project's URLconf
        return "/admin/catalog/servederror/"
