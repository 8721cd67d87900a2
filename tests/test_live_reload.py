"""
A saved edit is served by every gunicorn worker within 1 second (PostgreSQL + Redis):
the version stamp in Redis, looked at every CATALOG_REFRESH_INTERVAL per process.
"""

import statistics
import time
from pathlib import Path

import pytest

from catalog.models import ErrorReason
from tests.live_server import (
    api_get,
    gunicorn_running,
    require_postgres_and_redis,
    wait_until_every_worker_serves,
    worker_pids,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
EDITS = 9
PATH = "/api/live-reload-probe"


def test_an_edit_reaches_every_worker_within_one_second(tmp_path: Path, capsys):
    require_postgres_and_redis()
    with gunicorn_running(tmp_path / "gunicorn.log") as base:
        pids = worker_pids(base, PATH)
        reason = ErrorReason.objects.get(code="endpoint_not_found")
        timings = []
        for edit in range(EDITS):
            # Spread the edits over the workers' refresh cycle: right after a reload
            # every edit would otherwise land at the same phase of it.
            time.sleep((edit * 0.13) % 0.5)
            reason.message = f"Edit {edit}: no endpoint {{method}} {{path}}"
            reason.save()  # autocommit: committed and published when save() returns

            timings.append(
                wait_until_every_worker_serves(
                    base, PATH, f"Edit {edit}: no endpoint GET {PATH}", timeout=1.0, pids=pids
                )
            )

        status, _pid, body = api_get(base, PATH)
    with capsys.disabled():
        print(
            f"\nlive reload over {len(pids)} workers, {EDITS} edits: median "
            f"{statistics.median(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms"
        )
    assert status == 404
    assert body["code"] == "endpoint_not_found"
    assert max(timings) < 1.0
