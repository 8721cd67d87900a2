"""
gunicorn with two sync workers on the test database (PostgreSQL) and Redis, for
the tests that prove an edit reaches every worker.
"""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection

from tests.servers import BASE_DIR, CLEAN_ENV, free_port

WORKERS = 2


def require_postgres_and_redis() -> None:
    if connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"):
        pytest.skip(
            "needs PostgreSQL + Redis shared by separate processes: run with "
            "DATABASE_URL=postgres://... REDIS_URL=redis://... (as .ci/run does)"
        )


def test_database_url() -> str:
    """The URL of the database the test runs in (pytest-django's test_<name>)."""
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@contextmanager
def gunicorn_running(log: Path) -> Iterator[str]:
    """gunicorn serving the test settings on a free loopback port; yields its base URL."""
    port = free_port()
    env = {
        **CLEAN_ENV,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": test_database_url(),
        "REDIS_URL": os.environ["REDIS_URL"],
        "DJANGO_DEBUG": "0",
    }
    command = [sys.executable, "-m", "gunicorn", "tests.live_wsgi:application"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS), "--worker-class", "sync"]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, env=env, cwd=BASE_DIR, stdout=output, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if api_get(base, "/api/ping")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail(f"gunicorn did not start within 30 s:\n{log.read_text()}")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def api_get(base: str, path: str) -> tuple[int, str, dict]:
    """(status, worker pid, JSON body) of a GET on a new connection."""
    request = urllib.request.Request(base + path)  # noqa: S310 (loopback only)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            return response.status, response.headers["X-Worker-Pid"], json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.headers["X-Worker-Pid"], json.loads(error.read())


def api_burst(base: str, path: str, count: int = 6) -> list[tuple[int, str, dict]]:
    """Concurrent requests, so that every worker gets some."""
    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(lambda _: api_get(base, path), range(count)))


def wait_until_every_worker_serves(
    base: str, path: str, msg: str, *, timeout: float, pids: set[str], since: float | None = None
) -> float:
    """
    Seconds from since (default: now) until every worker of pids answered msg;
    fails after timeout (bounded loop).
    """
    started = time.monotonic() if since is None else since
    updated: set[str] = set()
    for _ in range(1000):
        elapsed = time.monotonic() - started
        if elapsed > timeout:
            break
        for _status, pid, body in api_burst(base, path):
            if body["msg"] == msg:
                updated.add(pid)
        if updated >= pids:
            return time.monotonic() - started
        time.sleep(0.02)
    pytest.fail(f"workers {sorted(pids - updated)} still served the old text after {timeout} s")


def worker_pids(base: str, path: str) -> set[str]:
    """The pids of all workers, seen by sending bursts (bounded)."""
    seen: set[str] = set()
    for _ in range(50):
        seen |= {pid for _status, pid, _body in api_burst(base, path)}
        if len(seen) == WORKERS:
            return seen
    pytest.fail(f"saw only workers {sorted(seen)} of {WORKERS}")
