"""
The sample Morpheus-like API. Every error here is raised as an exception and
answered by the catalog's handler; views only decide what happened.
"""

from typing import Any, NoReturn, cast

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from rest_framework.exceptions import NotFound, Throttled, ValidationError
from rest_framework.permissions import AllowAny, IsAdminUser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from catalog.exceptions import Gone, Teapot
from morpheus_errors.api import docs, selectors, services
from morpheus_errors.api.models import Instance
from morpheus_errors.api.permissions import TokenScopeAllows
from morpheus_errors.api.serializers import InstanceSerializer

BUILD_VERSION = "0.1.0"


class MorpheusAPIView(APIView):
    catalog_error_codes: tuple[str, ...] = ()

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
    authentication_classes = []
    permission_classes = [AllowAny]

    @docs.ping
    def get(self, request: Request) -> Response:
        version = getattr(settings, "BUILD_VERSION", BUILD_VERSION)
        return Response({"success": True, "buildVersion": version})


class WhoamiView(MorpheusAPIView):
    @docs.whoami
    def get(self, request: Request) -> Response:
        user = request.user
        access = "full" if user.is_staff else "none"
        return Response(
            {
                "user": user_data(user),
                "permissions": [
                    {"code": "instances", "access": "full"},
                    {"code": "admin-users", "access": access},
                ],
            }
        )


class InstanceListView(MorpheusAPIView):
    catalog_resource = "instance"
    catalog_error_codes = ("invalid_parameters",)

    @docs.instance_list
    def get(self, request: Request) -> Response:
        params = selectors.list_params_parse(query=request.query_params.dict())
        instances, total = selectors.instance_list(params=params, user=request.user)
        return Response(
            {
                "instances": InstanceSerializer(instances, many=True).data,
                "meta": list_meta(params["offset"], params["max"], len(instances), total),
            }
        )

    @docs.instance_create
    def post(self, request: Request) -> Response:
        serializer = InstanceSerializer(data=instance_payload(request))
        serializer.is_valid(raise_exception=True)
        owner = cast(User, request.user)  # IsAuthenticated let the request in
        instance = services.instance_create(owner=owner, data=serializer.validated_data)
        return Response({"success": True, "instance": InstanceSerializer(instance).data}, 201)


class InstanceDetailView(MorpheusAPIView):
    catalog_resource = "instance"
    catalog_error_codes = ("not_found", "gone")

    @docs.instance_get
    def get(self, request: Request, instance_id: str) -> Response:
        instance = self.get_instance(instance_id)
        return Response({"instance": InstanceSerializer(instance).data})

    @docs.instance_update
    def put(self, request: Request, instance_id: str) -> Response:
        instance = self.get_instance(instance_id)
        serializer = InstanceSerializer(instance, data=instance_payload(request), partial=True)
        serializer.is_valid(raise_exception=True)
        instance = services.instance_update(instance=instance, data=serializer.validated_data)
        return Response({"success": True, "instance": InstanceSerializer(instance).data})

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
    permission_classes = [IsAdminUser, TokenScopeAllows]
    catalog_error_codes = ("invalid_parameters",)

    @docs.users
    def get(self, request: Request) -> Response:
        params = selectors.list_params_parse(query=request.query_params.dict())
        offset, size = params["offset"], params["max"]
        users = get_user_model().objects.order_by("username")
        rows = [user_data(user) for user in users[offset : offset + size]]
        return Response({"users": rows, "meta": list_meta(offset, size, len(rows), users.count())})


class TeapotView(MorpheusAPIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    catalog_error_codes = ("teapot",)

    @docs.teapot
    def get(self, request: Request) -> Response:
        raise Teapot


def instance_payload(request: Request) -> Any:
    """The object under "instance", as Morpheus clients send it."""
    if not isinstance(request.data, dict) or not isinstance(request.data.get("instance"), dict):
        raise ValidationError({"instance": ["This field is required."]})
    return request.data["instance"]


def user_data(user: Any) -> dict[str, Any]:
    return {
        "id": user.pk,
        "username": user.get_username(),
        "email": user.email,
        "firstName": user.first_name,
        "lastName": user.last_name,
        "isAdmin": user.is_staff,
    }


def list_meta(offset: int, max_: int, size: int, total: int) -> dict[str, int]:
    return {"offset": offset, "max": max_, "size": size, "total": total}
