from typing import Any

from django.db.models import QuerySet
from rest_framework import serializers

from catalog.exceptions import InvalidParameters
from morpheus_errors.api.models import Instance

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 25
MAX_ID = 2**63 - 1
SORT_FIELDS = {"id": "id", "name": "name", "dateCreated": "date_created", "status": "status"}


class ListParams(serializers.Serializer[Any]):
    """Morpheus list parameters. A max over the cap is cut to it, as Morpheus does."""

    max = serializers.IntegerField(min_value=1, default=DEFAULT_PAGE_SIZE)
    offset = serializers.IntegerField(min_value=0, max_value=MAX_ID, default=0)
    sort = serializers.ChoiceField(choices=list(SORT_FIELDS), default="name")
    direction = serializers.ChoiceField(choices=["asc", "desc", "ASC", "DESC"], default="asc")
    phrase = serializers.CharField(max_length=200, default="", allow_blank=True)

    def validate_max(self, value: int) -> int:
        return min(value, MAX_PAGE_SIZE)


def list_params_parse(*, query: dict[str, str]) -> dict[str, Any]:
    params = ListParams(data=query)
    if not params.is_valid():
        raise InvalidParameters(params.errors)
    return dict(params.validated_data)


def instances_visible(*, user: Any) -> QuerySet[Instance]:
    """A user's own instances; staff see everyone's (as the admin-only users endpoint)."""
    queryset = Instance.objects.select_related("owner")
    return queryset if user.is_staff else queryset.filter(owner=user)


def instance_list(*, params: dict[str, Any], user: Any) -> tuple[list[Instance], int]:
    """A page of the instances the user sees that were not removed, and how many in all."""
    queryset = instances_visible(user=user).filter(removed_at__isnull=True)
    if params["phrase"]:
        queryset = queryset.filter(name__icontains=params["phrase"])
    order = SORT_FIELDS[params["sort"]]
    descending = params["direction"].lower() == "desc"
    queryset = queryset.order_by(f"-{order}" if descending else order, "id")
    offset, size = params["offset"], params["max"]
    return list(queryset[offset : offset + size]), queryset.count()


def instance_get(*, instance_id: str, user: Any) -> Instance | None:
    """
    The instance with this id, removed or not, if the user sees it; None for an id that
    can't exist or is someone else's (a 404 either way: no existence oracle).
    """
    if not (instance_id.isascii() and instance_id.isdigit()) or len(instance_id) > 19:
        return None  # (an int of over 4,300 digits can't even be read)
    if int(instance_id) > MAX_ID:
        return None
    return instances_visible(user=user).filter(pk=int(instance_id)).first()
