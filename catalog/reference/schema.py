"""
OpenAPI (drf-spectacular) for an API whose errors come from the catalog.

CatalogAutoSchema (REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"]) documents, on every
operation, the error responses it can answer, with the ``Error`` component and
one named example per catalog reason, each produced by the real handler from
the live catalog: editing the catalog changes the documented examples.

Which errors an operation can answer is decided from the view:

- always: 406 not_acceptable, 429 rate_limited, 500 server_error,
  503 maintenance and service_unavailable;
- 401 not_authenticated, invalid_token, token_expired unless its permission
  classes are only AllowAny; 403 permission_denied when they go beyond
  IsAuthenticated;
- 400 invalid and parse_error for methods with a body;
- plus the codes the view names: ``catalog_error_codes = ("not_found", "gone")``.

A path that is not a DRF view (an OAuth token endpoint, say) gets the same
responses from error_responses() in a POSTPROCESSING_HOOKS function.

The examples are in the schema's language: drf-spectacular's ``?lang=`` parameter
(/api/schema/?lang=de; Swagger UI passes on its own ?lang=), which activates that
language while the schema is generated; English without it. A parameter rather
than Accept-Language, so that a schema's URL names its language.
"""

from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpRequest
from django.utils import translation
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiExample, OpenApiResponse
from rest_framework import serializers
from rest_framework.permissions import AllowAny, IsAuthenticated

from catalog.errors.conversion import view_resource_name
from catalog.errors.formatter import PROBLEM_JSON, status_phrase
from catalog.errors.languages import SOURCE_LANGUAGE, catalog_localized, language_supported
from catalog.errors.snapshot import catalog_get
from catalog.reference.examples import example_get
from catalog.reference.rendering import schema_text
from catalog.reference.serializers import ErrorSerializer, ProblemSerializer
from catalog.types import Catalog

ALWAYS_CODES = (
    "not_acceptable",
    "rate_limited",
    "server_error",
    "maintenance",
    "service_unavailable",
)
AUTHENTICATION_CODES = ("not_authenticated", "invalid_token", "token_expired")
PERMISSION_CODES = ("permission_denied",)
BODY_CODES = ("invalid", "parse_error")
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
ERROR_COMPONENT_REF = {"$ref": "#/components/schemas/Error"}
PROBLEM_COMPONENT_REF = {"$ref": "#/components/schemas/Problem"}


def _stripped_class() -> str:
    """
    A character DRF's trimming (str.strip()) keeps, as a regular expression: "\\S" would
    do in Python, but JSON Schema's ECMA-262 (and schemathesis's validator) counts fewer
    characters as white space (not U+001C-U+001F or U+0085), so each is named.
    """
    spaces = [code for code in range(0x10000) if chr(code).isspace()]
    ranges: list[list[int]] = []
    for code in spaces:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    parts = [
        f"\\u{low:04x}" if low == high else f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges
    ]
    return f"[^{''.join(parts)}]"


NOT_ONLY_STRIPPED = _stripped_class()


class CatalogAutoSchema(AutoSchema):
    def _map_serializer_field(
        self, field: Any, direction: Any, bypass_extensions: bool = False
    ) -> dict[str, Any]:
        schema: dict[str, Any] = super()._map_serializer_field(  # type: ignore[no-untyped-call]
            field, direction, bypass_extensions
        )
        # A CharField that refuses "" (allow_blank=False, DRF's default) answers 400 to
        # it: the schema says so, or a client generated from it sends "" and fails.
        if (
            direction == "request"
            and isinstance(field, serializers.CharField)
            and not field.allow_blank
            and schema.get("type") == "string"
            and "minLength" not in schema
            and "enum" not in schema
        ):
            schema["minLength"] = 1
            if field.trim_whitespace and "pattern" not in schema:
                schema["pattern"] = NOT_ONLY_STRIPPED  # DRF trims: spaces alone are "" too
        return schema

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        catalog = catalog_get()
        request = getattr(self.view, "request", None)
        for status, codes in errors_by_status(catalog, self.catalog_error_codes()).items():
            if str(status) in responses:
                continue
            response = error_openapi_response(
                catalog,
                status,
                codes,
                request=request,
                resource=self.catalog_resource(),
                language=schema_language(),
            )
            responses[str(status)] = self._get_response_for_code(  # type: ignore[no-untyped-call]
                response, str(status), direction=direction
            )
            responses[str(status)]["headers"] = error_headers(status)
            # Every error is also sent as problem details to a client that asks for them.
            problem = self.resolve_serializer(ProblemSerializer, direction)
            responses[str(status)]["content"][PROBLEM_JSON] = {"schema": problem.ref}
        return dict(sorted(responses.items()))

    def catalog_error_codes(self) -> list[str]:
        """The catalog reasons this operation can answer; override to change the rules."""
        return view_error_codes(self.view, self.method)

    def catalog_resource(self) -> str | None:
        """What the view serves, for the {resource} of the examples (as the handler names it)."""
        return view_resource_name(self.view)


def view_error_codes(view: Any, method: str) -> list[str]:
    codes = list(ALWAYS_CODES)
    permissions = [type(permission) for permission in view.get_permissions()]
    if not all(issubclass(permission, AllowAny) for permission in permissions):
        codes += AUTHENTICATION_CODES
    if any(not issubclass(p, (AllowAny, IsAuthenticated)) for p in permissions):
        codes += PERMISSION_CODES
    if method.upper() in BODY_METHODS:
        codes += BODY_CODES
    codes += getattr(view, "catalog_error_codes", ())
    return list(dict.fromkeys(codes))


def errors_by_status(catalog: Catalog, codes: Iterable[str]) -> dict[int, list[str]]:
    """Catalog codes grouped under their status; codes the catalog lacks are left out."""
    grouped: dict[int, list[str]] = {}
    for code in codes:
        reason = catalog.reasons.get(code)
        if reason is not None:
            grouped.setdefault(reason.status, []).append(code)
    return grouped


def error_headers(status: int) -> dict[str, Any]:
    """The headers every error carries, and those HTTP requires of its status."""
    string = {"schema": {"type": "string"}}
    headers: dict[str, Any] = {
        "X-Request-ID": {**string, "description": "Equals requestId in the body."}
    }
    if status == 401:
        headers["WWW-Authenticate"] = {**string, "description": "The Bearer challenge."}
    if status == 405:
        headers["Allow"] = {**string, "description": "The methods the endpoint accepts."}
    if status in (429, 503):
        retry = {"schema": {"type": "integer"}, "description": "Seconds to wait."}
        headers["Retry-After"] = retry
    return headers


def schema_language() -> str:
    """The language of the schema being generated: drf-spectacular's ?lang=, else English."""
    return language_supported(translation.get_language())


def error_openapi_response(
    catalog: Catalog,
    status: int,
    codes: Sequence[str],
    *,
    request: HttpRequest | None,
    resource: str | None = None,
    language: str = SOURCE_LANGUAGE,
) -> OpenApiResponse:
    localized = catalog_localized(catalog, language)
    entry = localized.statuses.get(status)
    title = entry.title if entry else status_phrase(status)
    bodies = {
        code: example_get(
            catalog.reasons[code], request=request, resource=resource, language=language
        ).body
        for code in codes
    }
    examples = [
        OpenApiExample(
            name=code,
            # The message as a client reads it, placeholders filled ("Instance not found").
            summary=schema_text(body["msg"]),
            value=body,
            status_codes=[str(status)],
            response_only=True,
        )
        for code, body in bodies.items()
    ]
    description = schema_text(f"{title}: {entry.description}" if entry else title)
    return OpenApiResponse(response=ErrorSerializer, description=description, examples=examples)


def error_responses(
    codes: Iterable[str], *, request: HttpRequest | None = None, resource: str | None = None
) -> dict[str, dict[str, Any]]:
    """
    OpenAPI responses for a path added by hand (a POSTPROCESSING_HOOKS function):
    ``operation["responses"].update(error_responses(["invalid_token"], request=request))``.
    They refer to the ``Error`` component, which every DRF operation already registers.
    """
    catalog = catalog_get()
    responses: dict[str, dict[str, Any]] = {}
    for status, status_codes in errors_by_status(catalog, codes).items():
        response = error_openapi_response(
            catalog,
            status,
            status_codes,
            request=request,
            resource=resource,
            language=schema_language(),
        )
        examples = {
            example.name: {"summary": example.summary, "value": example.value}
            for example in response.examples or []
        }
        responses[str(status)] = {
            "description": response.description,
            "headers": error_headers(status),
            "content": {
                "application/json": {"schema": ERROR_COMPONENT_REF, "examples": examples},
                PROBLEM_JSON: {"schema": PROBLEM_COMPONENT_REF},
            },
        }
    return responses
