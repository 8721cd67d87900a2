"""
Private PostgreSQL, Redis and gunicorn for the fault suite, on free loopback ports
in a temporary folder. The shared services on 5432/6379 are never touched: these
are the ones the suite stops, starts and kills.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from tests.servers import fetch, free_port, production_env  # noqa: E402

__all__ = ["Stack", "fetch", "pg_bin", "production_env", "rss_kib", "wait_for"]
PG_BIN = Path("/usr/lib/postgresql")


def pg_bin(name: str) -> str:
    versions = sorted(PG_BIN.iterdir(), key=lambda path: int(path.name), reverse=True)
    return str(versions[0] / "bin" / name)


def wait_for(check: Any, *, timeout: float, what: str) -> float:
    """Polls check() until it is true; returns the seconds it took."""
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > timeout:
            raise RuntimeError(f"{what}: not ready within {timeout:.0f} s")
        time.sleep(0.1)
    return time.monotonic() - start


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class Stack:
    """The project under gunicorn (two sync workers) on its own PostgreSQL and Redis."""

    def __init__(self, *, rate_limit: str = "100000/m") -> None:
        self.root = Path(tempfile.mkdtemp(prefix="morpheus-chaos-"))
        self.root.chmod(0o755)
        self.pg_port, self.redis_port, self.http_port = free_port(), free_port(), free_port()
        self.pg_data = self.root / "pg"
        self.redis: subprocess.Popen[bytes] | None = None
        self.gunicorn: subprocess.Popen[bytes] | None = None
        self.logs: list[IO[bytes]] = []
        self.base = f"http://127.0.0.1:{self.http_port}"
        self.env = production_env(
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{self.pg_port}/postgres",
            REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/0",
            DJANGO_STATIC_ROOT=str(self.root / "static"),
            API_RATE_LIMIT=rate_limit,
            DJANGO_LOG_LEVEL="WARNING",
        )

    # PostgreSQL, run as the postgres user (initdb refuses root).
    def _as_postgres(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=60)

    def pg_init(self) -> None:
        self.pg_data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.pg_data, "postgres", "postgres")
        self._as_postgres(
            pg_bin("initdb"), "-D", str(self.pg_data), "--auth=trust", "-U", "postgres"
        )
        self.pg_start()

    def pg_start(self) -> None:
        options = f"-p {self.pg_port} -k {self.pg_data} -c listen_addresses=127.0.0.1"
        log = str(self.pg_data / "server.log")
        self._as_postgres(
            pg_bin("pg_ctl"), "-D", str(self.pg_data), "-o", options, "-l", log, "-w", "start"
        )

    def pg_stop(self) -> None:
        self._as_postgres(pg_bin("pg_ctl"), "-D", str(self.pg_data), "-m", "fast", "-w", "stop")

    def pg_running(self) -> bool:
        return (self.pg_data / "postmaster.pid").exists()

    # Redis, a child process of ours.
    def redis_start(self) -> None:
        log = open(self.root / "redis.log", "ab")  # noqa: SIM115 (closed in close())
        self.logs.append(log)
        self.redis = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1"),
                *(
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--daemonize",
                    "no",
                    "--dir",
                    str(self.root),
                ),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        wait_for(lambda: port_open(self.redis_port), timeout=10, what="redis")

    def redis_stop(self) -> None:
        if self.redis is not None and self.redis.poll() is None:
            self.redis.terminate()
            self.redis.wait(timeout=10)
        self.redis = None

    # The project.
    def manage(self, *args: str, timeout: float = 120) -> str:
        result = subprocess.run(
            [sys.executable, str(BASE_DIR / "manage.py"), *args],
            env=self.env,
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {args[0]} failed:\n{result.stderr[-2000:]}")
        return result.stdout

    def gunicorn_start(self) -> None:
        log = open(self.root / "gunicorn.log", "ab")  # noqa: SIM115 (closed in close())
        self.logs.append(log)
        self.gunicorn = subprocess.Popen(
            [
                *(sys.executable, "-m", "gunicorn", "morpheus_errors.wsgi:application"),
                *("--bind", f"127.0.0.1:{self.http_port}", "--workers", "2"),
            ],
            env=self.env,
            cwd=BASE_DIR,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        wait_for(self._answers, timeout=30, what="gunicorn")
        wait_for(lambda: len(self.workers()) == 2, timeout=30, what="gunicorn workers")

    def _answers(self) -> bool:
        try:
            return fetch(f"{self.base}/api/ping")[0] == 200
        except OSError:
            return False

    def workers(self) -> list[int]:
        """The gunicorn master's children, from /proc."""
        if self.gunicorn is None:
            return []
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.gunicorn.pid and fields[0] != "Z":
                children.append(int(stat.parent.name))
        return sorted(children)

    def start(self) -> None:
        self.pg_init()
        self.redis_start()
        self.manage("migrate", "--no-input")
        self.manage("collectstatic", "--no-input")
        self.gunicorn_start()

    def close(self) -> None:
        if self.gunicorn is not None and self.gunicorn.poll() is None:
            self.gunicorn.send_signal(signal.SIGTERM)
            try:
                self.gunicorn.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.gunicorn.kill()
                self.gunicorn.wait(timeout=10)
        self.redis_stop()
        if self.pg_running():
            try:
                self.pg_stop()
            except (subprocess.SubprocessError, OSError):
                self._as_postgres(
                    pg_bin("pg_ctl"), "-D", str(self.pg_data), "-m", "immediate", "stop"
                )
        for log in self.logs:
            log.close()
        shutil.rmtree(self.root, ignore_errors=True)


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0
