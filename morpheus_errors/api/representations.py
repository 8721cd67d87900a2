"""
What the sample API answers, in the members Morpheus documents
(components/schemas/instance.yaml, user.yaml; paths/api@whoami.yaml).
"""

import re
from typing import Any

from rest_framework import serializers

from morpheus_errors.api.inventory import GB, INSTANCE_TYPES, MB, PLANS, InstanceType
from morpheus_errors.api.models import Instance

# The demo is one tenant, the master one (whoami's isMasterAccount).
ACCOUNT = {"id": 1, "name": "mastertenant"}
ROLES = {
    True: {"id": 1, "authority": "System Admin", "description": "Super User"},
    False: {"id": 2, "authority": "User", "description": "Provisions and manages instances"},
}
NETWORK_ID = re.compile(r"^(?:network|subnet)-([0-9]{1,18})$|^([0-9]{1,18})$")
_dates = serializers.DateTimeField()


def date(value: Any) -> str | None:
    return None if value is None else str(_dates.to_representation(value))


def instance_data(instance: Instance) -> dict[str, Any]:
    owner = {"id": instance.owner_id, "username": instance.owner.get_username()}
    return {
        "id": instance.pk,
        "uuid": str(instance.uuid),
        "accountId": ACCOUNT["id"],
        "tenant": ACCOUNT,
        "instanceType": instance_type_data(instance.instance_type),
        "group": {"id": instance.group_id, "name": None},
        "cloud": {"id": instance.cloud_id, "name": instance.cloud_name or None},
        "layout": {"id": instance.layout_id, "code": instance.layout_code or None},
        "plan": plan_data(instance.plan_id),
        "name": instance.name,
        "displayName": instance.display_name or instance.name,
        "description": instance.description or None,
        "hostName": instance.host_name or instance.name,
        "instanceContext": instance.instance_context or None,
        "config": dict(instance.config),
        "volumes": [volume_data(volume) for volume in instance.volumes],
        "interfaces": [interface_data(interface) for interface in instance.interfaces],
        "labels": list(instance.labels),
        "tags": list(instance.tags),
        "maxMemory": instance.memory_mb * MB,
        "maxCores": instance.cpu,
        "maxStorage": instance.storage_gb * GB,
        "status": instance.status,
        "dateCreated": date(instance.date_created),
        "lastUpdated": date(instance.last_updated),
        "createdBy": owner,  # the demo has no change of owner: the creator owns it
        "owner": owner,
    }


def instance_type_data(code: str) -> dict[str, Any]:
    known = INSTANCE_TYPES.get(code, InstanceType(0, code, ""))
    return {"id": known.id, "code": code, "category": known.category, "name": known.name}


def plan_data(plan_id: int | None) -> dict[str, Any]:
    plan = PLANS.get(plan_id) if plan_id is not None else None
    if plan is None:
        return {"id": plan_id, "code": None, "name": None}
    return {"id": plan_id, "code": plan.code, "name": plan.name}


def volume_data(volume: dict[str, Any]) -> dict[str, Any]:
    """A volume as answered: its datastoreId a string, as instance.yaml types it ("auto")."""
    data = {**volume, "maxStorage": volume["size"] * GB}
    if data.get("datastoreId") is not None:
        data["datastoreId"] = str(data["datastoreId"])
    return data


def interface_data(interface: dict[str, Any]) -> dict[str, Any]:
    """An interface as answered: "network-110" in the request is network id 110."""
    network_id: Any = interface["network"]["id"]
    match = NETWORK_ID.match(str(network_id))
    if match:
        network_id = int(match.group(1) or match.group(2))
    return {
        "id": None,
        "network": {"id": network_id},
        "ipAddress": interface.get("ipAddress"),
        "ipMode": interface.get("ipMode", "dhcp"),
        "networkInterfaceTypeId": interface.get("networkInterfaceTypeId"),
    }


def user_data(user: Any) -> dict[str, Any]:
    full_name = f"{user.first_name} {user.last_name}".strip()
    return {
        "id": user.pk,
        "accountId": ACCOUNT["id"],
        "username": user.get_username(),
        "displayName": full_name or user.get_username(),
        "email": user.email,
        "firstName": user.first_name,
        "lastName": user.last_name,
        "enabled": user.is_active,
        "accountExpired": False,
        "accountLocked": False,
        "passwordExpired": False,
        "lastLoginDate": date(user.last_login),
        "roles": [ROLES[bool(user.is_staff)]],
        "account": ACCOUNT,
        "dateCreated": date(user.date_joined),
    }


def whoami_data(user: Any, *, build_version: str) -> dict[str, Any]:
    users_access = "full" if user.is_staff else "none"
    return {
        "user": user_data(user),
        "isMasterAccount": True,
        "permissions": [
            {"name": "Instances", "code": "instances", "access": "full"},
            {"name": "Users", "code": "admin-users", "access": users_access},
        ],
        "appliance": {"buildVersion": build_version},
    }
