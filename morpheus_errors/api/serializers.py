"""Instances in the Morpheus JSON shape (camelCase, nested instanceType and config)."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from morpheus_errors.api.models import Instance


class InstanceTypeSerializer(serializers.Serializer[Any]):
    code = serializers.RegexField(
        r"^[a-z0-9][a-z0-9-]{0,49}$", max_length=50, source="instance_type"
    )


class InstanceConfigSerializer(serializers.Serializer[Any]):
    cpu = serializers.IntegerField(min_value=1, max_value=64)
    memoryMB = serializers.IntegerField(min_value=256, max_value=1048576, source="memory_mb")


class BoundedListField(serializers.ListField):
    """A ListField that refuses a list over max_length before validating any item."""

    def to_internal_value(self, data: Any) -> list[Any]:
        if self.max_length is not None and isinstance(data, list) and len(data) > self.max_length:
            self.fail("max_length", max_length=self.max_length)
        return super().to_internal_value(data)


class InstanceSerializer(serializers.ModelSerializer[Instance]):
    instanceType = InstanceTypeSerializer(source="*", required=False)
    config = InstanceConfigSerializer(source="*", required=False)
    labels = BoundedListField(
        child=serializers.CharField(max_length=40), max_length=20, required=False
    )
    owner = serializers.SerializerMethodField()
    dateCreated = serializers.DateTimeField(source="date_created", read_only=True)
    lastUpdated = serializers.DateTimeField(source="last_updated", read_only=True)

    class Meta:
        model = Instance
        fields = [
            "id",
            "name",
            "description",
            "instanceType",
            "status",
            "config",
            "labels",
            "owner",
            "dateCreated",
            "lastUpdated",
        ]
        read_only_fields = ["id", "status"]

    @extend_schema_field(
        {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "username": {"type": "string"}},
        }
    )
    def get_owner(self, instance: Instance) -> dict[str, Any]:
        return {"id": instance.owner_id, "username": instance.owner.get_username()}

    def to_representation(self, instance: Instance) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["instanceType"] = {"code": instance.instance_type}
        data["config"] = {"cpu": instance.cpu, "memoryMB": instance.memory_mb}
        return data
