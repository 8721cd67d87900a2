"""
End to end on PostgreSQL + Redis: gunicorn with two workers serves the sample API
over real HTTP; tokens, rate limits and maintenance mode hold across both workers.
"""

import json
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import User
from django.db import connection

from tests.bad_inputs import CORPUS
from tests.servers import fetch, gunicorn, manage, production_env

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql"
        or "Redis" not in settings.CACHES["default"]["BACKEND"],
        reason="runs on PostgreSQL + Redis (DATABASE_URL and REDIS_URL)",
    ),
]
RATE = 40


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    """The production settings, pointed at the test database and the test Redis."""
    db = connection.settings_dict
    env = production_env(
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        REDIS_URL=settings.CACHES["default"]["LOCATION"],
        API_RATE_LIMIT=f"{RATE}/h",
        CATALOG_REFRESH_INTERVAL="0.5",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
    )
    manage("collectstatic", "--no-input", env=env)
    return env


@pytest.fixture
def server(env: dict[str, str]) -> Iterator[str]:
    # Hashed as production hashes (the tests' own MD5 hasher is not enabled there).
    password = PBKDF2PasswordHasher().encode("s3cret-pass", PBKDF2PasswordHasher().salt())
    for username in ("alice", "bob"):
        User.objects.create(username=username, password=password)
    with gunicorn(env, workers=2) as base:
        yield base


def token(server: str, username: str) -> str:
    query = urlencode({"client_id": "morph-api", "grant_type": "password", "scope": "write"})
    body = urlencode({"username": username, "password": "s3cret-pass"}).encode()
    status, _, content = fetch(
        f"{server}/oauth/token?{query}",
        method="POST",
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 200, content
    return str(json.loads(content)["access_token"])


def parallel_get(
    url: str, headers: dict[str, str], count: int
) -> list[tuple[int, dict[str, str], bytes]]:
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda _: fetch(url, headers=headers), range(count)))


def test_the_rate_limit_holds_across_both_workers(server):
    auth = {"Authorization": f"Bearer {token(server, 'alice')}"}

    answers = parallel_get(f"{server}/api/whoami", auth, RATE + 10)

    statuses = [status for status, _, _ in answers]
    assert statuses.count(200) == RATE
    assert statuses.count(429) == 10
    for status, headers, content in answers:
        if status == 429:
            assert json.loads(content)["code"] == "rate_limited"
            assert 1 <= int(headers["Retry-After"]) <= 3600


def test_maintenance_switched_by_the_command_reaches_both_workers(server, env):
    auth = {"Authorization": f"Bearer {token(server, 'bob')}"}
    manage("maintenance", "on", "--retry-after", "42", env=env)
    try:
        started = time.monotonic()
        while fetch(f"{server}/api/whoami", headers=auth)[0] != 503:
            assert time.monotonic() - started < 2, "maintenance not seen within 2 s"
            time.sleep(0.05)
        time.sleep(1)  # past every worker's refresh interval

        answers = parallel_get(f"{server}/api/whoami", auth, 12)

        assert {status for status, _, _ in answers} == {503}
        assert {headers["Retry-After"] for _, headers, _ in answers} == {"42"}
        assert {json.loads(content)["code"] for _, _, content in answers} == {"maintenance"}
        assert fetch(f"{server}/api/ping")[0] == 200
    finally:
        manage("maintenance", "off", env=env)
    time.sleep(1)
    assert {status for status, _, _ in parallel_get(f"{server}/api/whoami", auth, 8)} == {200}


def test_every_bad_input_answers_catalog_json_over_http(server):
    auth = {"Authorization": f"Bearer {token(server, 'bob')}"}

    for bad in CORPUS:
        headers = {**(auth if bad.authenticated else {}), **bad.headers}
        status, answer_headers, content = fetch(
            f"{server}{bad.path}", method=bad.method, body=bad.body or None, headers=headers
        )
        assert 400 <= status < 500, (bad.name, status, content[:200])
        assert answer_headers["Content-Type"] == "application/json", bad.name
        assert json.loads(content)["status"] == status, bad.name
