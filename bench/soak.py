"""
The soak run: a steady load for a fixed time, sampling the gunicorn workers'
resident memory and the open PostgreSQL connections (pg_stat_activity).
"""

import subprocess
import time

from bench import faults
from bench.chaos import report
from bench.load import Load
from bench.services import Stack, pg_bin, rss_kib

CONNECTIONS = (
    "select count(*) from pg_stat_activity"
    " where backend_type = 'client backend' and pid <> pg_backend_pid()"
)


def pg_connections(stack: Stack) -> int:
    psql = [pg_bin("psql"), "-h", "127.0.0.1", "-p", str(stack.pg_port), "-U", "postgres"]
    out = subprocess.run(
        [*psql, "-Atc", CONNECTIONS], capture_output=True, text=True, check=True, timeout=10
    ).stdout
    return int(out.strip())


def sample(stack: Stack) -> tuple[dict[int, int], int]:
    return {pid: rss_kib(pid) for pid in stack.workers()}, pg_connections(stack)


def soak(stack: Stack, *, seconds: int) -> bool:
    stack.manage("shell", "-c", faults.SETUP)
    edits = [(at, "base") for at in faults.catalog_edit(stack, ["base"])]
    status, token = faults.token_get(stack)
    if status != 200:
        raise RuntimeError(f"no token: {status} {token}")
    load = Load(stack.base, token, threads=4, rate=5)
    load.start()
    try:
        time.sleep(min(30, seconds / 10))  # warm: imports, snapshot, persistent connections
        first = sample(stack)
        print(f"start: RSS KiB {first[0]}, PostgreSQL connections {first[1]}", flush=True)
        deadline = time.time() + seconds
        while time.time() < deadline:
            time.sleep(min(60, max(0, deadline - time.time())))
            now = sample(stack)
            print(
                f"{time.strftime('%H:%M:%S')}: RSS KiB {now[0]}, connections {now[1]}", flush=True
            )
        last = sample(stack)
    finally:
        load.stop()
    fault = faults.Fault("soak", start=load.answers[0].at)
    fault.end = load.answers[-1].at
    start_rss, end_rss = sum(first[0].values()), sum(last[0].values())
    fault.notes.append(f"workers' RSS {start_rss / 1024:.1f} MiB -> {end_rss / 1024:.1f} MiB")
    fault.notes.append(f"PostgreSQL connections {first[1]} -> {last[1]}")
    fault.notes.append(f"rate {len(load.answers) / (fault.end - fault.start):.1f} requests/s")
    fault.checks["same workers at the end"] = set(first[0]) == set(last[0])
    fault.checks["workers' RSS grew < 10 %"] = end_rss < start_rss * 1.10
    fault.checks["no growth in PostgreSQL connections"] = last[1] <= max(first[1], 2)
    return report(fault, load.answers, edits)
