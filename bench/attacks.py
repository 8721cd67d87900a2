"""
Issue 15's attacks, performed against the project as deployed: `make attacks`.

gunicorn with the project's gunicorn.conf.py (two sync workers), DEBUG off,
PostgreSQL and Redis on 127.0.0.1 (a database and Redis dbs of its own:
ATTACKS_DB, ATTACKS_REDIS_DBS). Each attack is sent as the issue describes it,
with its sizes and counts, from a loopback address of its own (127.0.<item>.n), so
per-address limits are the attack's own. Prints one row per attack: what was sent,
what the issue measured before the fixes, what the server answers now, the time
it took to refuse, and the side effect the issue names. Writes the table as the
section "Attacks (issue 15), after the fixes" of bench/results.md, leaving the
file's other sections as they are. Drops its database and empties its Redis dbs.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import redis

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench.attack_files import catalog_at_the_import_bound, import_attacks  # noqa: E402
from bench.attack_report import Row, report, section_replace  # noqa: E402
from bench.loopback import (  # noqa: E402
    Answer,
    Client,
    ms,
    pinging,
    raw_request,
    status_line_and_json,
)
from tests.servers import gunicorn, manage, production_env  # noqa: E402

RESULTS = BASE_DIR / "bench" / "results.md"
TOKEN_URL = "/oauth/token?client_id=morph-api&grant_type=password&scope={scope}"  # noqa: S105
REFRESH_URL = "/oauth/token?client_id=morph-api&grant_type=refresh_token"
USERS = ["alice", "alice2", "bob", "carol", "dave", "erin", "root"]
TRIES = 3  # a median of three where a try is cheap
SCHEMA = "/api/schema/?format=json"
VERSION_BUMP = (
    "from django.db import transaction\n"
    "from catalog.services import catalog_version_bump\n"
    "with transaction.atomic():\n    catalog_version_bump()\n"
)


@dataclass(frozen=True)
class Target:
    port: int
    env: dict[str, str]
    folder: Path
    status_404_pk: int
    log: Path

    def client(self, item: int, n: int = 1) -> Client:
        return Client(self.port, source=f"127.0.{item}.{n}")


def password(username: str) -> str:
    return f"pw-{username}-attacks"


def said(answer: Answer) -> str:
    return f"{answer.status} {answer.code()}".strip()


def median_seconds(answers: list[Answer]) -> float:
    return statistics.median(answer.seconds for answer in answers)


def timed(answers: list[Answer]) -> str:
    if len(answers) == 1:
        return ms(answers[0].seconds)
    return f"{ms(median_seconds(answers))} (median of {len(answers)})"


def statuses(answers: list[Answer]) -> str:
    """'404 not_found', or '3x 404 not_found' when all alike, else each."""
    said_all = Counter(said(answer) for answer in answers)
    return ", ".join(f"{n}× {text}" if n > 1 else text for text, n in said_all.items())


# Setting up: the database, the users, the server.


def psql(sql: str) -> None:
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", sql],
        check=True,
        capture_output=True,
        timeout=60,
    )


def setup_script() -> str:
    """The attacks' users (passwords as password() spells them); prints status 404's pk."""
    return (
        "from django.contrib.auth.models import Group, User\n"
        "from catalog.models import ErrorStatus\n"
        f"for name in {USERS!r}:\n"
        "    User.objects.create_user(name, password=f'pw-{name}-attacks')\n"
        "User.objects.create_superuser('admin', '', 'pw-admin-attacks')\n"
        "User.objects.create_user('outsider', password='pw-outsider-attacks', is_staff=True)\n"
        "editor = User.objects.create_user('editor', password='pw-editor-attacks', is_staff=True)\n"
        "editor.groups.add(Group.objects.get(name='Catalog editors'))\n"
        "print(ErrorStatus.objects.get(status=404).pk)\n"
    )


@contextmanager
def deployed(folder: Path, database: str, redis_dbs: tuple[int, int]) -> Iterator[Target]:
    for number in redis_dbs:
        redis.Redis(db=number).flushdb()
    psql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
    psql(f"CREATE DATABASE {database}")
    try:
        env = production_env(
            DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database}",
            REDIS_URL=f"redis://127.0.0.1:6379/{redis_dbs[0]}",
            DJANGO_STATIC_ROOT=str(folder / "static"),
            DJANGO_LOG_LEVEL="WARNING",
        )
        manage("migrate", "--no-input", env=env)
        manage("collectstatic", "--no-input", env=env)
        pk = int(manage("shell", "--no-imports", "-c", setup_script(), env=env))
        log = folder / "gunicorn.log"
        with gunicorn(env, log=log, ready_path="/api/ping") as base:
            yield Target(urlsplit(base).port or 80, env, folder, pk, log)
    finally:
        psql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        for number in redis_dbs:
            redis.Redis(db=number).flushdb()


def shell(target: Target, script: str) -> str:
    return manage("shell", "--no-imports", "-c", script, env=target.env)


def token_pair(client: Client, username: str, scope: str = "write") -> dict[str, Any]:
    answer = client.post_form(
        TOKEN_URL.format(scope=scope), {"username": username, "password": password(username)}
    )
    assert answer.status == 200, answer.body
    return dict(answer.json())


def bearer(token: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {token['access_token']}"}


def login_form(client: Client) -> dict[str, str]:
    """The admin login form's hidden fields; the client keeps the CSRF cookie."""
    page = client.get("/admin/login/").body.decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert match, page[:200]
    return {"csrfmiddlewaretoken": match.group(1), "next": "/admin/"}


def admin_login(client: Client, username: str) -> Answer:
    """A login as a browser posts it."""
    form = {**login_form(client), "username": username, "password": password(username)}
    return client.post_form("/admin/login/", form)


# The attacks, item by item (the numbering).

LINE_BEFORE = {
    9_000: "not measured",
    1_000_000: "0.27 s",
    10_000_000: "19.7 s",
    12_000_000: "killed at the 30 s worker timeout",
}


def request_line_row(target: Target, size: int) -> Row:
    request = b"GET /api/" + b"x" * size + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    tries = [raw_request(target.port, request, source="127.0.1.1") for _ in range(TRIES)]
    parsed = [status_line_and_json(answer) for answer, _ in tries]
    seconds = statistics.median(s for _, s in tries)
    ok = (
        all(
            line == "HTTP/1.1 414 URI Too Long"
            and headers.get("content-type") == "application/json"
            and isinstance(body, dict)
            and body.get("code") == "request_line_too_long"
            for line, headers, body in parsed
        )
        and max(s for _, s in tries) < 1
    )
    line, headers, body = parsed[0]
    code = body.get("code") if isinstance(body, dict) else body
    return Row(
        1,
        f"GET /api/ with a {size:,}-byte request line",
        LINE_BEFORE[size],
        f"{line.removeprefix('HTTP/1.1 ')} ({headers.get('content-type')}, {code})",
        f"{ms(seconds)} (median of {TRIES})",
        ok=ok,
    )


def item_1(target: Target) -> list[Row]:
    rows = [request_line_row(target, size) for size in LINE_BEFORE]
    request = b"GET /api/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"y" * 20_000 + b"\r\n\r\n"
    tries = [raw_request(target.port, request, source="127.0.1.2") for _ in range(TRIES)]
    line, _, body = status_line_and_json(tries[0][0])
    code = body.get("code") if isinstance(body, dict) else body
    rows.append(
        Row(
            1,
            "a 20,000-byte header",
            "not measured",
            f"{line.removeprefix('HTTP/1.1 ')} ({code})",
            f"{ms(statistics.median(s for _, s in tries))} (median of {TRIES})",
            ok=line == "HTTP/1.1 431 Request Header Fields Too Large",
        )
    )
    rows.append(two_long_lines_while_pinging(target))
    return rows


def two_long_lines_while_pinging(target: Target) -> Row:
    """Two clients sending 10 MB request lines over and over for 3 s; /api/ping meanwhile."""
    request = b"GET /" + b"x" * 10_000_000 + b" HTTP/1.1\r\n\r\n"
    refusals: list[float] = []

    def attacker(n: int) -> None:
        until = time.monotonic() + 3
        while time.monotonic() < until:
            refusals.append(raw_request(target.port, request, source=f"127.0.1.{10 + n}")[1])

    with pinging(target.port, "127.0.1.3", every=0.1) as pings:
        threads = [threading.Thread(target=attacker, args=(n,)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    return Row(
        1,
        "two clients sending 10 MB request lines, back to back for 3 s",
        "/api/ping stalled 29.6 s",
        f"{len(refusals)} lines refused",
        f"{ms(statistics.median(refusals))} (median)",
        pings.summary(),
        ok=bool(pings.seconds) and max(pings.seconds) < 1 and not pings.failures,
    )


def item_2(target: Target) -> list[Row]:
    client = target.client(2)
    saved, behind = token_pair(client, "alice"), token_pair(client, "alice2")
    assert client.get("/api/whoami", **bearer(saved)).status == 200
    shell(
        target,
        "from django.contrib.auth.models import User\n"
        "u = User.objects.get(username='alice'); u.is_active = False; u.save()\n"
        "User.objects.filter(username='alice2').update(is_active=False)\n",
    )
    rows = []
    for token, how in ((saved, "save()"), (behind, "update(), no signal")):
        whoami = [client.get("/api/whoami", **bearer(token)) for _ in range(TRIES)]
        refresh = target.client(2, 2).post_form(
            REFRESH_URL, {"refresh_token": token["refresh_token"]}
        )
        rows += [
            Row(
                2,
                f"GET /api/whoami with the access token of a user deactivated by {how}",
                "200 (the token kept working until it expired, 12 h)",
                statuses(whoami),
                timed(whoami),
                ok=all(said(a) == "401 invalid_token" for a in whoami),
            ),
            Row(
                2,
                f"refresh grant with the refresh token of a user deactivated by {how}",
                "200, new tokens minted",
                f"{refresh.status} {refresh.json().get('error')}",
                timed([refresh]),
                "access_token in the answer: "
                + ("YES" if b"access_token" in refresh.body else "no"),
                ok=refresh.status == 400 and b"access_token" not in refresh.body,
            ),
        ]
    return rows


def item_3(target: Target) -> list[Row]:
    carol, bob = target.client(3), target.client(3, 2)
    carol_token, bob_token = token_pair(carol, "carol"), token_pair(bob, "bob")
    created = carol.post_json(
        "/api/instances", {"instance": {"name": "victim-db"}}, **bearer(carol_token)
    )
    url = f"/api/instances/{created.json()['instance']['id']}"
    body = json.dumps({"instance": {"name": "pwned"}}).encode()
    answers = [
        bob.request(
            method,
            url,
            body=body,
            headers={"Content-Type": "application/json", **bearer(bob_token)},
        )
        for method in ("GET", "PUT", "DELETE")
    ]
    listed = [
        i["name"] for i in bob.get("/api/instances", **bearer(bob_token)).json()["instances"]
    ]
    victim = carol.get(url, **bearer(carol_token))
    intact = victim.status == 200 and victim.json()["instance"]["name"] == "victim-db"
    return [
        Row(
            3,
            "GET, PUT, DELETE of another user's instance (bearer token of bob, carol's instance)",
            "200: read, changed, deleted",
            ", ".join(
                f"{m} {said(a)}" for m, a in zip(("GET", "PUT", "DELETE"), answers, strict=True)
            ),
            timed(answers),
            f"bob's list shows {len(listed)} instances; carol's instance "
            + ("intact" if intact else f"CHANGED ({said(victim)})"),
            ok=all(said(a) == "404 not_found" for a in answers) and intact and not listed,
        )
    ]


def item_4(target: Target) -> list[Row]:
    client = target.client(4)
    token = token_pair(client, "dave", scope="read")
    answers = [
        client.post_json("/api/instances", {"instance": {"name": "nope"}}, **bearer(token))
        for _ in range(TRIES)
    ]
    reads = client.get("/api/instances", **bearer(token))
    body = answers[0].json()
    return [
        Row(
            4,
            "POST /api/instances with a scope=read token",
            "201 Created",
            f"{statuses(answers)} (error: {body.get('error')})",
            timed(answers),
            f"the same token's GET /api/instances: {reads.status}",
            ok=all(said(a) == "403 insufficient_scope" for a in answers)
            and body.get("error") == "insufficient_scope",
        )
    ]


def item_5(target: Target) -> list[Row]:
    guesser, real = target.client(5), target.client(5, 2)
    url = TOKEN_URL.format(scope="write")
    guesses = [
        guesser.post_form(url, {"username": "root", "password": f"guess-{n}"}) for n in range(10)
    ]
    login = real.post_form(url, {"username": "root", "password": password("root")})
    eleventh = guesser.post_form(url, {"username": "root", "password": "guess-10"})
    junk, refresher = target.client(5, 3), target.client(5, 4)
    junks = [junk.post_form(REFRESH_URL, {"refresh_token": f"junk-{n}"}) for n in range(11)]
    refreshed = refresher.post_form(REFRESH_URL, {"refresh_token": login.json()["refresh_token"]})
    return [
        Row(
            5,
            "10 wrong passwords for root from one address, then root's own login from another",
            "root's login refused 429",
            f"guesses: {statuses(guesses)}; root's login: {login.status}",
            f"11th guess from the first address: {said(eleventh)} in {ms(eleventh.seconds)}",
            f"guesses took {ms(median_seconds(guesses))} each (median; password hashing)",
            ok=login.status == 200 and said(eleventh) == "429 rate_limited",
        ),
        Row(
            5,
            "11 junk refresh grants from one address, then a real refresh from another",
            "every client's refresh refused 429",
            f"junk: {statuses(junks)}; real refresh: {refreshed.status}",
            f"11th junk refused in {ms(junks[-1].seconds)}",
            ok=refreshed.status == 200 and said(junks[-1]) == "429 rate_limited",
        ),
    ]


def item_6(target: Target) -> list[Row]:
    rows = []
    for n, (username, expected) in enumerate((("outsider", 403), ("editor", 400)), start=1):
        client = target.client(6, n)
        assert admin_login(client, username).status == 302, f"{username} could not log in"
        for url_end in ("change/", "preview/"):
            forged = {
                "csrfmiddlewaretoken": client.cookies["csrftoken"],
                "reasons-TOTAL_FORMS": "1000000",
                "translations-TOTAL_FORMS": "1000000",
            }
            url = f"/admin/catalog/errorstatus/{target.status_404_pk}/{url_end}"
            answers = [client.post_form(url, forged) for _ in range(TRIES)]
            rows.append(
                Row(
                    6,
                    f"{username} (staff{', catalog editor' if username == 'editor' else ''}) "
                    f"posts reasons-TOTAL_FORMS=1000000 to {url}",
                    "worker killed at the 30 s timeout",
                    statuses(answers),
                    timed(answers),
                    ok=all(a.status == expected for a in answers)
                    and max(a.seconds for a in answers) < 1,
                )
            )
    return rows


def item_7(target: Target) -> list[Row]:
    client = target.client(7)
    token = token_pair(client, "erin")
    body = json.dumps({"instance": {"name": "web", "labels": [None] * 100_000}}).encode()
    answers = [
        client.request(
            "POST",
            "/api/instances",
            body=body,
            headers={"Content-Type": "application/json", **bearer(token)},
        )
        for _ in range(TRIES)
    ]
    errors = answers[0].json().get("errors")
    return [
        Row(
            7,
            f"POST /api/instances, labels a list of 100,000 nulls ({len(body) / 1024:.0f} KiB)",
            "5.3 s, 4.4 MB of errors",
            statuses(answers),
            timed(answers),
            f"{len(answers[0].body):,} bytes answered: errors {json.dumps(errors)}",
            ok=all(said(a) == "400 invalid" for a in answers)
            and len(answers[0].body) < 2_000
            and max(a.seconds for a in answers) < 1,
        )
    ]


def item_8(target: Target) -> list[Row]:
    guesser = target.client(8)
    form = {**login_form(guesser), "username": "admin"}
    with pinging(target.port, "127.0.8.9", every=0.25) as pings:
        started = time.monotonic()
        attempts = [
            guesser.post_form("/admin/login/", {**form, "password": f"guess-{n}"})
            for n in range(144)
        ]
        took = time.monotonic() - started
    hashed = [a for a in attempts if a.status != 429]
    refused = [a for a in attempts if a.status == 429]
    real = admin_login(target.client(8, 2), "admin")
    slow_down = bool(refused) and b"Slow down" in refused[0].body
    return [
        Row(
            8,
            "144 wrong admin passwords for admin from one address, back to back",
            "~0.9 s of hashing each; 144/min made /api/ping take 2.2 s",
            f"{len(hashed)}× {hashed[0].status if hashed else '-'} (hashed), "
            f"{len(refused)}× 429 (Retry-After {refused[0].headers.get('retry-after') if refused else '-'})",
            f"refused: {timed(refused)}; hashed: {ms(median_seconds(hashed)) if hashed else '-'} "
            f"(all 144 in {took:.1f} s)",
            f"{pings.summary()}; admin's own login from another address: {real.status}",
            ok=len(refused) >= 134 and slow_down and real.status == 302,
        )
    ]


def rendering_usage(db: int) -> tuple[int, int]:
    """The catalog's cached renderings in one Redis db: how many, and their bytes (MEMORY USAGE)."""
    client = redis.Redis(db=db)
    keys = list(client.scan_iter(match="*catalog:render*", count=1000))
    return len(keys), sum(int(client.memory_usage(key) or 0) for key in keys)


def used_memory(db: int) -> int:
    """The whole Redis server's used_memory (shared with other work on this machine)."""
    return int(redis.Redis(db=db).info("memory")["used_memory"])


def host_variants(count: int) -> list[tuple[str, str]]:
    """(Host, path) pairs: ports and letter cases of the allowed hosts, both cached paths."""
    hosts = [
        host
        for port in range(1000, 1000 + count // 4 + 1)
        for host in (f"127.0.0.1:{port}", f"LOCALHOST:{port}")
    ]
    pairs = [(host, path) for host in hosts for path in ("/errors/", "/api/error-codes")]
    return pairs[:count]


def item_9(target: Target, db: int) -> list[Row]:
    client = target.client(9)
    renderings, size, memory = *rendering_usage(db), used_memory(db)
    answers = [client.get(path, Host=host) for host, path in host_variants(900)]
    renderings_after, size_after = rendering_usage(db)
    memory_after = used_memory(db)
    return [
        Row(
            9,
            "900 requests of /errors/ and /api/error-codes, Host 127.0.0.1:<port> or LOCALHOST:<port>",
            "52 MB added to Redis",
            statuses(answers),
            f"{ms(median_seconds(answers))} per request (median)",
            f"cached renderings in Redis db {db}: {renderings} before, {renderings_after} after "
            f"({(size_after - size) / 1e6:+.2f} MB); the Redis server's used_memory "
            f"{(memory_after - memory) / 1e6:+.2f} MB",
            ok=all(a.status == 200 for a in answers) and renderings_after <= 32,
        )
    ]


def item_10(target: Target) -> list[Row]:
    client = target.client(10)
    token = token_pair(client, "erin")
    rows = []
    for digits, before in (
        (20, "not measured"),
        (45, "500 on PostgreSQL"),
        (5_000, "500 everywhere"),
    ):
        answers = [
            client.get(f"/api/instances/{'9' * digits}", **bearer(token)) for _ in range(TRIES)
        ]
        rows.append(
            Row(
                10,
                f"GET /api/instances/<{digits:,} nines>",
                before,
                statuses(answers),
                timed(answers),
                ok=all(said(a) == "404 not_found" for a in answers),
            )
        )
    return rows


def item_11(target: Target) -> list[Row]:
    answers = [target.client(11).request("OPTIONS", "/api/docs/") for _ in range(TRIES)]
    first = answers[0]
    return [
        Row(
            11,
            "OPTIONS /api/docs/",
            "500 (TemplateDoesNotExist)",
            f"{statuses(answers)} ({first.headers.get('content-type')}, Allow: {first.headers.get('allow')})",
            timed(answers),
            ok=all(said(a) == "405 method_not_allowed" for a in answers),
        )
    ]


EVIL = 'Tea <img src="https://evil.example/x.png"> ![x](https://evil.example/y.png)'


def item_12(target: Target) -> list[Row]:
    client = target.client(12)
    rows = []
    for path in ("/admin/login/", "/api/docs/"):
        policy = client.get(path).headers.get("content-security-policy", "")
        rows.append(
            Row(
                12,
                f"GET {path}: its Content-Security-Policy",
                "none",
                policy or "NONE",
                "",
                ok="script-src 'self'" in policy and "img-src 'self' data:" in policy,
            )
        )
    edit = (
        "from catalog.models import ErrorStatus\n"
        f"ErrorStatus.objects.filter(status=418).update(description={EVIL!r})\n"
    )
    shell(target, edit + VERSION_BUMP)
    schema = ""
    deadline = time.monotonic() + 10
    while "evil.example" not in schema and time.monotonic() < deadline:
        schema = client.get(SCHEMA).body.decode()
        time.sleep(0.2)
    raw_html = '<img src=\\"https://evil.example' in schema
    rows.append(
        Row(
            12,
            "an editor's <img src=https://evil.example/...> and ![x](...) in status 418's description",
            "rendered as HTML in Swagger UI: a third-party image loaded",
            "the schema holds "
            + ("RAW <img>" if raw_html else "&lt;img (escaped)" if "&lt;img" in schema else "?"),
            "",
            "Markdown image in the schema: " + ("YES" if "![x](https://evil" in schema else "no"),
            ok=not raw_html and "&lt;img src=" in schema and "![x](https://evil" not in schema,
        )
    )
    return rows


def item_14(target: Target) -> list[Row]:
    rows = []
    for n, secret in enumerate(
        ("password=attack-query-password", "refresh_token=abc", "client_secret=x"), start=1
    ):
        url = f"{TOKEN_URL.format(scope='write')}&{secret}"
        answer = target.client(14, n).post_form(url, {"username": "erin"})
        rows.append(
            Row(
                14,
                f"POST /oauth/token?client_id=morph-api&grant_type=password&scope=write&{secret}",
                "200, a token; the password in the access log"
                if secret.startswith("password")
                else "accepted from the URL (and so in the access log)",
                f"{said(answer)} (error: {answer.json().get('error')})",
                ms(answer.seconds),
                ok=said(answer) == "400 invalid_request" and b"access_token" not in answer.body,
            )
        )
    welcome = target.client(14, 9).post_form(
        TOKEN_URL.format(scope="write"), {"username": "erin", "password": password("erin")}
    )
    logged = "attack-query-password" in target.log.read_text(errors="replace")
    rows.append(
        Row(
            14,
            "client_id, grant_type, scope in the query string, the password in the body",
            "200",
            str(welcome.status),
            "",
            "the refused request line, password as sent, is in gunicorn's access log: "
            + ("yes" if logged else "no"),
            ok=welcome.status == 200,
        )
    )
    return rows


def schema_row(target: Target) -> Row:
    """The schema's first request after each of three catalog edits (a build), then cached."""
    client = target.client(15)
    firsts: list[Answer] = []
    cached: list[Answer] = []
    for _ in range(TRIES):
        shell(target, VERSION_BUMP)
        time.sleep(2)  # the workers notice the new version (CATALOG_REFRESH_INTERVAL)
        for _ in range(4):  # each worker's catalog snapshot read anew: not the schema's cost
            client.get("/api/no-such-endpoint")
        firsts.append(client.get(SCHEMA))
        cached += [client.get(SCHEMA) for _ in range(3)]
    etags = {answer.headers.get("etag") for answer in cached[-3:]}
    return Row(
        15,
        f"GET {SCHEMA}, anonymous: the first after a catalog edit, then 3 more; 3 edits",
        "135–205 ms each (rebuilt every time)",
        statuses([*firsts, *cached]),
        f"first (built): {timed(firsts)}; then (cached): {timed(cached)}",
        f"{len(firsts[0].body):,} bytes; one ETag per version: {len(etags) == 1}",
        ok=median_seconds(cached) < median_seconds(firsts) and len(etags) == 1,
    )


def item_15(target: Target, https_db: int) -> list[Row]:
    client = target.client(15)
    rows = [schema_row(target)]
    for header in (
        "X-Forwarded-Ssl: on",
        "X-Forwarded-Protocol: https",
        "X-Forwarded-Proto: https",
    ):
        name, _, value = header.partition(": ")
        answer = client.request("GET", "/api/no-such-endpoint", headers={name: value})
        scheme = answer.json().get("helpUrl", "").partition(":")[0]
        rows.append(
            Row(
                15,
                f"DJANGO_HTTPS=0: GET /api/no-such-endpoint with {header}",
                "https (trusted from 127.0.0.1)" if "Proto:" not in header else "not measured",
                f"{said(answer)}; the scheme the server believes (helpUrl): {scheme}",
                "",
                ok=scheme == "http",
            )
        )
    return rows + behind_https(target, https_db)


def behind_https(target: Target, db: int) -> list[Row]:
    """A second server on the same database, as behind an HTTPS proxy on 127.0.0.1."""
    env = {
        **target.env,
        "DJANGO_HTTPS": "1",
        "REDIS_URL": f"redis://127.0.0.1:6379/{db}",
        "DJANGO_TRUSTED_PROXIES": "127.0.0.1",
    }
    with gunicorn(env, log=target.folder / "https.log", ready_path="/api/ping") as base:
        port = urlsplit(base).port or 80
        client = Client(port)
        proto = {"X-Forwarded-Proto": "https"}
        hsts = client.request("GET", "/api/ping", headers=proto).headers
        ssl_only = client.request("GET", "/errors/", headers={"X-Forwarded-Ssl": "on"})
        junk = [
            client.post_form(
                REFRESH_URL,
                {"refresh_token": f"junk-{n}"},
                **proto,
                **{"X-Forwarded-For": "10.9.9.9"},
            )
            for n in range(11)
        ]
        other = client.post_form(
            REFRESH_URL, {"refresh_token": "junk-x"}, **proto, **{"X-Forwarded-For": "10.1.1.1"}
        )
    redirect = urlsplit(ssl_only.headers.get("location", ""))
    max_age = hsts.get("strict-transport-security", "NONE")
    return [
        Row(
            15,
            "DJANGO_HTTPS=1: GET /api/ping with X-Forwarded-Proto: https from the proxy",
            "max-age=3600",
            f"Strict-Transport-Security: {max_age}",
            "",
            ok=max_age.startswith("max-age=31536000"),
        ),
        Row(
            15,
            "DJANGO_HTTPS=1: GET /errors/ with X-Forwarded-Ssl: on (no X-Forwarded-Proto)",
            "not measured",
            f"{ssl_only.status} to {redirect.scheme}://<host>{redirect.path} (taken for http)",
            "",
            ok=ssl_only.status == 301,
        ),
        Row(
            15,
            "DJANGO_TRUSTED_PROXIES=127.0.0.1: 11 junk refreshes for X-Forwarded-For 10.9.9.9, "
            "then one for 10.1.1.1",
            "one limit for every client behind the proxy",
            f"10.9.9.9: {statuses(junk)}; 10.1.1.1: {said(other)}",
            f"11th refused in {ms(junk[-1].seconds)}",
            ok=said(junk[-1]) == "429 rate_limited" and other.status == 400,
        ),
    ]


def manage_timed(target: Target, *args: str) -> tuple[int, str, float]:
    """manage.py with the server's environment: exit status, last output line, seconds."""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(BASE_DIR / "manage.py"), *args],
        env=target.env,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=600,
    )
    said = (result.stderr.strip() or result.stdout.strip()).splitlines() or [""]
    return result.returncode, said[-1], time.monotonic() - started


def item_13(target: Target) -> list[Row]:
    exported = manage("catalog", "export", env=target.env)
    _, _, startup = manage_timed(target, "catalog", "export", str(target.folder / "again.json"))
    rows = []
    for what, before, text, dry_run in import_attacks(exported):
        file = target.folder / "attack.json"
        file.write_text(text(), encoding="utf-8")
        size = file.stat().st_size
        status, said, seconds = manage_timed(
            target, "catalog", "import", str(file), *(["--dry-run"] if dry_run else [])
        )
        rows.append(
            Row(
                13,
                f"manage.py catalog import: {what} ({size / 1e6:.1f} MB)"
                if size > 1e6
                else f"manage.py catalog import: {what} ({size / 1e3:.0f} kB)",
                before,
                f"exit status {status}: {said}",
                f"{seconds:.2f} s, the command's start-up included ({startup:.2f} s for an export)",
                refusal_in_process(target, file) if size > 1e6 else "",
                ok=status == 1 and "Traceback" not in said,
            )
        )
    unchanged = manage("catalog", "export", env=target.env) == exported
    rows[-1] = Row(**{**rows[-1].__dict__, "effect": f"catalog unchanged after all: {unchanged}"})
    return [*rows, *large_catalog_pages(target, exported)]


def refusal_in_process(target: Target, file: Path) -> str:
    """The refusal itself, without the command's start-up: catalog_import() timed in a shell."""
    script = (
        "import time\n"
        "from pathlib import Path\n"
        "from catalog.transfer.files import CatalogFileError\n"
        "from catalog.transfer.services import catalog_import\n"
        f"text = Path({str(file)!r}).read_text(encoding='utf-8')\n"
        "started = time.monotonic()\n"
        "try:\n    catalog_import(text=text, dry_run=True)\n"
        "except CatalogFileError:\n    print(time.monotonic() - started)\n"
    )
    seconds = shell(target, script).strip()
    return f"the refusal itself (catalog_import, in process): {ms(float(seconds)) if seconds else 'NOT REFUSED'}"


def large_catalog_pages(target: Target, exported: str) -> list[Row]:
    file = target.folder / "bound.json"
    file.write_text(catalog_at_the_import_bound(exported), encoding="utf-8")
    status, _, seconds = manage_timed(target, "catalog", "import", str(file))
    time.sleep(2)  # the workers notice the new catalog version (CATALOG_REFRESH_INTERVAL)
    client = target.client(13)
    rows = []
    for path in ("/errors/", "/errors/?page=2", "/errors/?page=40", "/de/errors/?page=3"):
        first = client.get(path)
        cached = [client.get(path) for _ in range(TRIES)]
        rows.append(
            Row(
                13,
                f"GET {path} of the 3,000-reason catalog within the import limits "
                f"({file.stat().st_size / 1e6:.2f} MB file; import: exit {status}, {seconds:.1f} s)",
                "/errors/ timed out (one page of 12.9 MB, 6.8 s to render)",
                f"{first.status}, {len(first.body) / 1e6:.2f} MB"
                + ("" if b"lost_0000" in first.body else " (WITHOUT the new reasons)"),
                f"first {ms(first.seconds)}, then {timed(cached)}",
                ok=first.status == 200
                and first.seconds < 1
                and len(first.body) < 1_500_000
                and b"lost_0000" in first.body,
            )
        )
    return rows


def attacks(target: Target, redis_dbs: tuple[int, int]) -> list[Row]:
    # The 3,000-reason catalog (item 13) last: the others attack the seeded catalog.
    steps: list[tuple[int, Callable[[], list[Row]]]] = [
        (1, lambda: item_1(target)),
        (2, lambda: item_2(target)),
        (3, lambda: item_3(target)),
        (4, lambda: item_4(target)),
        (5, lambda: item_5(target)),
        (6, lambda: item_6(target)),
        (7, lambda: item_7(target)),
        (8, lambda: item_8(target)),
        (9, lambda: item_9(target, redis_dbs[0])),
        (10, lambda: item_10(target)),
        (11, lambda: item_11(target)),
        (12, lambda: item_12(target)),
        (14, lambda: item_14(target)),
        (15, lambda: item_15(target, redis_dbs[1])),
        (13, lambda: item_13(target)),
    ]
    rows: list[Row] = []
    for item, step in steps:
        print(f"item {item} ...", flush=True)
        try:
            rows += step()
        except Exception as exc:  # a broken attack is a row, not the end
            rows.append(
                Row(
                    item,
                    "the attack",
                    "",
                    f"ERROR: {type(exc).__name__}: {exc}"[:300],
                    "",
                    ok=False,
                )
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--no-write", action="store_true", help="print only; leave results.md")
    args = parser.parse_args()
    database = os.environ.get("ATTACKS_DB", "attacks_main")
    first, second = os.environ.get("ATTACKS_REDIS_DBS", "8,9").split(",")
    redis_dbs = (int(first), int(second))
    when = datetime.now(UTC)
    with (
        tempfile.TemporaryDirectory(prefix="morpheus-attacks-") as tmp,
        deployed(Path(tmp), database, redis_dbs) as target,
    ):
        rows = attacks(target, redis_dbs)
    python = os.path.relpath(sys.executable, BASE_DIR)
    arguments = "".join(f" {argument}" for argument in sys.argv[1:])
    command = f"`make attacks` (`{python} bench/attacks.py{arguments}`)"
    section = report(rows, when, command)
    print(section)
    if not args.no_write:
        RESULTS.write_text(section_replace(RESULTS.read_text(), section))
        print(f"written to {RESULTS.relative_to(BASE_DIR)}")
    if not all(row.ok for row in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
