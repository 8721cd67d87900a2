"""
The instruction count of the in-process benchmark's blocks, under valgrind's callgrind.

Each run is one process (bench/inprocess.py marks) on its own copy of the SQLite
database, with PYTHONHASHSEED=0 and the catalog's wall-clock timers pushed past the
run (under valgrind's slowdown they would fire far more often per request than in
production; their cost is measured separately, per step). The process dumps
callgrind's counters through a client request (a two-line C library built here)
before and after each block; a block of N requests and an empty block differ by
exactly N requests, so start-up and the dumps themselves cancel out.
"""

import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
# Past any run: a look at the catalog stamp, a counts flush (their cost: timer_* steps).
TIMERS_OFF = {"CATALOG_REFRESH_INTERVAL": "1e9", "CATALOG_COUNTS_FLUSH_INTERVAL": "1e9"}
MARKS_SOURCE = """
#include <valgrind/callgrind.h>
void bench_dump(const char *label) { CALLGRIND_DUMP_STATS_AT(label); }
"""
_TRIGGER = re.compile(r"^desc: Trigger: Client Request: (.+)$", re.M)
_TOTALS = re.compile(r"^(?:totals|summary):\s+(\d+)", re.M)


def dump_parse(text: str) -> tuple[str, int] | None:
    """The label and instruction total of one callgrind dump made by a client request."""
    trigger, totals = _TRIGGER.search(text), _TOTALS.search(text)
    if trigger is None or totals is None:
        return None
    return trigger.group(1).strip(), int(totals.group(1))


def per_request(totals: Mapping[str, int], key: str, size: int) -> float:
    """Instructions of one request of a case: (I(size) - I(0)) / size."""
    return (totals[f"{key} {size}"] - totals[f"{key} 0"]) / size


def disagreement(values: Iterable[float]) -> float:
    """How far apart runs are, as a fraction of the smallest (0.004: 0.4 %)."""
    values = list(values)
    return (max(values) - min(values)) / min(values)


def marks_library(folder: Path) -> Path:
    """The client-request library bench/inprocess.py loads with ctypes."""
    source, library = folder / "marks.c", folder / "libmarks.so"
    source.write_text(MARKS_SOURCE)
    subprocess.run(
        ["cc", "-shared", "-fPIC", "-O1", "-o", str(library), str(source)],
        check=True,
        capture_output=True,
    )
    return library


def callgrind_runs(
    env: Mapping[str, str],
    database: Path,
    keys: list[str],
    *,
    runs: int = 2,
    warmup: int = 30,
    size: int = 100,
) -> list[dict[str, float]]:
    """Instructions per request of each case (and timer step), for each of ``runs`` runs."""
    if not shutil.which("valgrind") or not shutil.which("cc"):
        raise SystemExit("valgrind and a C compiler are needed: apt-get install valgrind gcc")
    with tempfile.TemporaryDirectory(prefix="morpheus-callgrind-") as tmp:
        folder = Path(tmp)
        library = marks_library(folder)
        processes = []
        for run in range(runs):
            out = folder / f"run{run}"
            out.mkdir()
            copy = shutil.copy(database, folder / f"run{run}.sqlite3")
            run_env = {
                **env,
                **TIMERS_OFF,
                "PYTHONHASHSEED": "0",
                "DATABASE_URL": f"sqlite:///{copy}",
                "BENCH_CALLGRIND_LIB": str(library),
            }
            command = [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}/callgrind.out",
                "--dump-instr=no",
                "--dump-line=no",
                str(BASE_DIR / ".venv" / "bin" / "python"),
                str(BASE_DIR / "bench" / "inprocess.py"),
                "marks",
                f"--cases={','.join(keys)}",
                f"--warmup={warmup}",
                f"--block={size}",
            ]
            log = (folder / f"run{run}.log").open("wb")
            processes.append(
                (subprocess.Popen(command, env=run_env, cwd=BASE_DIR, stderr=log, stdout=log), log)
            )
        for number, (process, log) in enumerate(processes):
            if process.wait(timeout=3600) != 0:
                log.close()
                tail = (folder / f"run{number}.log").read_text()[-3000:]
                raise SystemExit(f"callgrind run {number} failed:\n{tail}")
            log.close()
        return [
            _run_per_request(folder / f"run{run}", keys, size, timers=True) for run in range(runs)
        ]


def _run_per_request(out: Path, keys: list[str], size: int, *, timers: bool) -> dict[str, float]:
    totals = {}
    for dump in out.iterdir():
        parsed = dump_parse(dump.read_text(errors="replace"))
        if parsed is not None:
            totals[parsed[0]] = parsed[1]
    names = [*keys, *(["timer_refresh", "timer_flush"] if timers else [])]
    return {key: per_request(totals, key, size) for key in names}
