"""
Every example on the reference page (/errors/, /de/errors/, /fr/errors/) is the API's
real answer to the example's request, byte for byte as the page shows it: the request
is sent as written, through every middleware and view, to a world where it means
what the page says (its tokens exist, instance 7 was removed, the limit is spent, ...).

Declared variable parts: the request id (a real request gets its own), and the
seconds of a 429's Retry-After (the time left in the window). Two reasons no request
can ask for, server_error and service_unavailable (a fault of the server or of its
cache), are compared in tests/test_views.py through the handler instead.
"""

import html
import json
import re
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone
from oauth2_provider.models import AccessToken, Application

from catalog.errors.snapshot import catalog_get
from catalog.services import maintenance_set
from morpheus_errors.api import catalog_examples
from morpheus_errors.api.models import Instance

pytestmark = pytest.mark.django_db

NOT_ASKABLE = {
    "server_error",  # a fault of the server
    "service_unavailable",  # a fault of its database or cache
    # DRF's codes that the demo's API never raises: it authenticates by bearer token only
    # (no session, so no CSRF; no challenge-less authenticator) and limits with
    # django-ratelimit (rate_limited), not DRF's throttles. Adopters meet them.
    "authentication_failed",
    "csrf_failed",
    "throttled",
}
PAGES = {"en": "/errors/", "de": "/de/errors/", "fr": "/fr/errors/"}


def token_of(header: str) -> str:
    return header.rpartition(" ")[2]


@pytest.fixture
def world(settings) -> User:
    """What the page's example requests take for granted."""
    settings.CATALOG_REFRESH_INTERVAL = 0  # maintenance switched on shows at once
    user = User.objects.create_user("jdoe", password="s3cret-pass")  # not staff
    client_app = Application.objects.get(client_id="morph-api")
    now = timezone.now()
    for header, scope, expires in [
        (catalog_examples.TOKEN, "write", now + timedelta(hours=1)),
        (catalog_examples.READ_TOKEN, "read", now + timedelta(hours=1)),
        (catalog_examples.EXPIRED_TOKEN, "write", now - timedelta(hours=1)),
    ]:
        AccessToken.objects.create(
            user=user, token=token_of(header), scope=scope, application=client_app, expires=expires
        )
    Instance.objects.create(id=7, name="web-07", owner=user, removed_at=now)
    session = SessionStore()
    session_data = session.encode({"_auth_user_id": str(user.pk)})
    Session.objects.create(
        session_key="4kq0m2v7x1c9", session_data=session_data, expire_date=now + timedelta(days=1)
    )
    return user


def shown_examples(content: str) -> dict[str, tuple[str, str]]:
    """Each reason's example request and response, as the page shows them."""
    found = re.findall(
        r'<article class="reason" id="([a-z0-9_]+)".*?'
        r'<pre class="example-request"><code>(.*?)</code></pre>.*?'
        r'<pre class="example-response"><code>(.*?)</code></pre>',
        content,
        flags=re.S,
    )
    return {code: (html.unescape(req), html.unescape(resp)) for code, req, resp in found}


def sent(client: Client, request_text: str) -> Any:
    """The example request, sent as written (its Host is the test client's)."""
    head, _, body = request_text.partition("\n\n")
    request_line, *lines = head.split("\n")
    method, target, _ = request_line.split(" ")
    headers = dict(line.split(": ", 1) for line in lines)
    extra = {"HTTP_HOST": headers.pop("Host")}
    content_type = headers.pop("Content-Type", "application/octet-stream")
    for name, value in headers.items():
        if name == "Content-Length":
            extra["CONTENT_LENGTH"] = value
        elif name == "Cookie":
            client.cookies.load(value)
        else:
            extra["HTTP_" + name.upper().replace("-", "_")] = value
    return client.generic(method, target, body.encode(), content_type, **extra)


def as_shown(response: Any, shown: str) -> str:
    """The real answer written as the page writes one: the headers it shows, then the body."""
    head, _, _ = shown.partition("\n\n")
    _, *lines = head.split("\n")
    names = [line.split(": ", 1)[0] for line in lines]
    status = f"HTTP/1.1 {response.status_code} {response.reason_phrase}"
    headers = [f"{name}: {response[name]}" for name in names if response.has_header(name)]
    body = json.dumps(json.loads(response.content), indent=2, ensure_ascii=False)
    return "\n".join([status, *headers]) + "\n\n" + body


def with_variable_parts(shown: str, real: str) -> str:
    """The page's text with its request id (and a 429's seconds left) taken from the real one."""
    real_id = re.search(r"X-Request-ID: (\S+)", real)
    shown_id = re.search(r"X-Request-ID: (\S+)", shown)
    if real_id and shown_id:
        shown = shown.replace(shown_id.group(1), real_id.group(1))
    if shown.startswith("HTTP/1.1 429"):
        real_wait = re.search(r"Retry-After: (\d+)", real)
        if real_wait:
            shown = re.sub(r"Retry-After: \d+", f"Retry-After: {real_wait.group(1)}", shown)
    return shown


def prepared(code: str, client: Client, settings, committed) -> None:
    """The state a reason's example request speaks of, where it is not the world's."""
    if code == "maintenance":
        # Committed as the admin commits it: the stamp moves in the shared cache too.
        with committed(execute=True):
            maintenance_set(on=True)
    elif code == "rate_limited":
        settings.API_RATE_LIMIT = "1/m"
        client.get(
            "/api/instances", HTTP_AUTHORIZATION=f"Bearer {token_of(catalog_examples.TOKEN)}"
        )


@pytest.mark.parametrize("language", sorted(PAGES))
def test_every_page_example_is_the_apis_real_answer_to_its_request(
    client, world, settings, language, django_capture_on_commit_callbacks
):
    examples = shown_examples(client.get(PAGES[language]).content.decode())
    assert set(examples) == set(catalog_get().reasons)

    compared, wrong = [], {}
    for code, (request_text, shown) in sorted(examples.items()):
        if code in NOT_ASKABLE:
            continue
        asker = Client(enforce_csrf_checks=True)
        prepared(code, asker, settings, django_capture_on_commit_callbacks)
        try:
            response = sent(asker, request_text)
        finally:
            with django_capture_on_commit_callbacks(execute=True):
                maintenance_set(on=False)
            settings.API_RATE_LIMIT = "600/m"
        real = as_shown(response, shown)
        if with_variable_parts(shown, real) != real:
            wrong[code] = f"the page shows\n{shown}\nthe API answers\n{real}"
        compared.append(code)
    assert not wrong, "\n\n".join(f"{code}: {text}" for code, text in wrong.items())
    assert len(compared) == len(examples) - len(NOT_ASKABLE)
