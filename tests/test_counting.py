"""Error counts (catalog/telemetry/counting.py): counted per status, code and route, flushed, persisted."""

import signal
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import Sum

from catalog.models import ErrorCount
from catalog.telemetry.counting import (
    counts_discard,
    counts_flush,
    counts_flush_all,
    counts_pending,
    counts_persist,
    error_count,
)
from tests.servers import BASE_DIR, CLEAN_ENV


@pytest.fixture(autouse=True)
def _no_counts_from_other_tests():
    counts_discard()


def served() -> dict[tuple[int, str, str], int]:
    rows = ErrorCount.objects.values("status", "code", "route").annotate(total=Sum("count"))
    return {(row["status"], row["code"], row["route"]): row["total"] for row in rows}


@pytest.mark.django_db
def test_errors_are_counted_by_status_code_and_route_pattern_never_the_raw_path(client):
    for path in ("/api/foobar", "/api/nothing/here", "/api/test/raise/not-found"):
        client.get(path)
    client.get("/api/teapot")
    client.get("/api/teapot")
    client.get("/no/such/page")

    counts_flush_all()

    assert served() == {
        (404, "endpoint_not_found", "^api/"): 2,
        (404, "not_found", "api/test/raise/<str:name>"): 1,
        (418, "teapot", "api/teapot"): 2,
        (404, "not_found", "<unmatched>"): 1,
    }


@pytest.mark.django_db
def test_successful_requests_and_reference_page_examples_are_not_counted(client):
    assert client.get("/api/ping").status_code == 200
    assert client.get("/errors/").status_code == 200  # renders an example of every reason

    assert counts_pending() == 0


@pytest.mark.django_db
def test_nothing_leaves_the_process_before_a_flush(client):
    client.get("/api/teapot")

    assert counts_pending() == 1
    assert not ErrorCount.objects.exists()


@pytest.mark.django_db
def test_flushes_add_up_in_the_same_row(client):
    client.get("/api/teapot")
    counts_flush_all()
    client.get("/api/teapot")
    client.get("/api/teapot")
    counts_flush_all()

    row = ErrorCount.objects.get()
    assert (row.status, row.code, row.route, row.count) == (418, "teapot", "api/teapot", 3)
    assert row.hour.minute == row.hour.second == 0
    assert row.last_seen >= row.hour


@pytest.mark.django_db
def test_a_flush_with_nothing_counted_writes_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert counts_flush() == 0


@pytest.mark.django_db
def test_over_long_codes_and_routes_are_cut_to_the_columns(client):
    error_count(status=499, code="c" * 300, route="r" * 300)

    counts_flush_all()

    row = ErrorCount.objects.get()
    assert (len(row.code), len(row.route)) == (100, 255)


@pytest.mark.django_db
def test_counting_off_counts_nothing(client, settings):
    settings.CATALOG_COUNTING = False

    client.get("/api/teapot")

    assert counts_pending() == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_process_killed_between_flushes_loses_only_its_last_interval():
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.postgresql":
        database_url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    else:
        database_url = f"sqlite:///{db['NAME']}"
    env = {**CLEAN_ENV, "DJANGO_SETTINGS_MODULE": "tests.settings", "DATABASE_URL": database_url}
    if "Redis" in settings.CACHES["default"]["BACKEND"]:
        env["REDIS_URL"] = settings.CACHES["default"]["LOCATION"]
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.crashing_counter", "1.0", "10", "7"],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        process.send_signal(signal.SIGKILL)  # no atexit, no flush: a crash
        assert line.startswith("served"), line
    finally:
        process.kill()
        process.wait(timeout=10)
    counts_persist()  # with Redis: what the dead process flushed there

    persisted = ErrorCount.objects.filter(code="teapot").aggregate(total=Sum("count"))["total"]

    # The first 10 were flushed a second after the first error; the 7 served in the
    # last interval died with the process.
    assert persisted == 10
