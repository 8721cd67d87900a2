"""
What schemathesis (.ci/schemathesis, every check) found where the schema and the
sample API disagreed, each fixed on the side that was wrong, kept here as tests.
"""

import copy

import pytest

from catalog.reference.schema import NOT_ONLY_STRIPPED
from tests.asserts import assert_catalog_error
from tests.morpheus_examples import VMWARE_REQUEST
from tests.test_api_morpheus import assert_invalid, post

pytestmark = pytest.mark.django_db


def schema(client):
    return client.get("/api/schema/?format=json").json()


def test_a_number_where_the_schema_says_string_is_refused(api):
    # Before: DRF turned 0 into "0" and created the instance (schema: type string).
    body = copy.deepcopy(VMWARE_REQUEST)
    body["instance"]["name"] = 0

    response = post(api, "/api/instances", body)

    assert_invalid(response, "instance", ("name", "invalid", "Not a valid string."))


@pytest.mark.parametrize(
    "content_type", ["application/x-www-form-urlencoded", "multipart/form-data"]
)
def test_the_api_takes_json_only_and_the_schema_says_so(api, client, content_type):
    # Before: the schema offered form and multipart bodies, which the API refused 400.
    body = schema(client)["paths"]["/api/instances"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json"}

    response = api.generic("POST", "/api/instances", "instance=x", content_type=content_type)

    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_media_type"


def test_text_a_field_refuses_when_empty_has_a_minimum_length_in_the_schema(client):
    # Before: "" was schema-valid and answered 400 "This field may not be blank."
    components = schema(client)["components"]["schemas"]

    assert components["Tag"]["properties"]["name"]["minLength"] == 1
    # DRF trims text first: spaces alone are "" too, so the schema asks for a non-space.
    assert components["Tag"]["properties"]["name"]["pattern"] == NOT_ONLY_STRIPPED
    assert components["InstanceCreate"]["properties"]["name"]["minLength"] == 1
    # Answers are not requests: an empty troubleshooting text is a fine answer.
    assert "minLength" not in components["ErrorReason"]["properties"]["troubleshooting"]
    token_form = schema(client)["paths"]["/oauth/token"]["post"]["requestBody"]["content"]
    fields = token_form["application/x-www-form-urlencoded"]["schema"]["properties"]
    assert fields["username"]["minLength"] == fields["password"]["minLength"] == 1


def test_deleting_oneself_is_a_documented_400(client):
    responses = schema(client)["paths"]["/api/users/{user_id}"]["delete"]["responses"]

    assert "400" in responses


def test_an_empty_username_is_refused_as_the_schema_now_says(client):
    response = client.post(
        "/oauth/token?client_id=morph-api&grant_type=password", {"username": "", "password": ""}
    )

    assert_catalog_error(
        response,
        status=400,
        code="invalid_request",
        msg="Invalid token request",
        title="Bad Request",
        oauth=True,
    )


def test_top_level_members_are_checked_even_where_the_instances_own_win(api):
    # Before: 51 top-level tags beside the instance's own were ignored, not refused
    # (the schema says at most 50).
    body = copy.deepcopy(VMWARE_REQUEST)
    body["instance"]["tags"] = [{"name": "env", "value": "prod"}]
    body["tags"] = [{"name": f"t{i}", "value": ""} for i in range(51)]

    response = post(api, "/api/instances", body)

    assert_invalid(
        response,
        "instance",
        ("tags", "max_length", "Ensure this field has no more than 50 elements."),
    )


def test_every_error_is_documented_as_problem_details_too(client):
    # Before: a client sending Accept: application/problem+json got a media type the
    # schema never named.
    document = schema(client)
    not_found = document["paths"]["/api/instances/{instance_id}"]["get"]["responses"]["404"]

    assert not_found["content"]["application/problem+json"] == {
        "schema": {"$ref": "#/components/schemas/Problem"}
    }
    problem = document["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail", "instance", "code", "errors", "requestId"} <= set(
        problem["properties"]
    )
    token = document["paths"]["/oauth/token"]["post"]["responses"]["400"]["content"]
    assert "application/problem+json" in token


def test_example_names_are_the_messages_a_client_reads(client):
    # Before: "{resource} not found", "Unsupported grant type: {grant_type}".
    document = schema(client)
    not_found = document["paths"]["/api/instances/{instance_id}"]["get"]["responses"]["404"]
    token = document["paths"]["/oauth/token"]["post"]["responses"]["400"]["content"]

    examples = not_found["content"]["application/json"]["examples"]
    assert [e["summary"] for e in examples.values()] == ["Instance not found"]
    summaries = [e["summary"] for e in token["application/json"]["examples"].values()]
    assert "Unsupported grant type: magic" in summaries
    assert not [s for s in summaries if "{" in s]


@pytest.mark.parametrize("text", ["\x1d", "\x85", " \x1c\u3000 "])
def test_what_drf_trims_away_is_white_space_to_the_schema_too(client, api, text):
    # Before: the pattern was \S, which JSON Schema's regular expressions (ECMA-262, and
    # schemathesis's validator) take U+001C-U+001F and U+0085 to match, while DRF's
    # str.strip() removes them: a schema-valid label was refused as blank (ST202).
    import jsonschema_rs

    pattern = schema(client)["components"]["schemas"]["InstanceCreate"]["properties"]["labels"]
    validator = jsonschema_rs.validator_for(
        {"type": "string", "pattern": pattern["items"]["pattern"]}
    )
    body = copy.deepcopy(VMWARE_REQUEST)
    body["instance"]["labels"] = [text]

    response = post(api, "/api/instances", body)

    assert not validator.is_valid(text)
    assert_invalid(response, "instance", ("labels.0", "blank", "This field may not be blank."))
