"""OpenAPI from drf-spectacular with the catalog's errors (catalog/reference/schema.py)."""

import json
import re
from typing import Any

import pytest
from django.test import override_settings
from django.urls import path
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from rest_framework.permissions import IsAdminUser, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from catalog.models import ErrorReason, ErrorReasonTranslation, ErrorStatus, ErrorStatusTranslation
from catalog.reference.schema import error_responses

pytestmark = pytest.mark.django_db

ALWAYS = {"406", "429", "500", "503"}


def schema(client) -> dict[str, Any]:
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    document: dict[str, Any] = response.json()
    return document


def examples(operation: dict[str, Any], status: str) -> dict[str, Any]:
    content = operation["responses"][status]["content"]["application/json"]
    assert content["schema"] == {"$ref": "#/components/schemas/Error"}
    return {name: example["value"] for name, example in content["examples"].items()}


def without_request_id(body: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in body.items() if key != "requestId"}


class PrivateView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request: Request) -> Response:
        return Response({})

    def post(self, request: Request) -> Response:
        return Response({})


class AdminView(APIView):
    permission_classes = [IsAdminUser]
    catalog_error_codes = ("not_found", "gone")
    catalog_resource = "instance"

    def delete(self, request: Request) -> Response:
        return Response(status=204)


def generated(*patterns: Any) -> dict[str, Any]:
    document: dict[str, Any] = SchemaGenerator(patterns=list(patterns)).get_schema(public=True)
    return document


def test_the_schema_is_valid_openapi_3_with_the_morpheus_error_component(client):
    document = schema(client)

    validate_schema(document)
    assert document["openapi"].startswith("3.")
    error = document["components"]["schemas"]["Error"]
    assert set(error["properties"]) == {
        "success", "msg", "errors", "status", "code", "title", "helpUrl", "requestId",
        "error", "error_description", "msgEnglish", "fieldErrors", "errorsOmitted",
    }  # fmt: skip
    assert set(error["required"]) == set(error["properties"]) - {
        "error", "error_description", "msgEnglish", "fieldErrors", "errorsOmitted",
    }  # fmt: skip
    field_error = document["components"]["schemas"]["FieldError"]
    assert set(field_error["properties"]) == {"field", "code", "message"}


def test_the_json_catalog_documents_the_errors_it_can_answer(client):
    paths = schema(client)["paths"]

    listing = paths["/api/error-codes"]["get"]
    detail = paths["/api/error-codes/{status}"]["get"]
    assert set(listing["responses"]) == {"200", "400", *ALWAYS}
    assert {p["name"]: p["schema"] for p in listing["parameters"]} == {
        "max": {"type": "integer", "minimum": 1, "default": 25},
        "offset": {"type": "integer", "minimum": 0, "maximum": 1000, "default": 0},
    }
    assert set(detail["responses"]) == {"200", "404", *ALWAYS}
    assert set(examples(detail, "503")) == {"Maintenance", "ServiceUnavailable"}
    assert listing["security"] == [{}]


def test_documented_examples_are_what_the_api_answers(client):
    detail = schema(client)["paths"]["/api/error-codes/{status}"]["get"]

    documented = examples(detail, "404")["NotFound"]
    answered = client.get("/api/error-codes/499").json()
    assert without_request_id(documented) == without_request_id(answered)
    assert documented["msg"] == "Error code not found"
    refused = client.get("/api/error-codes", HTTP_ACCEPT="text/csv").json()
    assert without_request_id(examples(detail, "406")["NotAcceptable"]) == (
        without_request_id(refused)
    )


@override_settings(CATALOG_REFRESH_INTERVAL=60)
def test_a_catalog_edit_changes_the_documented_examples(
    client, django_capture_on_commit_callbacks
):
    schema(client)

    with django_capture_on_commit_callbacks(execute=True):
        reason = ErrorReason.objects.get(code="rate_limited")
        reason.message = "Easy there: too many requests"
        reason.save()
    listing = schema(client)["paths"]["/api/error-codes"]["get"]

    example = listing["responses"]["429"]["content"]["application/json"]["examples"]
    assert example["RateLimited"]["value"]["msg"] == "Easy there: too many requests"
    assert example["RateLimited"]["summary"] == "Easy there: too many requests"


def test_an_authenticated_view_documents_401_but_not_403_and_bodies_documents_400():
    document = generated(path("api/private", PrivateView.as_view()))

    operations = document["paths"]["/api/private"]
    assert set(operations["get"]["responses"]) == {"200", "401", *ALWAYS}
    assert set(operations["post"]["responses"]) == {"200", "400", "401", *ALWAYS}
    assert set(examples(operations["get"], "401")) == {
        "NotAuthenticated", "InvalidToken", "TokenExpired",
    }  # fmt: skip
    assert set(examples(operations["post"], "400")) == {"Invalid", "ParseError"}
    assert examples(operations["post"], "400")["Invalid"]["errors"]


def test_a_view_beyond_is_authenticated_documents_403_and_its_own_codes():
    document = generated(path("api/admin/instances/<int:pk>", AdminView.as_view()))

    operation = document["paths"]["/api/admin/instances/{id}"]["delete"]
    assert set(operation["responses"]) == {"204", "401", "403", "404", "410", *ALWAYS}
    assert examples(operation, "404")["NotFound"]["msg"] == "Instance not found"
    assert examples(operation, "410")["Gone"]["code"] == "gone"
    assert examples(operation, "403")["PermissionDenied"]["status"] == 403


def test_a_path_added_by_hand_gets_the_same_error_responses():
    responses = error_responses(["invalid_token", "invalid", "no_such_code"], resource="token")

    assert set(responses) == {"400", "401"}
    invalid = responses["400"]["content"]["application/json"]
    assert invalid["schema"] == {"$ref": "#/components/schemas/Error"}
    assert invalid["examples"]["invalid"]["value"]["msg"] == "Unable to save token"
    token = responses["401"]["content"]["application/json"]["examples"]["invalid_token"]
    assert token["value"]["error"] == "invalid_token"


def test_swagger_ui_is_served_with_no_external_asset(client):
    page = client.get("/api/docs/")
    script = client.get("/api/docs/", {"script": ""})

    assert page.status_code == 200
    content = page.content.decode()
    assert "<script>" not in content, "the start-up script is a file of its own"
    sources = re.findall(r'(?:src|href)="([^"]+)"', content)
    assert sources
    assert all(source.startswith("/") for source in sources), sources
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in script.content.decode()


def test_error_responses_document_the_headers_http_requires(client):
    listing = schema(client)["paths"]["/api/error-codes"]["get"]
    private = generated(path("api/private", PrivateView.as_view()))["paths"]["/api/private"]

    assert set(listing["responses"]["429"]["headers"]) == {"X-Request-ID", "Retry-After"}
    assert set(listing["responses"]["503"]["headers"]) == {"X-Request-ID", "Retry-After"}
    assert set(listing["responses"]["406"]["headers"]) == {"X-Request-ID"}
    assert set(private["get"]["responses"]["401"]["headers"]) == {
        "X-Request-ID",
        "WWW-Authenticate",
    }


def test_the_token_endpoint_is_documented_with_its_catalog_errors(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()

    operation = schema["paths"]["/oauth/token"]["post"]
    assert set(operation["responses"]) == {"200", "400", "401", "429", "500", "503"}
    examples = operation["responses"]["400"]["content"]["application/json"]["examples"]
    assert {example["value"]["code"] for example in examples.values()} == {
        "invalid_grant",
        "unsupported_grant_type",
        "invalid_request",
    }
    assert operation["responses"]["401"]["content"]["application/json"]["examples"]


@pytest.fixture
def german_401(catalog_untranslated: None) -> None:
    status = ErrorStatus.objects.get(status=401)
    ErrorStatusTranslation.objects.create(
        status=status, language="de", title="Nicht autorisiert", description="Anmeldung fehlt."
    )
    ErrorReasonTranslation.objects.create(
        reason=ErrorReason.objects.get(code="invalid_token"),
        language="de",
        message="Ungültiges Zugriffstoken",
    )


def token_401(document: dict[str, Any]) -> dict[str, Any]:
    response: dict[str, Any] = document["paths"]["/oauth/token"]["post"]["responses"]["401"]
    return response


def whoami_401(document: dict[str, Any]) -> dict[str, Any]:
    response: dict[str, Any] = document["paths"]["/api/whoami"]["get"]["responses"]["401"]
    return response


def test_the_schema_in_german_documents_what_a_german_client_gets(client, german_401, api):
    document = client.get("/api/schema/", {"format": "json", "lang": "de"}).json()

    validate_schema(document)
    response = whoami_401(document)
    example = response["content"]["application/json"]["examples"]["InvalidToken"]
    assert response["description"] == "Nicht autorisiert: Anmeldung fehlt."
    assert example["summary"] == "Ungültiges Zugriffstoken"
    answered = client.get(
        "/api/whoami", HTTP_AUTHORIZATION="Bearer nope", HTTP_ACCEPT_LANGUAGE="de"
    ).json()
    assert without_request_id(example["value"]) == without_request_id(answered)
    assert example["value"]["msg"] == "Ungültiges Zugriffstoken"
    assert example["value"]["msgEnglish"] == "Invalid access token"
    assert example["value"]["title"] == "Nicht autorisiert"
    assert example["value"]["code"] == "invalid_token"
    assert example["value"]["error"] == "invalid_token"


def test_paths_added_by_hand_are_documented_in_the_schemas_language_too(client, german_401):
    document = client.get("/api/schema/", {"format": "json", "lang": "de"}).json()

    examples = token_401(document)["content"]["application/json"]["examples"]
    assert examples["invalid_client"]["value"]["title"] == "Nicht autorisiert"


@pytest.mark.parametrize(
    ("query", "headers"),
    [({}, {}), ({}, {"HTTP_ACCEPT_LANGUAGE": "de"}), ({"lang": "xx"}, {}), ({"lang": "en"}, {})],
)
def test_the_schema_is_english_without_a_lang_it_has(client, german_401, query, headers):
    document = client.get("/api/schema/", {"format": "json", **query}, **headers).json()

    example = whoami_401(document)["content"]["application/json"]["examples"]["InvalidToken"]
    assert example["value"]["msg"] == "Invalid access token"
    assert example["value"]["title"] == "Unauthorized"
    assert "msgEnglish" not in example["value"]


def test_the_german_and_english_schemas_can_follow_each_other(client, german_401):
    german = client.get("/api/schema/", {"format": "json", "lang": "de"}).json()
    english = client.get("/api/schema/", {"format": "json"}).json()

    assert whoami_401(german)["description"].startswith("Nicht autorisiert")
    assert whoami_401(english)["description"].startswith("Unauthorized")


def test_swagger_ui_asks_for_the_schema_in_its_own_language(client):
    page = client.get("/api/docs/", {"lang": "de"})
    script = client.get("/api/docs/", {"script": "", "lang": "de"})

    assert page.status_code == 200
    assert script.status_code == 200
    url = re.search(r'\burl: ("[^"]*")', script.content.decode())
    assert url is not None
    assert json.loads(url[1]) == "/api/schema/?lang=de"
