"""Rate limits of the sample API (morpheus_errors/api/throttling.py), on the shared cache."""

import pytest
from django.test import override_settings

from tests.asserts import assert_catalog_error

pytestmark = pytest.mark.django_db

SLOW_DOWN = "You're asking too much of the server. Slow down!"
# Nothing listens on port 9 of loopback: a real, unreachable Redis.
CACHE_DOWN = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


@override_settings(API_RATE_LIMIT="3/h")
def test_a_user_gets_exactly_the_configured_number_of_requests_then_429(api):
    statuses = [api.get("/api/whoami").status_code for _ in range(3)]

    response = api.get("/api/whoami")

    assert statuses == [200, 200, 200]
    assert_catalog_error(
        response, status=429, code="rate_limited", msg=SLOW_DOWN, title="Too Many Requests"
    )
    assert 1 <= int(response["Retry-After"]) <= 3600


@override_settings(API_RATE_LIMIT="2/h")
def test_the_limit_is_per_user(client, user, django_user_model, make_token):
    other = django_user_model.objects.create_user(username="other", password="x")
    mine, theirs = make_token(user), make_token(other)
    for _ in range(2):
        client.get("/api/whoami", HTTP_AUTHORIZATION=f"Bearer {mine}")

    assert client.get("/api/whoami", HTTP_AUTHORIZATION=f"Bearer {mine}").status_code == 429
    assert client.get("/api/whoami", HTTP_AUTHORIZATION=f"Bearer {theirs}").status_code == 200


@override_settings(API_RATE_LIMIT="2/h")
def test_anonymous_requests_are_limited_per_client_address(client):
    for _ in range(2):
        assert client.get("/api/ping", REMOTE_ADDR="192.0.2.1").status_code == 200

    assert client.get("/api/ping", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/api/ping", REMOTE_ADDR="192.0.2.2").status_code == 200


@override_settings(API_RATE_LIMIT="2/h")
def test_refused_requests_count_too(client):
    for _ in range(2):
        response = client.get("/api/whoami", HTTP_AUTHORIZATION="Bearer guessed-token")
        assert response.status_code == 401

    response = client.get("/api/whoami", HTTP_AUTHORIZATION="Bearer guessed-token")

    assert response.status_code == 429


@override_settings(API_RATE_LIMIT="1/h", CACHES=CACHE_DOWN, RATELIMIT_FAIL_OPEN=True)
def test_with_the_cache_down_requests_pass_fail_open(api, caplog):
    assert [api.get("/api/whoami").status_code for _ in range(3)] == [200, 200, 200]
    assert "rate limit: cache unreachable, failing open" in caplog.text


@override_settings(API_RATE_LIMIT="1/h", CACHES=CACHE_DOWN, RATELIMIT_FAIL_OPEN=False)
def test_with_the_cache_down_and_fail_open_off_requests_are_limited(api):
    response = api.get("/api/whoami")

    assert_catalog_error(
        response, status=429, code="rate_limited", msg=SLOW_DOWN, title="Too Many Requests"
    )
    assert response["Retry-After"] == "1"
