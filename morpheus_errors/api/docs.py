"""
What drf-spectacular can't guess about the sample API's views (APIViews, not generic
ones): the Morpheus request bodies, and the answers as representations.py builds them.
"""

from typing import Any

from drf_spectacular.utils import extend_schema, inline_serializer

from morpheus_errors.api import selectors
from morpheus_errors.api.serializers import (
    ConfigField,
    InstanceCreateSerializer,
    InstanceTopLevelSerializer,
    InstanceUpdateSerializer,
    UserCreateSerializer,
)

INT = {"type": "integer", "format": "int64"}
STRING = {"type": "string"}
NULLABLE_STRING = {"type": "string", "nullable": True}
NULLABLE_INT = {**INT, "nullable": True}
DATE = {"type": "string", "format": "date-time"}
NULLABLE_DATE = {**DATE, "nullable": True}


def obj(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties}


def array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


ID_NAME = obj(id=NULLABLE_INT, name=NULLABLE_STRING)
ID_USERNAME = obj(id=INT, username=STRING)
TAG = obj(name=STRING, value=STRING)
META = obj(offset=INT, max=INT, size=INT, total=INT)
SUCCESS = obj(success={"type": "boolean"})
VOLUME = obj(
    id=INT,
    rootVolume={"type": "boolean"},
    name=STRING,
    size=INT,
    maxStorage=INT,
    sizeId=NULLABLE_INT,
    storageType={"nullable": True},
    datastoreId={"nullable": True},
)
INTERFACE = obj(
    id=NULLABLE_STRING,
    network=obj(id={"oneOf": [INT, STRING]}),
    ipAddress=NULLABLE_STRING,
    ipMode=STRING,
    networkInterfaceTypeId=NULLABLE_INT,
)
INSTANCE = obj(
    id=INT,
    uuid={"type": "string", "format": "uuid"},
    accountId=INT,
    tenant=obj(id=INT, name=STRING),
    instanceType=obj(id=INT, code=STRING, category=STRING, name=STRING),
    group=ID_NAME,
    cloud=ID_NAME,
    layout=obj(id=NULLABLE_INT, code=NULLABLE_STRING),
    plan=obj(id=NULLABLE_INT, code=NULLABLE_STRING, name=NULLABLE_STRING),
    name=STRING,
    displayName=STRING,
    description=NULLABLE_STRING,
    hostName=STRING,
    instanceContext=NULLABLE_STRING,
    config={"type": "object", "additionalProperties": True},
    volumes=array(VOLUME),
    interfaces=array(INTERFACE),
    labels=array(STRING),
    tags=array(TAG),
    maxMemory={**INT, "description": "bytes, the plan's memory"},
    maxCores={**INT, "description": "the plan's cores"},
    maxStorage={**INT, "description": "bytes, the volumes' sizes added up"},
    status=STRING,
    dateCreated=DATE,
    lastUpdated=DATE,
    createdBy=ID_USERNAME,
    owner=ID_USERNAME,
)
ROLE = obj(id=INT, authority=STRING, description=STRING)
USER = obj(
    id=INT,
    accountId=INT,
    username=STRING,
    displayName=STRING,
    email=STRING,
    firstName=STRING,
    lastName=STRING,
    enabled={"type": "boolean"},
    accountExpired={"type": "boolean"},
    accountLocked={"type": "boolean"},
    passwordExpired={"type": "boolean"},
    lastLoginDate=NULLABLE_DATE,
    roles=array(ROLE),
    account=obj(id=INT, name=STRING),
    dateCreated=DATE,
)
PERMISSION = obj(name=STRING, code=STRING, access=STRING)

CREATE_BODY = inline_serializer(
    "InstanceCreateRequest",
    {"instance": InstanceCreateSerializer(), **InstanceTopLevelSerializer().get_fields()},
)
UPDATE_BODY = inline_serializer(
    "InstanceUpdateRequest",
    {"instance": InstanceUpdateSerializer(), "config": ConfigField(required=False)},
)
USER_BODY = inline_serializer("UserCreateRequest", {"user": UserCreateSerializer()})


def saved(member: str, schema: dict[str, Any]) -> dict[str, Any]:
    return obj(success={"type": "boolean"}, **{member: schema})


ping = extend_schema(
    responses={
        200: obj(
            success={"type": "boolean"},
            buildVersion={**STRING, "description": "Empty unless the request has a valid token"},
        )
    }
)
whoami = extend_schema(
    responses={
        200: obj(
            user=USER,
            isMasterAccount={"type": "boolean"},
            permissions=array(PERMISSION),
            appliance=obj(buildVersion=STRING),
        )
    }
)
instance_list = extend_schema(
    operation_id="instances_list",
    parameters=[selectors.InstanceListParams],
    responses={200: obj(instances=array(INSTANCE), meta=META)},
)
instance_create = extend_schema(request=CREATE_BODY, responses={200: saved("instance", INSTANCE)})
instance_get = extend_schema(responses={200: obj(instance=INSTANCE)})
instance_update = extend_schema(request=UPDATE_BODY, responses={200: saved("instance", INSTANCE)})
instance_delete = extend_schema(responses={200: SUCCESS})
user_list = extend_schema(
    operation_id="users_list",
    parameters=[selectors.UserListParams],
    responses={200: obj(users=array(USER), meta=META)},
)
user_create = extend_schema(request=USER_BODY, responses={200: saved("user", USER)})
user_get = extend_schema(responses={200: obj(user=USER)})
user_delete = extend_schema(responses={200: SUCCESS})
teapot = extend_schema(responses={})
