"""
The production server: gunicorn with DJANGO_DEBUG=0, static files by whitenoise,
over real HTTP on loopback.
"""

import json
from collections.abc import Iterator

import pytest

from tests.servers import fetch, production_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with production_server(tmp_path_factory.mktemp("deploy")) as base:
        yield base


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
    status, headers, content = fetch(f"{server}/api/ping", headers={"Host": "evil.example.com"})

    assert status == 400
    assert headers["Content-Type"] == "application/json"
    assert json.loads(content)["code"] == "bad_request"
    assert b"evil.example.com" not in content


def test_a_long_request_line_within_the_limit_reaches_the_catalog(server):
    status, headers, content = fetch(f"{server}/api/{'x' * 8000}")

    assert status == 404
    assert headers["Content-Type"] == "application/json"
    assert json.loads(content)["code"] == "endpoint_not_found"


def test_pages_outside_the_api_get_the_html_404(server):
    status, headers, content = fetch(f"{server}/no-such-page")

    assert status == 404
    assert headers["Content-Type"].startswith("text/html")
    assert b"Page not found" in content
