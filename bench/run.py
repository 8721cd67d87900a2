"""
The error-path benchmark: `make bench` (see README, "Benchmarks").

Three measures of the same targets, from one run, on SQLite + local memory and on
PostgreSQL + Redis:

- instructions: each case's requests counted under valgrind's callgrind, one
  process per run (bench/callgrind.py; SQLite), two runs that must agree;
- in-process CPU: one process, the WSGI handler called directly, the exception
  handlers swapped in place on the same DRF view, interleaved blocks timed with
  time.process_time() (bench/inprocess.py);
- wrk: the project under gunicorn (two sync workers, 127.0.0.1), each case
  measured with wrk over several interleaved rounds, with a second server holding
  a catalog of 1,000 reasons beside the first.

Prints the targets (met or NOT MET) and writes every table to bench/results.md,
keeping its hand-written profile section. `--quick` (BENCH_ARGS=--quick) is a
short run: fewer rounds and requests, SQLite only, no wrk.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench.callgrind import callgrind_runs, disagreement  # noqa: E402
from bench.inprocess import CASES as INPROCESS_CASES  # noqa: E402
from bench.inprocess import TARGETS, ratio_median, target_verdict, target_wanted  # noqa: E402
from tests.servers import fetch, gunicorn, manage, production_env  # noqa: E402

RESULTS = BASE_DIR / "bench" / "results.md"
# bench/results.md from this line on is written by hand (the profiles), and kept.
PROFILE_HEADING = "## Profile of the catalog path"
# wrk's pairs for the in-process targets that wrk measures too.
WRK_PAIRS = {
    "404: catalog ÷ DRF default": ("catalog_404", "drf_404"),
    "unknown path: catalog ÷ Django default 404": ("unknown_catalog", "unknown_django"),
}
LARGE_CATALOG = 1000
# wrk on the first CPU, the servers' workers on the others, so that the load
# generator does not take CPU time from the server it measures (one CPU: shared).
_CPUS = sorted(os.sched_getaffinity(0))
LOAD_CPUS = {_CPUS[0]}
SERVER_CPUS = set(_CPUS[1:]) or LOAD_CPUS


@dataclass(frozen=True)
class Case:
    key: str
    label: str
    path: str
    server: str = "small"
    revalidate: bool = False
    language: str = ""  # sent as Accept-Language


# Compared cases stand next to each other, so each pair is measured back to back.
CASES = [
    Case("ping", "DRF 200 (/api/ping)", "/api/ping"),
    Case("drf_404", "404, DRF's default handler", "/api/bench/drf-default/missing"),
    Case("catalog_404", "404, catalog handler", "/api/bench/catalog/missing"),
    Case(
        "catalog_404_large",
        "404, catalog handler, 1,000 reasons",
        "/api/bench/catalog/missing",
        "large",
    ),
    Case(
        "catalog_404_uncounted",
        "404, catalog handler, counting off (CATALOG_COUNTING=0)",
        "/api/bench/catalog/missing",
        "uncounted",
    ),
    Case(
        "catalog_404_quiet",
        "404, catalog handler, no counting and no JSON line (CATALOG_ERRORS_LOG_LEVEL=ERROR)",
        "/api/bench/catalog/missing",
        "quiet",
    ),
    Case(
        "catalog_404_de",
        "404, catalog handler, German (Accept-Language)",
        "/api/bench/catalog/missing",
        language="de-DE,de;q=0.9,en;q=0.5",
    ),
    Case(
        "naive_404",
        "404, naive catalog (a query per error, persistent connections)",
        "/api/bench/naive/missing",
    ),
    Case(
        "naive_404_connect",
        "404, naive catalog (a query per error, Django's default CONN_MAX_AGE=0)",
        "/api/bench/naive/missing",
        "connect",
    ),
    Case("unknown_catalog", "unknown path, catalog 404 view", "/api/no-such-endpoint"),
    Case(
        "unknown_catalog_uncounted",
        "unknown path, catalog 404 view, counting off",
        "/api/no-such-endpoint",
        "uncounted",
    ),
    Case("unknown_django", "unknown path, Django's default 404 view", "/nowhere/at-all"),
    Case("page", "reference page, fresh", "/errors/"),
    Case("page_304", "reference page, 304 revalidation", "/errors/", revalidate=True),
    Case("page_304_large", "reference page 304, 1,000 reasons", "/errors/", "large", True),
]


# German text for every status and reason of the small catalog (issue 8), so the
# German case serves translated title and msg, with msgEnglish beside.
GERMAN_SCRIPT = (
    "from catalog.models import *\n"
    "for s in ErrorStatus.objects.all():\n"
    "    ErrorStatusTranslation.objects.get_or_create(status=s, language='de', "
    "defaults={'title': 'DE ' + s.title, 'description': 'DE ' + s.description})\n"
    "for r in ErrorReason.objects.all():\n"
    "    ErrorReasonTranslation.objects.get_or_create(reason=r, language='de', "
    "defaults={'message': 'DE ' + r.message})\n"
)


@dataclass
class Samples:
    rps: list[float] = field(default_factory=list)
    p50: list[float] = field(default_factory=list)
    p99: list[float] = field(default_factory=list)
    cpu_us: list[float] = field(default_factory=list)  # server CPU per request, workers summed


@dataclass(frozen=True)
class Run:
    rps: float
    p50: float
    p99: float
    requests: int


def wrk(url: str, seconds: float, headers: dict[str, str]) -> Run:
    """Requests per second, p50 and p99 latency (ms) of one bounded wrk run."""
    command = ["wrk", "-t2", "-c8", f"-d{max(1, round(seconds))}s", "--latency", "--timeout", "5s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
        preexec_fn=lambda: os.sched_setaffinity(0, LOAD_CPUS),
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    requests = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    return Run(rps, _percentile(output, "50%"), _percentile(output, "99%"), requests)


def _percentile(output: str, label: str) -> float:
    match = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
    assert match, output
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def large_catalog_script(total: int) -> str:
    return (
        "from django.db import transaction\n"
        "from catalog.models import ErrorReason, ErrorStatus\n"
        "from catalog.services import catalog_version_bump\n"
        "statuses = list(ErrorStatus.objects.all())\n"
        f"missing = {total} - ErrorReason.objects.count()\n"
        "ErrorReason.objects.bulk_create([ErrorReason(status=statuses[i % len(statuses)], "
        "code=f'bench_reason_{i:04d}', message=f'Benchmark reason {i}', "
        "troubleshooting='Benchmark text. ' * 20) for i in range(missing)])\n"
        "with transaction.atomic():\n    catalog_version_bump()\n"
        "print(ErrorReason.objects.count())\n"
    )


@contextmanager
def backend(name: str, folder: Path, sizes: set[str]) -> Iterator[dict[str, dict[str, str]]]:
    """Environments for the small and the large catalog's servers, migrated and seeded."""
    envs: dict[str, dict[str, str]] = {}
    # Own names on a shared machine: BENCH_DB_PREFIX, BENCH_REDIS_DBS="small,large".
    prefix = os.environ.get("BENCH_DB_PREFIX", "bench")
    small_db, large_db = os.environ.get("BENCH_REDIS_DBS", "11,10").split(",")
    for size, number in (("small", int(small_db)), ("large", int(large_db))):
        if size not in sizes:
            continue
        if name == "sqlite":
            database, redis = f"sqlite:///{folder / f'{size}.sqlite3'}", ""
        else:
            db = f"{prefix}_{size}"
            for sql in (f"DROP DATABASE IF EXISTS {db}", f"CREATE DATABASE {db}"):
                subprocess.run(
                    ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", sql],
                    check=True,
                    capture_output=True,
                )
            database, redis = (
                f"postgres://postgres@127.0.0.1:5432/{db}",
                f"redis://127.0.0.1:6379/{number}",
            )
            subprocess.run(
                ["redis-cli", "-n", str(number), "flushdb"], check=True, capture_output=True
            )
        envs[size] = production_env(
            DJANGO_SETTINGS_MODULE="bench.settings",
            DATABASE_URL=database,
            REDIS_URL=redis,
            DJANGO_STATIC_ROOT=str(folder / "static"),
            API_RATE_LIMIT="100000000/m",
            DJANGO_LOG_LEVEL="ERROR",
        )
        manage("migrate", "--no-input", env=envs[size])
    manage("collectstatic", "--no-input", env=envs["small"])
    manage("shell", "--no-imports", "-c", GERMAN_SCRIPT, env=envs["small"])
    if "large" in envs:
        count = manage(
            "shell", "--no-imports", "-c", large_catalog_script(LARGE_CATALOG), env=envs["large"]
        )
        print(f"  large catalog: {count.strip()} reasons")
    # The same database and cache as the small catalog, with error counting switched off.
    envs["uncounted"] = {**envs["small"], "CATALOG_COUNTING": "0"}
    # And with Django's default connection handling: a connection per request that
    # queries (the catalog's error path never does; the naive catalog does, per error).
    envs["connect"] = {**envs["small"], "DJANGO_CONN_MAX_AGE": "0"}
    # And without the per-error telemetry of issue 9 (count, Prometheus sample, JSON
    # line): what the catalog itself costs, beside what its telemetry costs.
    envs["quiet"] = {**envs["uncounted"], "CATALOG_ERRORS_LOG_LEVEL": "ERROR"}
    yield envs


def measure(
    servers: dict[str, str], rounds: int, seconds: float, cases: list[Case]
) -> dict[str, Samples]:
    samples = {case.key: Samples() for case in CASES}
    etags = {size: fetch(f"{base}/errors/")[1].get("ETag", "") for size, base in servers.items()}
    workers = {size: worker_pids(base) for size, base in servers.items()}
    for pids in workers.values():
        for pid in pids:
            os.sched_setaffinity(pid, SERVER_CPUS)
    for case in cases:  # warm every worker and cache; not counted
        wrk(f"{servers[case.server]}{case.path}", 1, {})
    for round_number in range(rounds):
        for case in cases:
            headers = {"If-None-Match": etags[case.server]} if case.revalidate else {}
            if case.language:
                headers["Accept-Language"] = case.language
            if case.revalidate and not etags[case.server]:
                continue
            cpu_before = cpu_seconds(workers[case.server])
            run = wrk(f"{servers[case.server]}{case.path}", seconds, headers)
            cpu = cpu_seconds(workers[case.server]) - cpu_before
            samples[case.key].rps.append(run.rps)
            samples[case.key].p50.append(run.p50)
            samples[case.key].p99.append(run.p99)
            samples[case.key].cpu_us.append(cpu / run.requests * 1e6)
        print(f"  round {round_number + 1}/{rounds} done")
    return samples


def worker_pids(base: str) -> list[int]:
    """The gunicorn workers behind base: the children of the master of whichever answers."""
    worker = int(fetch(f"{base}/api/nope")[1]["X-Worker-PID"])
    master = _stat(worker)[_PPID]
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if _stat(int(entry.name))[_PPID] == master:
                    pids.append(int(entry.name))
            except OSError:
                continue  # ended meanwhile
    return sorted(pids)


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time the processes have used (their threads included)."""
    ticks = os.sysconf("SC_CLK_TCK")
    stats = [_stat(pid) for pid in pids]
    return sum(int(stat[_UTIME]) + int(stat[_STIME]) for stat in stats) / ticks


# Fields of /proc/<pid>/stat after the command name (proc(5), counted from state).
_PPID, _UTIME, _STIME = 1, 11, 12


def _stat(pid: int) -> list[str]:
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2 :].split()  # the name may hold spaces and ")"


def propagation(env: dict[str, str], base: str, edits: int) -> list[float]:
    """Seconds from each edit's commit until both workers serve the new text."""
    workers = {fetch(f"{base}/api/nope")[1]["X-Worker-PID"] for _ in range(40)}
    return [edit_propagation(env, base, workers, edit) for edit in range(edits)]


def edit_propagation(env: dict[str, str], base: str, workers: set[str], edit: int) -> float:
    marker = f"Bench edit {edit} "
    script = (
        "import time; from catalog.models import ErrorReason\n"
        "r = ErrorReason.objects.get(code='endpoint_not_found')\n"
        f"r.message = {marker + '{method} {path}'!r}; r.save(); print(time.time())\n"
    )
    seen: dict[str, float] = {}
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            _, headers, body = fetch(f"{base}/api/nope")
            if json.loads(body)["msg"].startswith(marker):
                seen.setdefault(headers["X-Worker-PID"], time.time())

    pollers = [threading.Thread(target=poll) for _ in range(3)]
    for poller in pollers:
        poller.start()
    committed = float(manage("shell", "--no-imports", "-c", script, env=env).strip())
    deadline = time.time() + 10
    while set(seen) < workers and time.time() < deadline:
        time.sleep(0.01)
    stop.set()
    for poller in pollers:
        poller.join()
    return max(seen.values()) - committed if set(seen) >= workers else float("inf")


def report(name: str, samples: dict[str, Samples], moves: list[float]) -> list[str]:
    medians = {key: statistics.median(s.rps) for key, s in samples.items() if s.rps}

    def ratio(a: str, b: str) -> float:
        """
        How many a's the server serves per b, from its CPU time per request: the
        median of the per-round ratios (each round measured a and b back to back).
        """
        pairs = list(zip(samples[a].cpu_us, samples[b].cpu_us, strict=False))
        return statistics.median(y / x for x, y in pairs) if pairs else float("nan")

    def rps_ratio(a: str, b: str) -> float:
        """The same from wrk's requests per second (noisier: wrk shares the machine)."""
        pairs = list(zip(samples[a].rps, samples[b].rps, strict=False))
        return statistics.median(x / y for x, y in pairs) if pairs else float("nan")

    lines = [
        f"### {name}",
        "",
        "| case | req/s (median) | p50 ms | p99 ms | server CPU µs/request | "
        "ratio to DRF default 404: CPU | req/s |",
        "|---|---|---|---|---|---|---|",
    ]
    for case in CASES:
        s = samples[case.key]
        if not s.rps:
            lines.append(f"| {case.label} | not measured | | | | | |")
            continue
        lines.append(
            f"| {case.label} | {medians[case.key]:.0f} | {statistics.median(s.p50):.2f} | "
            f"{statistics.median(s.p99):.2f} | {statistics.median(s.cpu_us):.0f} | "
            f"{ratio(case.key, 'drf_404'):.2f} | {rps_ratio(case.key, 'drf_404'):.2f} |"
        )
    targets = [
        ("catalog 404 ÷ DRF default-handler 404", "catalog_404", "drf_404", ">= 1.00"),
        (
            "catalog 404 without its telemetry ÷ DRF default-handler 404",
            "catalog_404_quiet",
            "drf_404",
            ">= 0.95",
        ),
        (
            "catalog 404 ÷ naive catalog 404, Django's default connections",
            "catalog_404",
            "naive_404_connect",
            ">= 2",
        ),
        (
            "catalog 404 ÷ naive catalog 404, persistent connections",
            "catalog_404",
            "naive_404",
            ">= 2",
        ),
        (
            "catalog 404 German ÷ English",
            "catalog_404_de",
            "catalog_404",
            "within 5%",
        ),
        (
            "unknown path: catalog ÷ Django default 404",
            "unknown_catalog",
            "unknown_django",
            ">= 1.00",
        ),
        (
            "catalog 404: 1,000 reasons ÷ 11 statuses",
            "catalog_404_large",
            "catalog_404",
            "within 5%",
        ),
        (
            "page 304: 1,000 reasons ÷ 11 statuses",
            "page_304_large",
            "page_304",
            "within 5%",
        ),
        (
            "catalog 404: counting on ÷ off (no more than 5% slower)",
            "catalog_404",
            "catalog_404_uncounted",
            ">= 0.95",
        ),
        (
            "unknown path: counting on ÷ off (no more than 5% slower)",
            "unknown_catalog",
            "unknown_catalog_uncounted",
            ">= 0.95",
        ),
    ]
    lines += [
        "",
        "| target | measured: CPU | measured: req/s | wanted | met (CPU) |",
        "|---|---|---|---|---|",
    ]
    for label, a, b, wanted in targets:
        value = ratio(a, b)
        if value != value:  # nan: a case of the pair was not measured
            lines.append(f"| {label} | not measured | | {wanted} | |")
            continue
        met = (
            (value >= float(wanted.split()[-1]))
            if wanted.startswith(">=")
            else abs(1 - value) <= 0.05
        )
        lines.append(
            f"| {label} | {value:.2f} | {rps_ratio(a, b):.2f} | {wanted} | "
            f"{'yes' if met else 'NO'} |"
        )
    finite = [t for t in moves if t != float("inf")]
    if not moves:
        return [*lines, ""]
    lines += [
        "",
        f"Catalog edit reaching both workers: median {statistics.median(moves) * 1000:.0f} ms, "
        f"max {max(moves) * 1000:.0f} ms over {len(moves)} edits"
        f"{'' if len(finite) == len(moves) else ' (some never arrived!)'} (target: within 1 s).",
        "",
    ]
    return lines


def inprocess_run(env: dict[str, str], rounds: int, block: int) -> dict[str, Any]:
    """bench/inprocess.py's CPU µs per request of every case and round, and its timers."""
    output = subprocess.run(
        [
            sys.executable,
            str(BASE_DIR / "bench" / "inprocess.py"),
            "cpu",
            f"--rounds={rounds}",
            f"--block={block}",
        ],
        env=env,
        cwd=BASE_DIR,
        check=True,
        capture_output=True,
        text=True,
        timeout=3600,
    ).stdout
    result: dict[str, Any] = json.loads(output)
    return result


@dataclass
class Measured:
    """What one run measured, per backend."""

    instructions: list[dict[str, float]] = field(default_factory=list)  # per callgrind run
    cpu: dict[str, dict[str, Any]] = field(default_factory=dict)  # backend: inprocess_run()
    wrk: dict[str, dict[str, Samples]] = field(default_factory=dict)  # backend: measure()


BACKEND_LABELS = {"sqlite": "SQLite + local-memory cache", "postgres": "PostgreSQL + Redis"}


def instruction_ratio(runs: list[dict[str, float]], case: str, other: str) -> float:
    """other's instructions per request ÷ case's (the first run; the runs agree)."""
    if not runs or case not in runs[0] or other not in runs[0]:
        return float("nan")
    return runs[0][other] / runs[0][case]


def targets_report(measured: Measured) -> tuple[list[str], bool]:
    """The targets table, and whether every target is met by every measure taken."""
    backends = list(measured.cpu)
    wrk_backends = list(measured.wrk)
    header = ["target", "instructions"]
    header += [f"in-process CPU, {BACKEND_LABELS[name]}" for name in backends]
    header += [f"wrk CPU, {BACKEND_LABELS[name]}" for name in wrk_backends]
    header += ["wanted", "verdict (instructions and in-process CPU)"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    all_met = True
    for target in TARGETS:
        values = [instruction_ratio(measured.instructions, target.case, target.other)]
        values += [
            ratio_median(
                measured.cpu[name]["cpu_us"].get(target.case, []),
                measured.cpu[name]["cpu_us"].get(target.other, []),
            )
            for name in backends
        ]
        verdicts = [target_verdict(target, value) for value in values if value == value]
        verdict = (
            "NOT MET"
            if "NOT MET" in verdicts
            else min(verdicts, key=len)
            if verdicts
            else "not measured"
        )
        all_met = all_met and verdict.startswith("met")
        wrk_values = []
        for name in wrk_backends:
            pair = WRK_PAIRS.get(target.label)
            samples = measured.wrk[name]
            wrk_values.append(
                ratio_median(samples[pair[0]].cpu_us, samples[pair[1]].cpu_us) if pair else None
            )
        cells = [target.label, *(_ratio_cell(v) for v in values)]
        cells += ["" if v is None else _ratio_cell(v) for v in wrk_values]
        cells += [target_wanted(target), verdict]
        lines.append("| " + " | ".join(cells) + " |")
    return lines, all_met


def _ratio_cell(value: float) -> str:
    return "not measured" if value != value else f"{value:.3f}"


def cases_report(measured: Measured) -> list[str]:
    """Each in-process case's cost: instructions per request (each run), CPU µs per request."""
    runs = measured.instructions
    header = ["case"] + [f"instructions/request, run {n + 1}" for n in range(len(runs))]
    header += ["runs differ by"] if len(runs) > 1 else []
    header += [f"CPU µs/request, {BACKEND_LABELS[name]}" for name in measured.cpu]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for case in INPROCESS_CASES:
        cells = [case.label]
        counts = [run[case.key] for run in runs if case.key in run]
        cells += [f"{count:,.0f}" for count in counts] or [""] * len(runs)
        if len(runs) > 1:
            cells.append(f"{disagreement(counts):.3%}" if len(counts) > 1 else "")
        for result in measured.cpu.values():
            samples = result["cpu_us"].get(case.key)
            cells.append(f"{statistics.median(samples):.0f}" if samples else "")
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def timers_report(measured: Measured, refresh: float, flush: float) -> list[str]:
    """The catalog's wall-clock timers, measured apart from the requests: cost per second."""
    lines = [
        f"The catalog's timers, per process: a look at the catalog stamp every {refresh:g} s "
        f"(CATALOG_REFRESH_INTERVAL) and a flush of the error counts every {flush:g} s "
        "(CATALOG_COUNTS_FLUSH_INTERVAL; one counted error per flush here). Pushed past the "
        "instruction-count runs, measured here one step at a time:",
        "",
        "| timer step | instructions | per second | CPU µs | CPU µs per second |",
        "|---|---|---|---|---|",
    ]
    for name, interval in (("refresh", refresh), ("flush", flush)):
        count = measured.instructions[0].get(f"timer_{name}") if measured.instructions else None
        for backend, result in measured.cpu.items() or [("", {})]:
            cpu = result.get("timers", {}).get(name)
            lines.append(
                f"| {name} ({BACKEND_LABELS.get(backend, '')}) | "
                f"{f'{count:,.0f}' if count else ''} | "
                f"{f'{count / interval:,.0f}' if count else ''} | "
                f"{f'{cpu:.0f}' if cpu else ''} | {f'{cpu / interval:.0f}' if cpu else ''} |"
            )
    return lines


def results_write(lines: list[str], path: Path = RESULTS) -> None:
    """bench/results.md: this run's tables, then the hand-written profile section as it was."""
    kept = ""
    if path.exists():
        text = path.read_text()
        if PROFILE_HEADING in text:
            kept = text[text.index(PROFILE_HEADING) :]
    path.write_text("\n".join(lines) + "\n" + (f"\n{kept}" if kept else ""))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--modes", default="callgrind,inprocess,wrk", help="which measures")
    parser.add_argument("--quick", action="store_true", help="a short run: SQLite, no wrk")
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--rounds", type=int, default=5, help="wrk rounds")
    parser.add_argument("--seconds", type=int, default=2, help="per wrk case and round")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--cases", help="comma-separated wrk case keys (default: all)")
    parser.add_argument("--cpu-rounds", type=int, default=21, help="in-process rounds")
    parser.add_argument("--cpu-block", type=int, default=200, help="requests per block")
    parser.add_argument("--callgrind-warmup", type=int, default=30)
    parser.add_argument("--callgrind-block", type=int, default=100)
    args = parser.parse_args()
    modes = set(args.modes.split(","))
    if args.quick:
        modes.discard("wrk")
        args.backend, args.cpu_rounds, args.cpu_block = "sqlite", 7, 100
        args.callgrind_warmup, args.callgrind_block = 10, 30
    keys = args.cases.split(",") if args.cases else [case.key for case in CASES]
    cases = [case for case in CASES if case.key in keys]
    sizes = ({case.server for case in cases} if "wrk" in modes else set()) | {"small"}
    if "wrk" in modes and not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    names = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    measured = Measured()
    wrk_sections: list[str] = []
    for name in names:
        print(f"{name}:")
        with tempfile.TemporaryDirectory(prefix="morpheus-bench-") as tmp, ExitStack() as stack:
            envs = stack.enter_context(backend(name, Path(tmp), sizes))
            if "callgrind" in modes and name == "sqlite":
                print("  callgrind: two runs (a few minutes)")
                measured.instructions = callgrind_runs(
                    envs["small"],
                    Path(tmp) / "small.sqlite3",
                    [case.key for case in INPROCESS_CASES],
                    warmup=args.callgrind_warmup,
                    size=args.callgrind_block,
                )
            if "inprocess" in modes:
                print("  in-process CPU")
                measured.cpu[name] = inprocess_run(envs["small"], args.cpu_rounds, args.cpu_block)
            if "wrk" in modes:
                servers = {
                    size: stack.enter_context(gunicorn(env))
                    for size, env in envs.items()
                    if size in sizes
                }
                samples = measure(servers, args.rounds, args.seconds, cases)
                moves = (
                    propagation(envs["small"], servers["small"], args.edits) if args.edits else []
                )
                measured.wrk[name] = samples
                wrk_sections += report(BACKEND_LABELS[name], samples, moves)
    targets, all_met = targets_report(measured)
    stamp = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores"
    lines = [
        "# Benchmark results",
        "",
        f"`make bench{' BENCH_ARGS=--quick' if args.quick else ''}` on {stamp}. "
        "Ratios are requests of the catalog per request of the other in the same CPU "
        "(or instructions): above 1, the catalog is cheaper. Counting and the log record "
        "are on for every handler (the demo's JSON formatter, written to /dev/null in "
        "process).",
        "",
        "## Targets",
        "",
        *targets,
        "",
        f"Every target {'met' if all_met else 'NOT MET'}.",
        "",
        "## In process: each case",
        "",
        "The same DRF view (bench.views.ItemView) answering through each exception handler, "
        "swapped in place; the project's WSGI handler called directly, every middleware on. "
        f"Instructions: callgrind, {args.callgrind_warmup} warm-up requests, then "
        f"(I({args.callgrind_block}) − I(0)) / {args.callgrind_block}, PYTHONHASHSEED=0, a copy "
        f"of the SQLite database per run. CPU: {args.cpu_rounds} interleaved rounds of "
        f"{args.cpu_block} requests per case, time.process_time(); medians.",
        "",
        *cases_report(measured),
        "",
        *timers_report(measured, refresh=0.5, flush=1.0),
        "",
    ]
    if wrk_sections:
        lines += [
            "## wrk against gunicorn",
            "",
            f"Two sync workers on 127.0.0.1; wrk -t2 -c8, {args.rounds} rounds of "
            f"{args.seconds:g} s per case, cases interleaved; medians over the rounds. wrk runs "
            "on one CPU and the workers on the other(s); ratios compare the workers' CPU time "
            "per request (/proc), with the requests-per-second ratio beside it.",
            "",
            *wrk_sections,
        ]
    print("\n".join(targets))
    print(f"every target {'met' if all_met else 'NOT MET'}")
    results_write(lines)
    print(f"written to {RESULTS.relative_to(BASE_DIR)}")


if __name__ == "__main__":
    main()
