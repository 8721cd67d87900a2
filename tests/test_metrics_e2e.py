"""
On PostgreSQL + Redis, gunicorn with two workers: after a known mix of errors the
persisted counts are exact, /metrics sums both workers, and refuses unauthorized callers.
"""

import json
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import Sum
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.parser import text_string_to_metric_families

from catalog.models import CatalogVersion, ErrorCount
from tests.servers import fetch, gunicorn, manage, production_env

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql"
        or "Redis" not in settings.CACHES["default"]["BACKEND"],
        reason="runs on PostgreSQL + Redis (DATABASE_URL and REDIS_URL)",
    ),
]
TOKEN = "e2e-metrics-token-0123456789"
MIX = {  # path: (status, code, route, how many)
    "/api/foobar": (404, "endpoint_not_found", "^api/", 12),
    "/api/teapot": (418, "teapot", "api/teapot", 8),
    "/api/whoami": (401, "not_authenticated", "api/whoami", 6),
}


def served_mix(base: str) -> None:
    paths = [path for path, (*_, times) in MIX.items() for _ in range(times)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda path: (path, fetch(f"{base}{path}")[0]), paths))
    assert all(status == MIX[path][0] for path, status in answers)


def errors_per_worker(metrics_dir: Path) -> list[float]:
    """The errors each worker has counted in its own Prometheus file so far."""
    return [
        sum(error_samples(MultiProcessCollector.merge([str(path)], accumulate=True)).values())
        for path in metrics_dir.glob("counter_*.db")
    ]


def persisted() -> dict[tuple[int, str, str], int]:
    rows = ErrorCount.objects.values("status", "code", "route").annotate(total=Sum("count"))
    return {(row["status"], row["code"], row["route"]): row["total"] for row in rows}


def error_samples(families) -> dict[tuple[str, str], float]:
    return {
        (sample.labels["status"], sample.labels["code"]): sample.value
        for family in families
        for sample in family.samples
        if sample.name == "catalog_error_responses_total"
    }


def test_counts_and_metrics_are_exact_across_two_workers(tmp_path: Path):
    db = connection.settings_dict
    metrics_dir = tmp_path / "prometheus"
    metrics_dir.mkdir()
    env = production_env(
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        REDIS_URL=settings.CACHES["default"]["LOCATION"],
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        CATALOG_COUNTS_FLUSH_INTERVAL="0.5",
        CATALOG_COUNTS_PERSIST_INTERVAL="1",
        METRICS_TOKEN=TOKEN,
        PROMETHEUS_MULTIPROC_DIR=str(metrics_dir),
    )
    manage("collectstatic", "--no-input", env=env)
    log = tmp_path / "gunicorn.log"

    with gunicorn(env, workers=2, log=log) as base:
        # Which worker accepts a connection is up to the kernel: serve the mix again
        # (rarely needed) until both workers have served errors.
        rounds = 0
        while rounds < 5:
            served_mix(base)
            rounds += 1
            if len([n for n in errors_per_worker(metrics_dir) if n > 0]) == 2:
                break
        expected = {
            (status, code, route): times * rounds for status, code, route, times in MIX.values()
        }
        deadline = time.monotonic() + 10
        while persisted() != expected and time.monotonic() < deadline:
            time.sleep(0.2)
        counts = persisted()
        refused = [
            fetch(f"{base}/metrics", headers=h) for h in ({}, {"Authorization": "Bearer no"})
        ]
        status, _, content = fetch(f"{base}/metrics", headers={"Authorization": f"Bearer {TOKEN}"})

    assert counts == expected
    for refused_status, refused_headers, refused_content in refused:
        assert refused_status == 401
        assert refused_headers["WWW-Authenticate"] == 'Bearer realm="metrics"'
        assert refused_content == b"Unauthorized\n"
    assert status == 200
    families = list(text_string_to_metric_families(content.decode()))
    totals = error_samples(families)
    assert totals == {(str(s), c): float(n * rounds) for s, c, _, n in MIX.values()}
    # Each worker wrote its own file; /metrics is their sum, and both served errors.
    per_worker = errors_per_worker(metrics_dir)
    assert len([n for n in per_worker if n > 0]) == 2, per_worker
    assert sum(per_worker) == sum(totals.values()) == 26 * rounds
    samples = {s.name: s.value for f in families for s in f.samples}
    assert samples["catalog_version"] == CatalogVersion.objects.get().version
    assert samples["catalog_snapshot_reloads_total"] >= 2
    # One JSON log line per error response (Django's record, the catalog's fields).
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    # (/metrics refusals are Django's own 4xx records, without the catalog's fields.)
    errors = [line for line in lines if line.get("logger") == "django.request" and "code" in line]
    assert Counter((line["status"], line["code"]) for line in errors) == {
        (status, code): times * rounds for status, code, _, times in MIX.values()
    }
    assert all(len(line["requestId"]) == 16 and line["durationMs"] > 0 for line in errors)
