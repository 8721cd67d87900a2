"""A real gunicorn serving the project on loopback, for end-to-end tests."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
CLEAN_ENV = {
    key: value
    for key, value in os.environ.items()
    if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "CACHE_URL"))
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(
    url: str,
    *,
    method: str = "GET",
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    """One real HTTP request; error statuses are answers, not exceptions."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310 (loopback only)
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def production_env(**env: str) -> dict[str, str]:
    return {
        **CLEAN_ENV,
        "DJANGO_SETTINGS_MODULE": "morpheus_errors.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "e2e-test-" + "x" * 40,
        **env,
    }


def manage(*args: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, str(BASE_DIR / "manage.py"), *args],
        env=env,
        cwd=BASE_DIR,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.stdout


@contextmanager
def gunicorn(
    env: dict[str, str],
    *,
    workers: int = 2,
    app: str = "morpheus_errors.wsgi:application",
    log: Path | None = None,
    ready_path: str = "/errors/",
) -> Iterator[str]:
    """Starts gunicorn, waits until it answers (30 s at most), yields its base URL."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}"]
    output = log.open("wb") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        [*command, "--workers", str(workers)],
        env=env,
        cwd=BASE_DIR,
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while process.poll() is None:
            try:
                if fetch(f"{base}{ready_path}")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                break
            time.sleep(0.2)
        else:
            raise RuntimeError(f"gunicorn exited: {log.read_text() if log else ''}")
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"gunicorn did not answer within 30 s: {log.read_text() if log else ''}"
            )
        yield base
    finally:
        process.terminate()
        process.wait(timeout=15)
        if log:
            output.close()  # type: ignore[union-attr]


@contextmanager
def production_server(folder: Path) -> Iterator[str]:
    """The project as deployed (DEBUG off, migrated, static files collected) on gunicorn."""
    env = production_env(
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        DJANGO_STATIC_ROOT=str(folder / "static"),
    )
    manage("migrate", "--no-input", env=env)
    manage("collectstatic", "--no-input", env=env)
    with gunicorn(env) as base:
        yield base
