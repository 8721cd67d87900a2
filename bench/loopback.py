"""
HTTP on loopback for bench/attacks.py: requests from a chosen 127.x.y.z address (each
attack its own, so per-address limits are the attack's own and not a neighbour's),
cookies kept per client, raw bytes that no client library would refuse first, and
/api/ping timed in the background while an attack runs.
"""

import contextlib
import http.client
import json
import socket
import statistics
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlencode


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]  # names in lower case; the last of repeated ones
    body: bytes
    seconds: float

    def json(self) -> Any:
        return json.loads(self.body)

    def code(self) -> str:
        """The catalog's code of a JSON error body; empty for any other body."""
        try:
            return str(self.json().get("code", ""))
        except (ValueError, AttributeError):
            return ""


@dataclass
class Client:
    """One client at one source address, with its cookies."""

    port: int
    source: str = "127.0.0.1"
    cookies: dict[str, str] = field(default_factory=dict)
    timeout: float = 60

    def request(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=self.timeout, source_address=(self.source, 0)
        )
        started = time.monotonic()
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            content = response.read()
        finally:
            conn.close()
        seconds = time.monotonic() - started
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                cookie: SimpleCookie = SimpleCookie(value)
                self.cookies.update({key: morsel.value for key, morsel in cookie.items()})
        answered = {name.lower(): value for name, value in response.getheaders()}
        return Answer(response.status, answered, content, seconds)

    def get(self, path: str, **headers: str) -> Answer:
        return self.request("GET", path, headers=headers)

    def post_json(self, path: str, data: Any, **headers: str) -> Answer:
        body = json.dumps(data).encode()
        return self.request(
            "POST", path, body=body, headers={"Content-Type": "application/json", **headers}
        )

    def post_form(self, path: str, data: dict[str, str], **headers: str) -> Answer:
        form = {"Content-Type": "application/x-www-form-urlencoded", **headers}
        return self.request("POST", path, body=urlencode(data).encode(), headers=form)


def raw_request(port: int, request: bytes, *, source: str = "127.0.0.1") -> tuple[bytes, float]:
    """
    Sends bytes as they are; the answer and the seconds until the server closed. A
    refusal comes before the whole request was read: the answer is waiting all the same.
    """
    started = time.monotonic()
    answer = b""
    with socket.create_connection(
        ("127.0.0.1", port), timeout=60, source_address=(source, 0)
    ) as conn:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            conn.sendall(request)
        with contextlib.suppress(ConnectionResetError):
            while chunk := conn.recv(65536):
                answer += chunk
    return answer, time.monotonic() - started


def status_line_and_json(answer: bytes) -> tuple[str, dict[str, str], Any]:
    head, _, body = answer.partition(b"\r\n\r\n")
    if not head:
        return "(no answer: connection closed)", {}, None
    status_line, *lines = head.decode(errors="replace").split("\r\n")
    headers = {k.lower(): v for k, _, v in (line.partition(": ") for line in lines)}
    try:
        return status_line, headers, json.loads(body)
    except ValueError:
        return status_line, headers, body[:60].decode(errors="replace")


@dataclass
class Pings:
    """The latencies of /api/ping, asked every `every` seconds while an attack runs."""

    seconds: list[float] = field(default_factory=list)
    failures: int = 0

    def summary(self) -> str:
        if not self.seconds:
            return f"/api/ping: no answer ({self.failures} failed)"
        failed = f", {self.failures} failed" if self.failures else ""
        return (
            f"/api/ping during it: median {ms(statistics.median(self.seconds))}, "
            f"max {ms(max(self.seconds))} ({len(self.seconds)} pings{failed})"
        )


@contextlib.contextmanager
def pinging(port: int, source: str, *, every: float = 0.2) -> Iterator[Pings]:
    pings, stop = Pings(), threading.Event()
    client = Client(port, source, timeout=40)

    def loop() -> None:
        while not stop.is_set():
            try:
                answer = client.get("/api/ping")
                if answer.status == 200:
                    pings.seconds.append(answer.seconds)
                else:
                    pings.failures += 1
            except OSError:
                pings.failures += 1
            stop.wait(every)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield pings
    finally:
        stop.set()
        thread.join(timeout=60)


def ms(seconds: float) -> str:
    if seconds < 0.01:
        return f"{seconds * 1000:.2f} ms"
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"
