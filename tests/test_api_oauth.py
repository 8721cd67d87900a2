"""POST /oauth/token as Morpheus answers it (morpheus_errors/api/oauth.py)."""

import pytest
from django.test import override_settings

from tests.asserts import assert_catalog_error

pytestmark = pytest.mark.django_db

MORPHEUS_QUERY = "?client_id=morph-api&grant_type=password&scope=write"


def token_request(client, query=MORPHEUS_QUERY, **form):
    return client.post(
        f"/oauth/token{query}", form or {"username": "jdoe", "password": "s3cret-pass"}
    )


def test_the_password_grant_answers_a_morpheus_token(client, user):
    response = token_request(client)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access_token", "refresh_token", "token_type", "expires_in", "scope"}
    assert body["token_type"] == "bearer"
    assert body["scope"] == "write"
    assert body["expires_in"] == 43200
    assert response["Cache-Control"] == "no-store"


def test_the_token_authenticates_api_requests(client, user):
    token = token_request(client).json()["access_token"]

    response = client.get("/api/whoami", HTTP_AUTHORIZATION=f"Bearer {token}")

    assert response.json()["user"]["username"] == "jdoe"


def test_parameters_may_also_all_be_in_the_form_body(client, user):
    response = client.post(
        "/oauth/token",
        {
            "client_id": "morph-api",
            "grant_type": "password",
            "username": "jdoe",
            "password": "s3cret-pass",
        },
    )

    assert response.status_code == 200


def test_a_refresh_token_gets_a_new_access_token(client, user):
    refresh = token_request(client).json()["refresh_token"]

    response = client.post(
        "/oauth/token?client_id=morph-api&grant_type=refresh_token",
        {"refresh_token": refresh},
    )

    assert response.status_code == 200
    assert response.json()["token_type"] == "bearer"


def test_token_lifetime_is_a_setting(client, user, settings):
    settings.OAUTH2_PROVIDER = {**settings.OAUTH2_PROVIDER, "ACCESS_TOKEN_EXPIRE_SECONDS": 60}

    assert token_request(client).json()["expires_in"] == 60


def test_bad_credentials_answer_invalid_grant_with_the_oauth_members(client, user):
    response = token_request(client, username="jdoe", password="wrong")

    body = assert_catalog_error(
        response,
        status=400,
        code="invalid_grant",
        msg="Bad credentials",
        title="Bad Request",
        oauth=True,
    )
    assert body["error"] == "invalid_grant"
    assert body["error_description"] == "Bad credentials"


def test_an_unknown_client_answers_invalid_client(client, user):
    response = token_request(client, query="?client_id=nope&grant_type=password")

    body = assert_catalog_error(
        response,
        status=401,
        code="invalid_client",
        msg="Bad client credentials",
        title="Unauthorized",
        oauth=True,
    )
    assert body["error"] == "invalid_client"
    assert response["WWW-Authenticate"] == 'Basic realm="oauth"'


def test_an_unsupported_grant_answers_unsupported_grant_type(client, user):
    response = token_request(client, query="?client_id=morph-api&grant_type=magic")

    body = assert_catalog_error(
        response,
        status=400,
        code="unsupported_grant_type",
        msg="Unsupported grant type: magic",
        title="Bad Request",
        oauth=True,
    )
    assert body["error"] == "unsupported_grant_type"


def test_a_json_body_answers_invalid_request(client, user):
    response = client.post(
        f"/oauth/token{MORPHEUS_QUERY}",
        {"username": "jdoe", "password": "s3cret-pass"},
        content_type="application/json",
    )

    body = assert_catalog_error(
        response,
        status=400,
        code="invalid_request",
        msg="Invalid token request",
        title="Bad Request",
        oauth=True,
    )
    assert body["error"] == "invalid_request"


def test_missing_credentials_answer_invalid_request(client):
    response = client.post(f"/oauth/token{MORPHEUS_QUERY}", {"username": "jdoe"})

    assert_catalog_error(
        response,
        status=400,
        code="invalid_request",
        msg="Invalid token request",
        title="Bad Request",
        oauth=True,
    )


def test_get_answers_405_allowing_post(client):
    response = client.get(f"/oauth/token{MORPHEUS_QUERY}")

    assert_catalog_error(
        response,
        status=405,
        code="method_not_allowed",
        msg="You tried to access a resource with an invalid method.",
        title="Method Not Allowed",
        oauth=True,
    )
    assert response["Allow"] == "POST, OPTIONS"


@override_settings(OAUTH_TOKEN_RATE_LIMIT="3/h")
def test_password_guessing_meets_429_per_address_and_username(client, user):
    for attempt in range(3):
        response = client.post(
            f"/oauth/token{MORPHEUS_QUERY}",
            {"username": "jdoe", "password": f"guess{attempt}"},
            REMOTE_ADDR="10.0.0.1",
        )
        assert response.status_code == 400

    response = client.post(
        f"/oauth/token{MORPHEUS_QUERY}",
        {"username": "jdoe", "password": "s3cret-pass"},
        REMOTE_ADDR="10.0.0.1",
    )

    assert_catalog_error(
        response,
        status=429,
        code="rate_limited",
        msg="You're asking too much of the server. Slow down!",
        title="Too Many Requests",
        oauth=True,
    )
    assert 1 <= int(response["Retry-After"]) <= 3600


@override_settings(OAUTH_TOKEN_RATE_LIMIT="3/h")
def test_password_guessing_meets_429_per_address_across_usernames(client, user):
    for attempt in range(3):
        client.post(
            f"/oauth/token{MORPHEUS_QUERY}", {"username": f"user{attempt}", "password": "x"}
        )

    response = token_request(client)

    assert response.status_code == 429
    assert response.json()["code"] == "rate_limited"
