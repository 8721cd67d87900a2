from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from morpheus_errors.api.models import Instance


def instance_create(*, owner: User, data: dict[str, Any]) -> Instance:
    return Instance.objects.create(owner=owner, **data)


@transaction.atomic
def instance_update(*, instance: Instance, data: dict[str, Any]) -> Instance:
    for field, value in data.items():
        setattr(instance, field, value)
    instance.save()
    return instance


def instance_remove(*, instance: Instance) -> None:
    """Removed instances stay in the database, so that they answer 410 Gone."""
    instance.removed_at = timezone.now()
    instance.status = "removed"
    instance.save(update_fields=["removed_at", "status", "last_updated"])
