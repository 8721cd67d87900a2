"""What the token endpoint answers for grants it can't give: as the README says it does."""

import pytest

from tests.asserts import assert_catalog_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["?client_id=morph-api", "?client_id=morph-api&grant_type="])
def test_no_grant_type_is_a_missing_parameter_not_an_unsupported_grant(client, user, query):
    # Before: 400 unsupported_grant_type, "Unsupported grant type: " naming nothing.
    response = client.post(f"/oauth/token{query}", {"username": "jdoe", "password": "x"})

    body = assert_catalog_error(
        response,
        status=400,
        code="invalid_request",
        msg="Invalid token request",
        title="Bad Request",
        oauth=True,
    )
    assert body["error"] == "invalid_request"
    assert response["Cache-Control"] == "no-store"


def test_a_grant_the_public_client_may_not_use_is_unauthorized_client(client, user):
    response = client.post(
        "/oauth/token?client_id=morph-api&grant_type=client_credentials",
        {"username": "jdoe", "password": "x"},
    )

    body = assert_catalog_error(
        response,
        status=400,
        code="invalid_request",
        msg="Invalid token request",
        title="Bad Request",
        oauth=True,
    )
    assert body["error"] == "unauthorized_client"
