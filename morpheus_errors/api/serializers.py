"""
Instance requests as Morpheus clients send them (components/schemas/instanceCreate.yaml,
instanceUpdate.yaml): the members of "instance" with the top-level zoneId, config,
volumes, networkInterfaces, labels and tags merged in, so that every field error is
named as Morpheus names it ("name", "plan.id", "volumes.0.size").
"""

import json
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import get_error_detail

from morpheus_errors.api.inventory import INSTANCE_TYPES, PLANS

MAX_ID = 2**63 - 1
MAX_CONFIG_CHARS = 16_384
TOP_LEVEL = ("zoneId", "config", "volumes", "networkInterfaces", "labels", "tags", "metadata")


class TextField(serializers.CharField):
    """
    A CharField that takes text only: DRF's turns a number into its digits, which the
    schema (type string) does not allow and Morpheus clients never send.
    """

    default_error_messages = {"invalid": "Not a valid string."}

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return str(super().to_internal_value(data))


class FlagField(serializers.BooleanField):
    """A BooleanField that takes true and false only, not DRF's "yes", 1 or "on"."""

    def to_internal_value(self, data: Any) -> bool:
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class NumberField(serializers.IntegerField):
    """An IntegerField that takes JSON numbers only, not DRF's "12" or true."""

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            self.fail("invalid")
        return int(super().to_internal_value(data))


@extend_schema_field(
    {
        "type": "string",
        "nullable": True,
        "minLength": 1,
        "anyOf": [{"format": "ipv4"}, {"format": "ipv6"}],
    }
)
class AddressField(serializers.IPAddressField):
    """An IPv4 or IPv6 address, documented as one (drf-spectacular says only "string")."""


class BoundedListField(serializers.ListField):
    """A ListField that refuses a list over max_length before validating any item."""

    def to_internal_value(self, data: Any) -> list[Any]:
        if self.max_length is not None and isinstance(data, list) and len(data) > self.max_length:
            self.fail("max_length", max_length=self.max_length)
        return super().to_internal_value(data)


class CodeField(serializers.ChoiceField):
    """A choice of codes, matched in any case and answered in lowercase."""

    def to_internal_value(self, data: Any) -> str:
        if isinstance(data, str) and data.lower() in self.choices:
            return data.lower()
        shown = data if isinstance(data, str) and len(data) <= 50 else "…"
        self.fail("invalid_choice", input=shown)


class ConfigField(serializers.DictField):
    """Provider options, stored as given: an object of at most MAX_CONFIG_CHARS as JSON."""

    default_error_messages = {
        "too_large": f"Ensure this object has no more than {MAX_CONFIG_CHARS} characters."
    }

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        value = super().to_internal_value(data)
        if len(json.dumps(value)) > MAX_CONFIG_CHARS:
            self.fail("too_large")
        return value


@extend_schema_field(
    {
        "oneOf": [
            {"type": "integer", "minimum": -MAX_ID, "maximum": MAX_ID},
            {"type": "string", "maxLength": 80},
        ],
        "nullable": True,
    }
)
class IdOrCodeField(serializers.Field[Any, Any, Any, Any]):
    """A datastore or storage type: an id, a code, or null (instanceCreateVolume.yaml)."""

    default_error_messages = {"invalid": "Must be an integer, a string or null."}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(allow_null=True, required=False, **kwargs)

    def to_internal_value(self, data: Any) -> int | str:
        if isinstance(data, int) and not isinstance(data, bool) and abs(data) <= MAX_ID:
            return data
        if isinstance(data, str) and len(data) <= 80:
            return data
        if isinstance(data, dict) and set(data) <= {"id", "code"}:
            return self.to_internal_value(data.get("code", data.get("id")))
        self.fail("invalid")

    def to_representation(self, value: Any) -> Any:
        return value


class ReferenceSerializer(serializers.Serializer[Any]):
    id = NumberField(min_value=1, max_value=MAX_ID)


class LayoutSerializer(ReferenceSerializer):
    code = TextField(max_length=255, required=False, allow_blank=True)


class PlanSerializer(serializers.Serializer[Any]):
    id = serializers.ChoiceField(choices=sorted(PLANS))


class InstanceTypeSerializer(serializers.Serializer[Any]):
    code = CodeField(choices=sorted(INSTANCE_TYPES))


class VolumeSerializer(serializers.Serializer[Any]):
    id = NumberField(min_value=-1, max_value=MAX_ID, default=-1)
    rootVolume = FlagField(default=True)
    name = TextField(max_length=80, default="root")
    size = NumberField(min_value=1, max_value=65_536, required=False)
    sizeId = NumberField(min_value=1, max_value=MAX_ID, required=False, allow_null=True)
    storageType = IdOrCodeField()
    datastoreId = IdOrCodeField()


class NetworkSerializer(serializers.Serializer[Any]):
    id = TextField(max_length=80)


class NetworkInterfaceSerializer(serializers.Serializer[Any]):
    network = NetworkSerializer()
    networkInterfaceTypeId = NumberField(
        min_value=1, max_value=MAX_ID, required=False, allow_null=True
    )
    ipMode = serializers.ChoiceField(choices=["static", "dhcp"], default="dhcp")
    ipAddress = AddressField(required=False, allow_null=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["ipMode"] == "static" and not attrs.get("ipAddress"):
            raise serializers.ValidationError({"ipAddress": "Required when ipMode is static."})
        return attrs


class TagSerializer(serializers.Serializer[Any]):
    name = TextField(max_length=255)
    value = TextField(max_length=255, allow_blank=True, default="")


def labels_field() -> BoundedListField:
    return BoundedListField(child=TextField(max_length=40), max_length=20, required=False)


def tags_field() -> BoundedListField:
    return BoundedListField(child=TagSerializer(), max_length=50, required=False)


class RemoveTagSerializer(serializers.Serializer[Any]):
    name = TextField(max_length=255)
    value = TextField(max_length=255, allow_blank=True, allow_null=True, required=False)


class InstanceFieldsSerializer(serializers.Serializer[Any]):
    """The members a create and an update request share, all optional here."""

    name = TextField(max_length=80, required=False)
    displayName = TextField(max_length=255, required=False, allow_blank=True)
    description = TextField(max_length=255, required=False, allow_blank=True, allow_null=True)
    instanceContext = TextField(max_length=80, required=False, allow_blank=True)
    site = ReferenceSerializer(required=False)
    labels = labels_field()
    tags = tags_field()
    metadata = tags_field()  # an alias of tags
    config = ConfigField(required=False)


class InstanceUpdateSerializer(InstanceFieldsSerializer):
    """PUT /api/instances/:id (instanceUpdate.yaml): every member optional."""

    addTags = tags_field()
    removeTags = BoundedListField(child=RemoveTagSerializer(), max_length=50, required=False)


class InstanceCreateSerializer(InstanceFieldsSerializer):
    """POST /api/instances (instanceCreate.yaml): name, site, instanceType, layout, plan."""

    name = TextField(max_length=80)
    site = ReferenceSerializer()
    instanceType = InstanceTypeSerializer()
    layout = LayoutSerializer()
    plan = PlanSerializer()
    hostName = TextField(max_length=255, required=False, allow_blank=True)
    cloud = TextField(max_length=255, required=False, allow_blank=True)
    zoneId = NumberField(min_value=1, max_value=MAX_ID, required=False)
    volumes = BoundedListField(child=VolumeSerializer(), max_length=20, required=False)
    networkInterfaces = BoundedListField(
        child=NetworkInterfaceSerializer(), max_length=10, required=False
    )


class InstanceTopLevelSerializer(serializers.Serializer[Any]):
    """
    The members a create request may send beside "instance" (Morpheus's examples do),
    checked as the schema documents them even where the instance's own win.
    """

    zoneId = NumberField(min_value=1, required=False, help_text="The cloud's id")
    config = ConfigField(required=False)
    volumes = serializers.ListField(child=VolumeSerializer(), max_length=20, required=False)
    networkInterfaces = serializers.ListField(
        child=NetworkInterfaceSerializer(), max_length=10, required=False
    )
    labels = labels_field()
    tags = tags_field()


def instance_request(body: Any, *, instance_required: bool = True) -> Any:
    """
    The object under "instance", with the request's top-level members merged in (the
    instance's own win); None when the body has no "instance" object and needs one
    (an update may send only its config: instanceUpdate.yaml requires nothing), and
    what it is instead when it is not an object.
    """
    if not isinstance(body, dict):
        return None
    instance = body.get("instance", None if instance_required else {})
    if not isinstance(instance, dict):
        return instance  # payload() says what is wrong with it
    merged = {key: body[key] for key in TOP_LEVEL if key in body}
    return {**merged, **instance}


class RoleSerializer(serializers.Serializer[Any]):
    id = serializers.ChoiceField(choices=[1, 2])  # representations.ROLES: 1 admin, 2 user


class UserCreateSerializer(serializers.Serializer[Any]):
    """POST /api/users (paths/api@users.yaml): the "user" object."""

    username = TextField(max_length=150, validators=[UnicodeUsernameValidator()])
    email = serializers.EmailField(max_length=254)
    firstName = TextField(max_length=150, required=False, allow_blank=True)
    lastName = TextField(max_length=150, required=False, allow_blank=True)
    password = TextField(max_length=128, write_only=True, trim_whitespace=False)
    roles = BoundedListField(child=RoleSerializer(), max_length=5, required=False)

    def validate_username(self, value: str) -> str:
        if get_user_model().objects.filter(username__iexact=value).exists():
            raise serializers.ValidationError(
                "A user with that username already exists.", code="unique"
            )
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        user = get_user_model()(username=attrs["username"], email=attrs["email"])
        try:
            validate_password(attrs["password"], user=user)
        except DjangoValidationError as error:
            # Each validator's message with its code (password_too_common, ...).
            raise serializers.ValidationError({"password": get_error_detail(error)}) from error
        return attrs
