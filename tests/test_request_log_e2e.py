"""
On PostgreSQL + Redis, gunicorn with two workers: every error served is found in the
admin by its requestId, with the exact msg it was sent.
"""

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from catalog.models import ServedError
from tests.servers import fetch, gunicorn, manage, production_env

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql"
        or "Redis" not in settings.CACHES["default"]["BACKEND"],
        reason="runs on PostgreSQL + Redis (DATABASE_URL and REDIS_URL)",
    ),
]
PATHS = ["/api/foobar", "/api/teapot", "/api/whoami", "/api/nothing/here"]


def serve(base: str, request_id: str, path: str) -> tuple[str, str, dict]:
    """(request id, the worker's pid, the body with the HTTP status beside it)."""
    status, headers, content = fetch(f"{base}{path}", headers={"X-Request-ID": request_id})
    return request_id, headers["X-Worker-Pid"], {**json.loads(content), "httpStatus": status}


def test_each_error_from_two_workers_is_found_by_its_request_id(tmp_path: Path, admin_client):
    db = connection.settings_dict
    env = production_env(
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        REDIS_URL=settings.CACHES["default"]["LOCATION"],
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        CATALOG_COUNTS_FLUSH_INTERVAL="0.5",
    )
    manage("collectstatic", "--no-input", env=env)
    wanted: dict[str, str] = {}
    bodies: dict[str, dict] = {}
    pids: set[str] = set()
    app = "tests.live_wsgi:application"  # the project, saying which worker answered
    with gunicorn(env, workers=2, app=app, log=tmp_path / "gunicorn.log") as base:
        # Which worker accepts a connection is the kernel's choice: serve again until both did.
        for batch in range(5):
            requests = {f"e2e-{batch}-{i:02d}": PATHS[i % len(PATHS)] for i in range(20)}
            with ThreadPoolExecutor(max_workers=8) as pool:
                for request_id, pid, body in pool.map(lambda r: serve(base, *r), requests.items()):
                    bodies[request_id] = body
                    pids.add(pid)
            wanted.update(requests)
            if len(pids) == 2:
                break
        deadline = time.monotonic() + 10
        while ServedError.objects.count() < len(wanted) and time.monotonic() < deadline:
            time.sleep(0.2)

    assert len(pids) == 2
    assert ServedError.objects.count() == len(wanted)
    for request_id, body in bodies.items():
        page = admin_client.get("/admin/catalog/servederror/", {"q": request_id})
        (row,) = page.context["cl"].result_list
        assert (row.request_id, row.status, row.code) == (request_id, body["status"], body["code"])
        assert row.msg == body["msg"]
        assert row.status == body["httpStatus"]
