"""
The sample Morpheus-like API. Every error here is raised as an exception and
answered by the catalog's handler; views only decide what happened.
"""

from typing import Any, NoReturn, cast

from django.conf import settings
from django.contrib.auth.models import User
from rest_framework.exceptions import ErrorDetail, NotFound, Throttled, ValidationError
from rest_framework.permissions import AllowAny, IsAdminUser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from catalog.errors.parsers import JSONParser
from catalog.exceptions import Gone, Teapot
from morpheus_errors.api import docs, selectors, services
from morpheus_errors.api.authentication import QuietBearerTokenAuthentication
from morpheus_errors.api.models import Instance
from morpheus_errors.api.permissions import TokenScopeAllows
from morpheus_errors.api.representations import instance_data, user_data, whoami_data
from morpheus_errors.api.serializers import (
    InstanceCreateSerializer,
    InstanceTopLevelSerializer,
    InstanceUpdateSerializer,
    UserCreateSerializer,
    instance_request,
)

BUILD_VERSION = "0.1.0"


class MorpheusAPIView(APIView):
    catalog_error_codes: tuple[str, ...] = ()
    # Morpheus takes JSON bodies only; a form or multipart body is a 415.
    parser_classes = [JSONParser]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """
        DRF's initial(), with the rate limit counted right after authentication and
        before permissions, so refused and unauthenticated requests count too.
        """
        self.format_kwarg = self.get_format_suffix(**kwargs)
        request.accepted_renderer, request.accepted_media_type = self.perform_content_negotiation(
            request
        )
        request.version, request.versioning_scheme = self.determine_version(
            request, *args, **kwargs
        )
        try:
            self.perform_authentication(request)
        finally:
            self.check_throttles(request)
        self.check_permissions(request)

    def throttled(self, request: Request, wait: float | None) -> NoReturn:
        """Morpheus's code for a rate limit, rate_limited (DRF's own is throttled)."""
        raise Throttled(wait, code="rate_limited")


class PingView(MorpheusAPIView):
    """Public; the build version only for a valid token (paths/api@ping.yaml)."""

    authentication_classes = [QuietBearerTokenAuthentication]
    permission_classes = [AllowAny]

    @docs.ping
    def get(self, request: Request) -> Response:
        version = build_version() if request.user.is_authenticated else ""
        return Response({"success": True, "buildVersion": version})


class WhoamiView(MorpheusAPIView):
    @docs.whoami
    def get(self, request: Request) -> Response:
        return Response(whoami_data(request.user, build_version=build_version()))


class InstanceListView(MorpheusAPIView):
    catalog_resource = "instance"
    catalog_error_codes = ("invalid_parameters",)

    @docs.instance_list
    def get(self, request: Request) -> Response:
        params = selectors.list_params_parse(
            query=request.query_params.dict(), params_class=selectors.InstanceListParams
        )
        instances, total = selectors.instance_list(params=params, user=request.user)
        return Response(
            {
                "instances": [instance_data(instance) for instance in instances],
                "meta": list_meta(params["offset"], params["max"], len(instances), total),
            }
        )

    @docs.instance_create
    def post(self, request: Request) -> Response:
        serializer = InstanceCreateSerializer(data=payload(instance_request(request.data)))
        # The top-level members too, as documented, where the instance's own win.
        top = InstanceTopLevelSerializer(
            data=request.data if isinstance(request.data, dict) else {}
        )
        valid, top_valid = serializer.is_valid(), top.is_valid()
        if not (valid and top_valid):
            errors = dict(serializer.errors) if not valid else {}
            for field, messages in top.errors.items():
                errors.setdefault(field, messages)
            raise ValidationError(errors)
        owner = cast(User, request.user)  # IsAuthenticated let the request in
        instance = services.instance_create(owner=owner, data=serializer.validated_data)
        return Response({"success": True, "instance": instance_data(instance)})


class InstanceDetailView(MorpheusAPIView):
    catalog_resource = "instance"
    catalog_error_codes = ("not_found", "gone")

    @docs.instance_get
    def get(self, request: Request, instance_id: str) -> Response:
        return Response({"instance": instance_data(self.get_instance(instance_id))})

    @docs.instance_update
    def put(self, request: Request, instance_id: str) -> Response:
        instance = self.get_instance(instance_id)
        data = instance_request(request.data, instance_required=False)
        serializer = InstanceUpdateSerializer(data=payload(data))
        serializer.is_valid(raise_exception=True)
        instance = services.instance_update(instance=instance, data=serializer.validated_data)
        return Response({"success": True, "instance": instance_data(instance)})

    @docs.instance_delete
    def delete(self, request: Request, instance_id: str) -> Response:
        services.instance_remove(instance=self.get_instance(instance_id))
        return Response({"success": True})

    def get_instance(self, instance_id: str) -> Instance:
        instance = selectors.instance_get(instance_id=instance_id, user=self.request.user)
        if instance is None:
            raise NotFound
        if instance.removed_at is not None:
            raise Gone(resource="instance")
        return instance


class UserListView(MorpheusAPIView):
    """Admin only, as Morpheus's admin-users permission."""

    permission_classes = [IsAdminUser, TokenScopeAllows]
    catalog_resource = "user"
    catalog_error_codes = ("invalid_parameters",)

    @docs.user_list
    def get(self, request: Request) -> Response:
        params = selectors.list_params_parse(
            query=request.query_params.dict(), params_class=selectors.UserListParams
        )
        users, total = selectors.user_list(params=params)
        rows = [user_data(user) for user in users]
        meta = list_meta(params["offset"], params["max"], len(rows), total)
        return Response({"users": rows, "meta": meta})

    @docs.user_create
    def post(self, request: Request) -> Response:
        body = request.data.get("user") if isinstance(request.data, dict) else None
        serializer = UserCreateSerializer(data=payload(body, member="user"))
        serializer.is_valid(raise_exception=True)
        user = services.user_create(data=serializer.validated_data)
        return Response({"success": True, "user": user_data(user)})


class UserDetailView(MorpheusAPIView):
    permission_classes = [IsAdminUser, TokenScopeAllows]
    catalog_resource = "user"
    catalog_error_codes = ("not_found", "invalid")  # invalid: deleting oneself, or an owner

    @docs.user_get
    def get(self, request: Request, user_id: str) -> Response:
        return Response({"user": user_data(self.get_user(user_id))})

    @docs.user_delete
    def delete(self, request: Request, user_id: str) -> Response:
        services.user_delete(user=self.get_user(user_id), by=cast(User, request.user))
        return Response({"success": True})

    def get_user(self, user_id: str) -> User:
        user = selectors.user_get(user_id=user_id)
        if user is None:
            raise NotFound
        return cast(User, user)


class TeapotView(MorpheusAPIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    catalog_error_codes = ("teapot",)

    @docs.teapot
    def get(self, request: Request) -> Response:
        raise Teapot


def payload(body: Any, *, member: str = "instance") -> dict[str, Any]:
    """The request's object, as Morpheus clients send it under "instance" or "user"."""
    if body is None:
        raise ValidationError({member: [ErrorDetail("This field is required.", code="required")]})
    if not isinstance(body, dict):
        message = f"Invalid data. Expected a dictionary, but got {type(body).__name__}."
        raise ValidationError({member: [ErrorDetail(message, code="invalid")]})
    return body


def build_version() -> str:
    return str(getattr(settings, "BUILD_VERSION", BUILD_VERSION))


def list_meta(offset: int, max_: int, size: int, total: int) -> dict[str, int]:
    return {"offset": offset, "max": max_, "size": size, "total": total}
