"""
A steady mixed load on the sample API, from a few client threads, recording every
answer: ping, whoami, instance reads and writes, unknown paths, bad inputs and the
teapot (whose catalog text the fault suite follows through catalog edits).
"""

import http.client
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bench.services import fetch

DOCUMENTED_503 = {"service_unavailable", "maintenance"}


@dataclass
class Answer:
    at: float
    op: str
    status: int
    json_ok: bool
    code: str = ""
    text: tuple[str, str] | None = None  # (title, msg) of an error body


@dataclass
class Writes:
    """Acknowledged writes: instance id -> (name, description of the last acknowledged PUT)."""

    acked: dict[int, tuple[str, str]] = field(default_factory=dict)
    updates: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def answer_of(op: str, status: int, headers: dict[str, str], body: bytes) -> tuple[Answer, Any]:
    content_type = {key.lower(): value for key, value in headers.items()}.get("content-type", "")
    try:
        data = json.loads(body) if content_type.startswith("application/") else None
    except ValueError:
        data = None
    answer = Answer(time.time(), op, status, isinstance(data, dict))
    if isinstance(data, dict) and data.get("success") is False:
        answer.code = str(data.get("code", ""))
        answer.text = (str(data.get("title")), str(data.get("msg")))
    return answer, data


class Load:
    """`threads` clients, each sending about `rate` requests a second until stopped."""

    def __init__(self, base: str, token: str, *, threads: int = 4, rate: float = 10) -> None:
        self.base, self.token, self.rate = base, token, rate
        self.answers: list[Answer] = []
        self.writes = Writes()
        self.stop_event = threading.Event()
        self.threads = [
            threading.Thread(target=self._client, args=(n,), daemon=True) for n in range(threads)
        ]

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def stop(self) -> None:
        self.stop_event.set()
        for thread in self.threads:
            thread.join(timeout=30)

    def _client(self, number: int) -> None:
        auth = {"Authorization": f"Bearer {self.token}"}
        json_auth = {**auth, "Content-Type": "application/json"}
        state: dict[str, Any] = {"seq": 0, "id": None}

        def request(op: str, path: str, method: str = "GET", body: Any = None, **kw: Any) -> Any:
            raw = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
            try:
                status, headers, content = fetch(
                    self.base + path, method=method, body=raw, headers=kw.get("headers", auth)
                )
            except (OSError, http.client.HTTPException):
                self.answers.append(Answer(time.time(), op, 0, False, "connection"))
                return None
            answer, data = answer_of(op, status, headers, content)
            self.answers.append(answer)
            return (status, data)

        def create() -> None:
            name = f"chaos-{number}-{state['seq']}"
            # Morpheus's create request (its documented example's site, type, layout, plan).
            body = {
                "instance": {
                    "name": name,
                    "site": {"id": 1},
                    "instanceType": {"code": "ubuntu"},
                    "layout": {"id": 1399},
                    "plan": {"id": 361},
                }
            }
            result = request("create", "/api/instances", "POST", body, headers=json_auth)
            if result and result[0] == 200:
                state["id"] = result[1]["instance"]["id"]
                with self.writes.lock:
                    self.writes.acked[state["id"]] = (name, "")

        def update() -> None:
            if state["id"] is None:
                return
            description = f"rev-{state['seq']}"
            body = {"instance": {"description": description}}
            path = f"/api/instances/{state['id']}"
            result = request("update", path, "PUT", body, headers=json_auth)
            if result and result[0] == 200:
                with self.writes.lock:
                    self.writes.acked[state["id"]] = (
                        self.writes.acked[state["id"]][0],
                        description,
                    )
                    self.writes.updates += 1

        ops: list[Callable[[], Any]] = [
            lambda: request("ping", "/api/ping", headers={}),
            lambda: request("whoami", "/api/whoami"),
            create,
            lambda: request("list", "/api/instances?max=5&sort=name"),
            lambda: request("teapot", "/api/teapot", headers={}),
            lambda: request("get", f"/api/instances/{state['id'] or 999999}"),
            update,
            lambda: request("unknown", f"/api/no-such-thing/{state['seq']}"),
            lambda: request(
                "bad_json", "/api/instances", "POST", b'{"instance": ', headers=json_auth
            ),
            lambda: request("bad_params", "/api/instances?max=many"),
            lambda: request("no_token", "/api/whoami", headers={}),
            lambda: request("teapot", "/api/teapot", headers={}),
        ]
        interval = 1 / self.rate
        next_at = time.monotonic()
        while not self.stop_event.is_set():
            ops[state["seq"] % len(ops)]()
            state["seq"] += 1
            next_at += interval
            self.stop_event.wait(max(0.0, next_at - time.monotonic()))

    def window(self, start: float, end: float) -> list[Answer]:
        return [answer for answer in list(self.answers) if start <= answer.at <= end]


def violations(answers: list[Answer]) -> dict[str, int]:
    """What must be 0: non-JSON answers on /api/, 5xx other than documented 503s, no answer."""
    return {
        "non_json": sum(1 for a in answers if a.status and not a.json_ok),
        "bad_5xx": sum(
            1
            for a in answers
            if a.status >= 500 and not (a.status == 503 and a.code in DOCUMENTED_503)
        ),
        "no_answer": sum(1 for a in answers if a.status == 0),
    }
