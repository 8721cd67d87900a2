"""
The catalog owns the wording; DRF and the project own the behaviour. Each error is
sent through DRF's own handler and the catalog's, on the same views.
"""

from typing import Any

import pytest
from django.conf import settings
from django.core import exceptions as django_exceptions
from django.http import Http404
from django.test import Client, override_settings
from django.urls import path
from oauth2_provider.contrib.rest_framework import OAuth2Authentication
from rest_framework import authentication, exceptions, pagination, serializers
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.test import APIClient
from rest_framework.views import APIView

from catalog.errors.conversion import mapped_exceptions
from catalog.models import ErrorReason
from tests.asserts import assert_catalog_error


class IsbnRegistryDown(Exception):
    """A project's own exception, not an APIException (CATALOG_EXCEPTIONS maps it)."""


RAISED: dict[str, Any] = {
    "parse-error": lambda: exceptions.ParseError(),
    "authentication-failed": lambda: exceptions.AuthenticationFailed(),
    "not-authenticated": lambda: exceptions.NotAuthenticated(),
    "permission-denied": lambda: exceptions.PermissionDenied(),
    "not-found": lambda: exceptions.NotFound(),
    "method-not-allowed": lambda: exceptions.MethodNotAllowed("DELETE"),
    "not-acceptable": lambda: exceptions.NotAcceptable(),
    "unsupported-media-type": lambda: exceptions.UnsupportedMediaType("text/csv"),
    "throttled": lambda: exceptions.Throttled(wait=12.2),
    "validation-error": lambda: exceptions.ValidationError({"name": ["Too long."]}),
    "api-exception": lambda: exceptions.APIException(),
    "django-http404": lambda: Http404(),
    "django-permission-denied": lambda: django_exceptions.PermissionDenied(),
    "custom-not-found": lambda: exceptions.NotFound(
        "No article with slug 'foo'.", code="article_not_found"
    ),
    "custom-permission-denied": lambda: exceptions.PermissionDenied(
        "Only the author may edit it."
    ),
    "isbn-registry-down": lambda: IsbnRegistryDown("isbn-registry.internal refused"),
    "django-validation-error": lambda: django_exceptions.ValidationError({"name": ["Too long."]}),
}
NOT_DRFS = {"isbn-registry-down", "django-validation-error"}  # DRF's handler leaves them
AUTHENTICATORS = {
    "session": authentication.SessionAuthentication,
    "basic": authentication.BasicAuthentication,
    "token": authentication.TokenAuthentication,
    "bearer": OAuth2Authentication,
}
CHALLENGES = {
    "session": None,
    "basic": 'Basic realm="api"',
    "token": "Token",
    "bearer": 'Bearer realm="api"',
}


def raising_view(authenticator: type) -> Any:
    class RaisingView(APIView):
        authentication_classes = [authenticator]
        permission_classes = [AllowAny]
        throttle_classes = []

        def get(self, request: Request, name: str) -> Response:
            raise RAISED[name]()

    return RaisingView.as_view()


class ArticleSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(max_length=5)
    slug = serializers.SlugField()


class ArticleListView(ListAPIView):
    authentication_classes = [authentication.SessionAuthentication]
    permission_classes = [AllowAny]
    pagination_class = type("Pages", (pagination.PageNumberPagination,), {"page_size": 2})
    serializer_class = ArticleSerializer

    def get_queryset(self) -> list[dict[str, str]]:
        return []

    def post(self, request: Request) -> Response:
        serializer = ArticleSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(serializer.data, status=201)


class SessionOnlyView(APIView):
    authentication_classes = [authentication.SessionAuthentication]
    permission_classes = [IsAuthenticated]

    def post(self, request: Request) -> Response:
        return Response({"ok": True})


class BrowsableView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]

    def get(self, request: Request) -> Response:
        raise exceptions.NotFound()


urlpatterns = [
    *[path(f"api/{name}/<str:name>", raising_view(cls)) for name, cls in AUTHENTICATORS.items()],
    path("api/articles", ArticleListView.as_view()),
    path("api/session-only", SessionOnlyView.as_view()),
    path("api/browsable", BrowsableView.as_view()),
]

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.test_drf_contracts")]
DRF_HANDLER = "rest_framework.views.exception_handler"


def drf_answer(client: Client, url: str) -> Any:
    with override_settings(
        REST_FRAMEWORK={**settings.REST_FRAMEWORK, "EXCEPTION_HANDLER": DRF_HANDLER}
    ):
        return client.get(url)


def drf_code(response: Any) -> str:
    data = response.data
    detail = data.get("detail") if isinstance(data, dict) else None
    return str(getattr(detail, "code", None) or "invalid")


@pytest.mark.parametrize("authenticator", AUTHENTICATORS)
@pytest.mark.parametrize("name", [name for name in RAISED if name not in NOT_DRFS])
def test_status_challenge_retry_after_allow_and_code_are_drfs(client, authenticator, name):
    url = f"/api/{authenticator}/{name}"

    drf = drf_answer(client, url)
    ours = client.get(url)

    headers = ("WWW-Authenticate", "Retry-After", "Allow")
    assert ours.status_code == drf.status_code
    assert [ours.get(h) for h in headers] == [drf.get(h) for h in headers]
    assert ours.json()["code"] == drf_code(drf)
    assert ours.json()["status"] == drf.status_code


@pytest.mark.parametrize(
    ("authenticator", "status"),
    [("session", 403), ("basic", 401), ("token", 401), ("bearer", 401)],
)
def test_an_anonymous_request_gets_the_first_authenticators_challenge_or_403(
    client, authenticator, status
):
    response = client.get(f"/api/{authenticator}/not-authenticated")

    assert response.status_code == status
    assert response.get("WWW-Authenticate") == CHALLENGES[authenticator]
    assert ("error" in response.json()) is (authenticator == "bearer")


def test_a_django_validation_error_is_the_one_conversion_the_catalog_adds(client):
    # DRF's own handler leaves it unhandled (a 500); the catalog answers 400 invalid,
    # as drf-standardized-errors' convert_known_exceptions does.
    drf = drf_answer(client, "/api/session/django-validation-error")
    response = client.get("/api/session/django-validation-error")

    assert drf.status_code == 500
    assert (response.status_code, response.json()["code"]) == (400, "invalid")
    assert response.json()["errors"] == {"name": "Too long."}


def test_a_custom_code_the_catalog_lacks_keeps_its_code_and_message(client, caplog):
    response = client.get("/api/session/custom-not-found")

    assert_catalog_error(
        response,
        status=404,
        code="article_not_found",
        msg="No article with slug 'foo'.",
        title="Not Found",
        anchor="404",
    )
    assert "catalog gap: no reason for status 404, code article_not_found" in caplog.text


def test_a_message_given_at_the_raise_site_is_kept(client):
    response = client.get("/api/session/custom-permission-denied")

    assert_catalog_error(
        response,
        status=403,
        code="permission_denied",
        msg="Only the author may edit it.",
        title="Forbidden",
    )


@override_settings(CATALOG_REFRESH_INTERVAL=0)
def test_an_editor_overrides_the_raise_sites_message_with_the_reasons_choice(client):
    ErrorReason.objects.filter(code="permission_denied").update(
        overrides_detail=True, message="Not yours to change"
    )

    response = client.get("/api/session/custom-permission-denied")

    assert response.json()["msg"] == "Not yours to change"


@override_settings(CATALOG_REFRESH_INTERVAL=0)
def test_an_editor_shows_the_raise_sites_message_with_the_detail_placeholder(client):
    ErrorReason.objects.filter(code="permission_denied").update(
        overrides_detail=True, message="Refused: {detail}"
    )

    response = client.get("/api/session/custom-permission-denied")

    assert response.json()["msg"] == "Refused: Only the author may edit it."


def test_drfs_csrf_failure_keeps_its_code_and_says_what_failed():
    client = APIClient(enforce_csrf_checks=True)
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user(username="ann", password="x-long-password"))
    response = client.post("/api/session-only", {}, format="json")

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert response.json()["msg"].startswith("CSRF Failed:")


def test_an_invalid_page_says_so(client):
    response = client.get("/api/articles?page=7")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert response.json()["msg"] == "Invalid page."


def test_field_codes_survive_beside_the_flat_errors():
    response = APIClient().post(
        "/api/articles", {"title": "far too long", "slug": "a b"}, format="json"
    )

    body = response.json()
    assert body["errors"] == {
        "title": "Ensure this field has no more than 5 characters.",
        "slug": 'Enter a valid "slug" consisting of letters, numbers, underscores or hyphens.',
    }
    assert [(e["field"], e["code"]) for e in body["fieldErrors"]] == [
        ("title", "max_length"),
        ("slug", "invalid"),
    ]


def test_field_codes_are_an_extension_member_of_problem_json():
    response = APIClient().post(
        "/api/articles", {"slug": "ok"}, format="json", HTTP_ACCEPT="application/problem+json"
    )

    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["fieldErrors"] == [
        {"field": "title", "code": "required", "message": "This field is required."}
    ]


def test_the_handler_returns_a_drf_response_whose_data_is_the_body():
    response = APIClient().get("/api/session/not-found")

    assert response.data == response.json()
    assert response.data["code"] == "not_found"


def test_the_browsable_api_renders_the_catalog_body():
    response = Client().get("/api/browsable", HTTP_ACCEPT="text/html")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "Resource not found" in response.content.decode()


@override_settings(
    CATALOG_EXCEPTIONS={f"{__name__}.IsbnRegistryDown": (502, "isbn_registry_down")}
)
def test_a_projects_own_exception_is_mapped_by_the_setting(client):
    mapped_exceptions.cache_clear()

    response = client.get("/api/session/isbn-registry-down")

    body = response.json()
    assert (response.status_code, body["code"]) == (502, "isbn_registry_down")
    assert body["msg"] == "Bad Gateway."
    assert "isbn-registry.internal" not in response.content.decode()


def test_without_the_setting_a_projects_exception_is_a_500_that_tells_nothing(client):
    response = client.get("/api/session/isbn-registry-down")

    assert (response.status_code, response.json()["code"]) == (500, "server_error")
    assert "isbn-registry.internal" not in response.content.decode()


@override_settings(
    CATALOG_EXCEPTIONS={f"{__name__}.IsbnRegistryDown": [502, "isbn_registry_down"]}
)
def test_a_mapping_written_with_a_list_works_too(client):
    response = client.get("/api/session/isbn-registry-down")

    assert (response.status_code, response.json()["code"]) == (502, "isbn_registry_down")


@override_settings(CATALOG_EXCEPTIONS={"no.such.Exception": (502, "x"), "broken": 7})
def test_a_mapping_that_cant_be_used_never_breaks_an_error_response(client):
    response = client.get("/api/session/not-found")

    assert (response.status_code, response.json()["code"]) == (404, "not_found")
