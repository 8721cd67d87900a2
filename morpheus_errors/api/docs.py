"""What drf-spectacular can't guess about the sample API's views (APIViews, not generic ones)."""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers

from catalog.reference.serializers import ListMetaSerializer
from morpheus_errors.api.serializers import InstanceSerializer


class UserSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    username = serializers.CharField()
    email = serializers.CharField()
    firstName = serializers.CharField()
    lastName = serializers.CharField()
    isAdmin = serializers.BooleanField()


class PermissionSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    access = serializers.CharField()


LIST_PARAMETERS = [
    OpenApiParameter("max", OpenApiTypes.INT),
    OpenApiParameter("offset", OpenApiTypes.INT),
    OpenApiParameter("sort", OpenApiTypes.STR, enum=["id", "name", "dateCreated", "status"]),
    OpenApiParameter("direction", OpenApiTypes.STR, enum=["asc", "desc"]),
    OpenApiParameter("phrase", OpenApiTypes.STR),
]
INSTANCE_BODY = inline_serializer("InstanceBody", {"instance": InstanceSerializer()})
INSTANCE_SAVED = inline_serializer(
    "InstanceSaved", {"success": serializers.BooleanField(), "instance": InstanceSerializer()}
)

ping = extend_schema(
    responses=inline_serializer(
        "Ping", {"success": serializers.BooleanField(), "buildVersion": serializers.CharField()}
    )
)
whoami = extend_schema(
    responses=inline_serializer(
        "Whoami", {"user": UserSerializer(), "permissions": PermissionSerializer(many=True)}
    )
)
instance_list = extend_schema(
    operation_id="instances_list",
    parameters=LIST_PARAMETERS,
    responses=inline_serializer(
        "InstanceList", {"instances": InstanceSerializer(many=True), "meta": ListMetaSerializer()}
    ),
)
instance_create = extend_schema(request=INSTANCE_BODY, responses={201: INSTANCE_SAVED})
instance_get = extend_schema(
    responses=inline_serializer("InstanceDetail", {"instance": InstanceSerializer()})
)
instance_update = extend_schema(request=INSTANCE_BODY, responses=INSTANCE_SAVED)
instance_delete = extend_schema(
    responses=inline_serializer("Deleted", {"success": serializers.BooleanField()})
)
users = extend_schema(
    parameters=LIST_PARAMETERS,
    responses=inline_serializer(
        "UserList", {"users": UserSerializer(many=True), "meta": ListMetaSerializer()}
    ),
)
teapot = extend_schema(responses={})
