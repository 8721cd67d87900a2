from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from rest_framework.exceptions import ValidationError

from morpheus_errors.api.inventory import PLANS
from morpheus_errors.api.models import Instance


def instance_create(*, owner: User, data: dict[str, Any]) -> Instance:
    """An instance from a validated create request; cores and memory are the plan's."""
    plan_id = data["plan"]["id"]
    plan = PLANS[plan_id]
    volumes = [
        {**volume, "size": volume.get("size") or plan.storage_gb}
        for volume in data.get("volumes") or [{"id": -1, "rootVolume": True, "name": "root"}]
    ]
    return Instance.objects.create(
        owner=owner,
        name=data["name"],
        display_name=data.get("displayName") or data["name"],
        description=data.get("description") or "",
        host_name=data.get("hostName") or data["name"],
        instance_context=data.get("instanceContext", ""),
        instance_type=data["instanceType"]["code"],
        group_id=data["site"]["id"],
        cloud_id=data.get("zoneId"),
        cloud_name=data.get("cloud", ""),
        plan_id=plan_id,
        layout_id=data["layout"]["id"],
        layout_code=data["layout"].get("code", ""),
        cpu=plan.cores,
        memory_mb=plan.memory_mb,
        storage_gb=sum(volume["size"] for volume in volumes),
        volumes=volumes,
        interfaces=data.get("networkInterfaces", []),
        labels=data.get("labels", []),
        tags=data.get("tags", data.get("metadata", [])),
        config=data.get("config", {}),
    )


FIELDS = {
    "name": "name",
    "displayName": "display_name",
    "instanceContext": "instance_context",
    "labels": "labels",
}


@transaction.atomic
def instance_update(*, instance: Instance, data: dict[str, Any]) -> Instance:
    """An update as instanceUpdate.yaml describes it: given members replaced, tags edited."""
    for member, field in FIELDS.items():
        if member in data:
            setattr(instance, field, data[member])
    if "description" in data:
        instance.description = data["description"] or ""
    if "site" in data:
        instance.group_id = data["site"]["id"]
    if "config" in data:
        instance.config = {**instance.config, **data["config"]}
    tags = data.get("tags", data.get("metadata", instance.tags))
    instance.tags = tags_edit(
        tags=tags, add=data.get("addTags", []), remove=data.get("removeTags", [])
    )
    instance.save()
    return instance


def tags_edit(
    *, tags: list[dict[str, str]], add: list[dict[str, str]], remove: list[dict[str, Any]]
) -> list[dict[str, str]]:
    """addTags adds or updates by name; removeTags removes by name (and value, if given)."""
    by_name = {tag["name"]: tag for tag in tags}
    for tag in add:
        by_name[tag["name"]] = {"name": tag["name"], "value": tag["value"]}
    for tag in remove:
        current = by_name.get(tag["name"])
        if current is not None and tag.get("value") in (None, current["value"]):
            del by_name[tag["name"]]
    return list(by_name.values())


def instance_remove(*, instance: Instance) -> None:
    """Removed instances stay in the database, so that they answer 410 Gone."""
    instance.removed_at = timezone.now()
    instance.status = "removed"
    instance.save(update_fields=["removed_at", "status", "last_updated"])


def user_create(*, data: dict[str, Any]) -> User:
    admin = any(role["id"] == 1 for role in data.get("roles", []))
    return User.objects.create_user(
        username=data["username"],
        email=data["email"],
        password=data["password"],
        first_name=data.get("firstName", ""),
        last_name=data.get("lastName", ""),
        is_staff=admin,
    )


def user_delete(*, user: User, by: User) -> None:
    """Deleted, unless it is the requester or still owns instances (removed ones too)."""
    if user.pk == by.pk:
        raise ValidationError({"id": ["You can't delete your own user."]})
    if user.instances.exists():
        raise ValidationError({"instances": ["This user still owns instances."]})
    user.delete()
