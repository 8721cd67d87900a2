"""
gunicorn with two sync workers on the test database (PostgreSQL) and Redis, for
the tests that prove an edit reaches every worker.
"""

import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection

from tests.servers import CLEAN_ENV, gunicorn

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
    env = {
        **CLEAN_ENV,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": test_database_url(),
        "REDIS_URL": os.environ["REDIS_URL"],
        "DJANGO_DEBUG": "0",
    }
    app = "tests.live_wsgi:application"
    with gunicorn(env, workers=WORKERS, app=app, log=log, ready_path="/api/ping") as base:
        yield base


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
