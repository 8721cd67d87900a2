"""
gunicorn's sync worker, answering an over-long request line (414) or header (431)
with a fixed body in the catalog's shape instead of gunicorn's HTML.

gunicorn refuses such requests itself, before Django (and the database) are involved,
and its parsing cost grows faster than the line: so the limits stay finite
(gunicorn.conf.py) and only the refusal's body is ours. It is written once, here: no
catalog lookup, no database, no Django.
"""

import json
import secrets
from typing import Any

from gunicorn.http.errors import LimitRequestHeaders, LimitRequestLine
from gunicorn.workers.sync import SyncWorker

REFUSALS: dict[type[Exception], tuple[int, str, str, str]] = {
    LimitRequestLine: (
        414,
        "URI Too Long",
        "request_line_too_long",
        "The request line is too long. Send a shorter URL.",
    ),
    LimitRequestHeaders: (
        431,
        "Request Header Fields Too Large",
        "request_headers_too_large",
        "The request headers are too large. Send fewer or shorter headers.",
    ),
}


def refusal_bytes(exc: Exception) -> bytes | None:
    """The whole HTTP response for a request gunicorn refuses by size; None for others."""
    for exc_class, (status, title, code, msg) in REFUSALS.items():
        if isinstance(exc, exc_class):
            request_id = secrets.token_hex(8)
            body = json.dumps(
                {
                    "success": False,
                    "msg": msg,
                    "errors": {},
                    "status": status,
                    "code": code,
                    "title": title,
                    "helpUrl": f"/errors/#{status}",
                    "requestId": request_id,
                },
                separators=(",", ":"),
            ).encode()
            head = (
                f"HTTP/1.1 {status} {title}\r\nConnection: close\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
                f"X-Request-ID: {request_id}\r\n\r\n"
            )
            return head.encode() + body
    return None


class CatalogSyncWorker(SyncWorker):  # type: ignore[misc]
    def handle_error(self, req: Any, client: Any, addr: Any, exc: Exception) -> None:
        response = refusal_bytes(exc)
        if response is None:
            super().handle_error(req, client, addr, exc)
            return
        self.log.warning("Invalid request from ip=%s: %s", (addr or ("",))[0], type(exc).__name__)
        try:
            client.sendall(response)
        except OSError:
            self.log.debug("Failed to send error message.")
