"""Views that exist only to drive each error path of the catalog through real requests."""

from typing import Any

from django.contrib.auth.models import User
from django.core import exceptions as django_exceptions
from django.http import Http404, HttpRequest, HttpResponse
from django_ratelimit.decorators import ratelimit as library_ratelimit
from rest_framework import exceptions, serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from catalog import exceptions as catalog_exceptions
from catalog.errors.ratelimit import ratelimit


class Boom(Exception):
    pass


SECRET_TEXT = "secret-internal-detail: password=hunter2 SELECT * FROM auth_user"

EXCEPTIONS: dict[str, Any] = {
    "parse-error": lambda: exceptions.ParseError("JSON parse error - Expecting value"),
    "not-authenticated": exceptions.NotAuthenticated,
    "authentication-failed": exceptions.AuthenticationFailed,
    "token-expired": lambda: exceptions.AuthenticationFailed(code="token_expired"),
    "invalid-token": lambda: exceptions.AuthenticationFailed(code="invalid_token"),
    "permission-denied": exceptions.PermissionDenied,
    "not-found": exceptions.NotFound,
    "not-acceptable": exceptions.NotAcceptable,
    "unsupported-media-type": lambda: exceptions.UnsupportedMediaType("text/csv"),
    "throttled": lambda: exceptions.Throttled(wait=12.2),
    "django-http404": lambda: Http404(SECRET_TEXT),
    "django-permission-denied": lambda: django_exceptions.PermissionDenied(SECRET_TEXT),
    "django-validation-error": lambda: django_exceptions.ValidationError(
        {"name": ["Ensure this value has at most 10 characters."]}
    ),
    "suspicious": lambda: django_exceptions.SuspiciousOperation(SECRET_TEXT),
    "gone": lambda: catalog_exceptions.Gone(resource="instance"),
    "teapot": catalog_exceptions.Teapot,
    "maintenance": lambda: catalog_exceptions.Maintenance(retry_after=120),
    "service-unavailable": catalog_exceptions.ServiceUnavailable,
    "unhandled": lambda: Boom(SECRET_TEXT),
    "unknown-status": lambda: type("Odd", (exceptions.APIException,), {"status_code": 499})(),
}


class OpenView(APIView):
    """The catalog's tests don't depend on the project's authentication or rate limits."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = []


class RaiseView(OpenView):
    """GET /api/test/raise/<name> raises the named exception."""

    def get(self, request: Request, name: str) -> Response:
        raise EXCEPTIONS[name]()


class BearerRaiseView(RaiseView):
    """RaiseView behind a bearer authenticator: DRF keeps 401s, with its challenge."""

    def get_authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'


class ConfigSerializer(serializers.Serializer[Any]):
    size = serializers.IntegerField(max_value=10)


class InstanceSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=10)
    config = ConfigSerializer()
    tags = serializers.ListField(child=serializers.IntegerField())


class InstanceView(OpenView):
    catalog_resource = "instance"

    def get(self, request: Request) -> Response:
        raise Http404

    def post(self, request: Request) -> Response:
        serializer = InstanceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response({"instance": serializer.validated_data}, status=201)


class UserCountView(OpenView):
    """Needs the database: 503 when it is unreachable."""

    def get(self, request: Request) -> Response:
        return Response({"users": User.objects.count()})


class RateLimitedView(OpenView):
    def get(self, request: Request) -> Response:
        return Response({"ok": True})


rate_limited_view = ratelimit(key="ip", rate="2/h")(RateLimitedView.as_view())
library_rate_limited_view = library_ratelimit(key="ip", rate="1/h")(RateLimitedView.as_view())


def django_boom(request: HttpRequest) -> HttpResponse:
    """A plain Django view failing outside DRF (handler500)."""
    raise Boom(SECRET_TEXT)


def django_suspicious(request: HttpRequest) -> HttpResponse:
    raise django_exceptions.SuspiciousOperation(SECRET_TEXT)


def django_database_count(request: HttpRequest) -> HttpResponse:
    return HttpResponse(str(User.objects.count()))


def plain_gone(request: HttpRequest) -> HttpResponse:
    """A 4xx the catalog never sees: a view answering it by hand."""
    return HttpResponse("gone", status=410)


def form_post(request: HttpRequest) -> HttpResponse:
    """A plain Django view that reads a form body (CSRF-protected)."""
    return HttpResponse(request.POST.get("name", ""))


class WriteThenRaiseView(OpenView):
    """POST /api/test/write-then-raise: saves a user, then fails (ATOMIC_REQUESTS rolls back)."""

    def post(self, request: Request) -> Response:
        User.objects.create_user(username="half-done")
        raise exceptions.NotFound()
