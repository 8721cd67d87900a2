"""Every input of the bad-input corpus answers catalog 4xx JSON (tests/bad_inputs.py)."""

import pytest
from django.test import Client

from tests.asserts import BODY_KEYS, assert_no_leak
from tests.bad_inputs import CORPUS, BadInput

pytestmark = pytest.mark.django_db


def send(client: Client, bad: BadInput, token: str) -> object:
    headers = {
        f"HTTP_{key.upper().replace('-', '_')}": value for key, value in bad.headers.items()
    }
    content_type = headers.pop("HTTP_CONTENT_TYPE", "application/octet-stream")
    if bad.authenticated:
        headers.setdefault("HTTP_AUTHORIZATION", f"Bearer {token}")
    return client.generic(bad.method, bad.path, bad.body, content_type=content_type, **headers)


@pytest.mark.parametrize("bad", CORPUS, ids=[bad.name for bad in CORPUS])
def test_bad_input_answers_catalog_4xx_json(client, user, make_token, bad):
    response = send(client, bad, make_token(user))

    assert 400 <= response.status_code < 500
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) >= BODY_KEYS
    assert body["status"] == response.status_code
    assert body["requestId"] == response["X-Request-ID"]
    assert_no_leak(response)
