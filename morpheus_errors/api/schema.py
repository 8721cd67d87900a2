"""OpenAPI for what drf-spectacular can't see: the token endpoint is a plain Django view."""

from typing import Any

from django.http import HttpRequest
from drf_spectacular.extensions import OpenApiAuthenticationExtension

from catalog.reference.schema import error_responses

TOKEN_ERRORS = [
    "invalid_grant",
    "unsupported_grant_type",
    "invalid_request",
    "invalid_client",
    "rate_limited",
    "server_error",
    "service_unavailable",
]
FORM_FIELDS = {
    "client_id": {"type": "string", "example": "morph-api"},
    "grant_type": {"type": "string", "enum": ["password", "refresh_token"]},
    "scope": {"type": "string", "example": "write"},
    "username": {"type": "string", "minLength": 1},
    "password": {"type": "string", "format": "password", "minLength": 1},
    "refresh_token": {"type": "string", "minLength": 1},
}
TOKEN = {
    "type": "object",
    "required": ["access_token", "token_type", "expires_in", "scope"],
    "properties": {
        "access_token": {"type": "string"},
        "refresh_token": {"type": "string"},
        "token_type": {"type": "string", "enum": ["bearer"]},
        "expires_in": {"type": "integer"},
        "scope": {"type": "string"},
    },
}


def token_path(
    result: dict[str, Any], generator: Any, request: HttpRequest | None, public: bool
) -> dict[str, Any]:
    """POSTPROCESSING_HOOKS: POST /oauth/token as Morpheus clients call it."""
    query = [
        {"name": name, "in": "query", "required": False, "schema": FORM_FIELDS[name]}
        for name in ("client_id", "grant_type", "scope")
    ]
    result["paths"]["/oauth/token"] = {
        "post": {
            "operationId": "oauth_token_create",
            "summary": "Get an access token (password grant) or refresh one",
            "tags": ["oauth"],
            "security": [],
            "parameters": query,
            "requestBody": {
                "content": {
                    "application/x-www-form-urlencoded": {
                        "schema": {"type": "object", "properties": FORM_FIELDS}
                    }
                }
            },
            "responses": {
                "200": {
                    "description": "An access token",
                    "content": {"application/json": {"schema": TOKEN}},
                },
                **error_responses(TOKEN_ERRORS, request=request),
            },
        }
    }
    return result


def static_address_required(
    result: dict[str, Any], generator: Any, request: HttpRequest | None, public: bool
) -> dict[str, Any]:
    """POSTPROCESSING_HOOKS: an interface with ipMode static names its ipAddress."""
    interface = result.get("components", {}).get("schemas", {}).get("NetworkInterface")
    if interface is not None:
        interface["anyOf"] = [
            {"properties": {"ipMode": {"enum": ["dhcp"]}}},
            {"required": ["ipAddress"], "properties": {"ipAddress": {"type": "string"}}},
        ]
    return result


class BearerTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """Bearer tokens from /oauth/token, as drf-spectacular should document them."""

    target_class = "morpheus_errors.api.authentication.BearerTokenAuthentication"
    match_subclasses = True  # QuietBearerTokenAuthentication (ping) too
    name = "bearer"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "http", "scheme": "bearer", "description": "A token from /oauth/token"}
