from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from rest_framework import serializers

from catalog.exceptions import InvalidParameters
from morpheus_errors.api.models import Instance

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 25
MAX_ID = 2**63 - 1
INSTANCE_SORTS = {"id": "id", "name": "name", "dateCreated": "date_created", "status": "status"}
USER_SORTS = {
    "id": "id",
    "username": "username",
    "email": "email",
    "firstName": "first_name",
    "lastName": "last_name",
    "dateCreated": "date_joined",
}


class ListParams(serializers.Serializer[Any]):
    """
    Morpheus list parameters (components/parameters/max.yaml, offset, sort, direction,
    phrase). A max over the cap is cut to it, as Morpheus does.
    """

    sorts = INSTANCE_SORTS

    max = serializers.IntegerField(min_value=1, default=DEFAULT_PAGE_SIZE)
    offset = serializers.IntegerField(min_value=0, max_value=MAX_ID, default=0)
    sort = serializers.ChoiceField(choices=list(INSTANCE_SORTS), default="name")
    direction = serializers.ChoiceField(choices=["asc", "desc", "ASC", "DESC"], default="asc")
    phrase = serializers.CharField(max_length=200, default="", allow_blank=True)

    def validate_max(self, value: int) -> int:
        return min(value, MAX_PAGE_SIZE)


class InstanceListParams(ListParams):
    name = serializers.CharField(max_length=80, default="", allow_blank=True)


class UserListParams(ListParams):
    sorts = USER_SORTS

    sort = serializers.ChoiceField(choices=list(USER_SORTS), default="username")


def list_params_parse(*, query: dict[str, str], params_class: type[ListParams]) -> dict[str, Any]:
    params = params_class(data=query)
    if not params.is_valid():
        raise InvalidParameters(params.errors)
    return {**params.validated_data, "order": params_class.sorts[params.validated_data["sort"]]}


def page(queryset: QuerySet[Any], params: dict[str, Any]) -> tuple[list[Any], int]:
    """One page of the queryset, in the order asked for, and how many rows in all."""
    descending = params["direction"].lower() == "desc"
    queryset = queryset.order_by(f"-{params['order']}" if descending else params["order"], "id")
    offset, size = params["offset"], params["max"]
    return list(queryset[offset : offset + size]), queryset.count()


def instances_visible(*, user: Any) -> QuerySet[Instance]:
    """A user's own instances; staff see everyone's (as the admin-only users endpoint)."""
    queryset = Instance.objects.select_related("owner")
    return queryset if user.is_staff else queryset.filter(owner=user)


def instance_list(*, params: dict[str, Any], user: Any) -> tuple[list[Instance], int]:
    """A page of the instances the user sees that were not removed, and how many in all."""
    queryset = instances_visible(user=user).filter(removed_at__isnull=True)
    if params["name"]:
        queryset = queryset.filter(name__iexact=params["name"])
    if params["phrase"]:
        phrase = params["phrase"]
        queryset = queryset.filter(Q(name__icontains=phrase) | Q(description__icontains=phrase))
    return page(queryset, params)


def instance_get(*, instance_id: str, user: Any) -> Instance | None:
    """
    The instance with this id, removed or not, if the user sees it; None for an id that
    can't exist or is someone else's (a 404 either way: no existence oracle).
    """
    pk = id_parse(instance_id)
    return None if pk is None else instances_visible(user=user).filter(pk=pk).first()


def id_parse(value: str) -> int | None:
    """A path id as a bigint; None for one that can't exist."""
    if not (value.isascii() and value.isdigit()) or len(value) > 19:
        return None  # (an int of over 4,300 digits can't even be read)
    return int(value) if int(value) <= MAX_ID else None


def user_list(*, params: dict[str, Any]) -> tuple[list[Any], int]:
    """A page of users; phrase matches the username or the email (paths/api@users.yaml)."""
    queryset = get_user_model().objects.all()
    if params["phrase"]:
        phrase = params["phrase"]
        queryset = queryset.filter(Q(username__icontains=phrase) | Q(email__icontains=phrase))
    return page(queryset, params)


def user_get(*, user_id: str) -> Any | None:
    pk = id_parse(user_id)
    return None if pk is None else get_user_model().objects.filter(pk=pk).first()
