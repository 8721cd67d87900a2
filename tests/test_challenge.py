"""A Bearer challenge says in the catalog's words what the body says (RFC 6750 3)."""

import html
import re

import pytest

from catalog.errors.challenge import challenge_worded
from tests.asserts import assert_catalog_error

TOKEN = "7f3c9a52-1b0e-4c8d-9f61-2d4a8e0b5c17"  # the page's example token: unknown here


@pytest.mark.parametrize(
    ("challenge", "worded"),
    [
        # An authentication library's own words are replaced, its layout kept.
        (
            'Bearer realm="api",error="invalid_token",error_description="The access token is invalid."',
            'Bearer realm="api",error="invalid_token",error_description="Invalid access token"',
        ),
        (
            'Bearer realm="api", error="invalid_token"',
            'Bearer realm="api", error="invalid_token", error_description="Invalid access token"',
        ),
        # A challenge that names no error is the project's choice (simplejwt's, say).
        ('Bearer realm="api"', 'Bearer realm="api"'),
        ("Bearer", "Bearer"),
        (
            'Bearer error="insufficient_scope"',
            'Bearer error="invalid_token",error_description="Invalid access token"',
        ),
        # Other schemes, and errors that are not RFC 6750's, are the project's alone.
        ('Basic realm="oauth"', 'Basic realm="oauth"'),
    ],
)
def test_the_challenge_carries_the_catalogs_error_and_words(challenge, worded):
    assert (
        challenge_worded(
            challenge + ("" if challenge != "Bearer" else " "),
            oauth_error="invalid_token",
            description="Invalid access token",
        ).strip()
        == worded
        or challenge_worded(
            challenge, oauth_error="invalid_token", description="Invalid access token"
        )
        == worded
    )


def test_a_request_without_a_token_gets_no_error_code():
    # RFC 6750 3.1: no error attribute when the request had no authentication at all.
    assert challenge_worded('Bearer realm="api"', oauth_error="unauthorized", description="x") == (
        'Bearer realm="api"'
    )


def test_words_a_quoted_string_cant_carry_are_left_out():
    worded = challenge_worded(
        'Bearer realm="api",error="invalid_token"',
        oauth_error="invalid_token",
        description='Zugriffstoken "ungültig" \\',
    )

    assert (
        worded
        == 'Bearer realm="api",error="invalid_token",error_description="Zugriffstoken ungltig"'
    )


@pytest.mark.django_db
def test_a_real_401_says_what_its_body_says_and_what_the_page_shows(client):
    response = client.get("/api/whoami", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")

    body = assert_catalog_error(
        response,
        status=401,
        code="invalid_token",
        msg="Invalid access token",
        title="Unauthorized",
        oauth=True,
    )
    challenge = response["WWW-Authenticate"]
    assert challenge == (
        f'Bearer realm="api",error="invalid_token",error_description="{body["msg"]}"'
    )
    page = client.get("/errors/").content.decode()
    example = re.search(
        r'id="invalid_token".*?<pre class="example-response"><code>(.*?)</code>', page, re.S
    )
    assert example is not None
    assert f"WWW-Authenticate: {challenge}" in html.unescape(example.group(1))
