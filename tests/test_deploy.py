"""
The production server: gunicorn with DJANGO_DEBUG=0, static files by whitenoise,
over real HTTP on loopback.
"""

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_settings import BASE_DIR, CLEAN_ENV


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (loopback only)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("deploy")
    env = {
        **CLEAN_ENV,
        "DJANGO_SETTINGS_MODULE": "morpheus_errors.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "deploy-test-" + "x" * 40,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(folder / "static"),
    }
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
        subprocess.run([*manage, *command], env=env, cwd=BASE_DIR, check=True, capture_output=True)
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "morpheus_errors.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if fetch(f"{base}/api/ping")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not start within 30 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_gunicorn_serves_the_catalogs_404_json(server):
    status, headers, content = fetch(f"{server}/api/nope")

    body = json.loads(content)
    assert status == 404
    assert headers["Content-Type"] == "application/json"
    assert body["code"] == "endpoint_not_found"
    assert body["msg"] == "Unable to find api endpoint GET /api/nope"
    assert body["helpUrl"] == f"{server}/errors/#endpoint_not_found"
    assert body["requestId"] == headers["X-Request-ID"]


def test_gunicorn_serves_static_files_with_debug_off(server):
    status, _, page = fetch(f"{server}/errors/")
    css_path = page.decode().split('rel="stylesheet" href="')[1].split('"')[0]

    css_status, css_headers, _ = fetch(f"{server}{css_path}")

    assert status == 200
    assert css_path.startswith("/static/catalog/catalog.")
    assert css_path != "/static/catalog/catalog.css"  # hashed by the manifest storage
    assert css_status == 200
    assert css_headers["Content-Type"].startswith("text/css")


def test_security_headers_are_on(server):
    _, headers, _ = fetch(f"{server}/api/ping")

    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"


def test_a_bad_host_header_is_a_catalog_400_json(server):
    status, headers, content = fetch(f"{server}/api/ping", {"Host": "evil.example.com"})

    assert status == 400
    assert headers["Content-Type"] == "application/json"
    assert json.loads(content)["code"] == "bad_request"
    assert b"evil.example.com" not in content


def test_an_over_long_request_line_reaches_the_catalog_not_gunicorns_html(server):
    status, headers, content = fetch(f"{server}/api/{'x' * 9000}")

    assert status == 404
    assert headers["Content-Type"] == "application/json"
    assert json.loads(content)["code"] == "endpoint_not_found"


def test_pages_outside_the_api_get_the_html_404(server):
    status, headers, content = fetch(f"{server}/no-such-page")

    assert status == 404
    assert headers["Content-Type"].startswith("text/html")
    assert b"Page not found" in content
