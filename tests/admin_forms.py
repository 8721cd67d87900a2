"""Building admin POSTs and users for the admin tests."""

from typing import Any

from django.contrib.auth.models import Group, User
from django.test import Client

from catalog.models import ErrorStatus

EDITORS = "Catalog editors"


def status_post(status: ErrorStatus, /, **changes: Any) -> dict[str, Any]:
    """
    The POST of a status's change page as the browser sends it (its reasons and
    translations unchanged), with changes: title="..." for the status, or
    reason__<code>__<field>="..." for a reason.
    """
    reasons = list(status.reasons.order_by("code"))
    data: dict[str, Any] = {
        "status": status.status,
        "title": status.title,
        "description": status.description,
        "troubleshooting": status.troubleshooting,
        "reasons-TOTAL_FORMS": len(reasons),
        "reasons-INITIAL_FORMS": len(reasons),
        "reasons-MIN_NUM_FORMS": 0,
        "reasons-MAX_NUM_FORMS": 1000,
        **inline_management("translations", status.translations.count()),
    }
    for index, reason in enumerate(reasons):
        prefix = f"reasons-{index}-"
        data.update(
            {
                prefix + "id": reason.pk,
                prefix + "status": status.pk,
                prefix + "code": reason.code,
                prefix + "message": reason.message,
                prefix + "placeholders": reason.placeholders,
                prefix + "troubleshooting": reason.troubleshooting,
            }
        )
        for key, value in changes.items():
            if key.startswith(f"reason__{reason.code}__"):
                data[prefix + key.rsplit("__", 1)[1]] = value
    for index, translation in enumerate(status.translations.all()):
        prefix = f"translations-{index}-"
        data.update(
            {
                prefix + "id": translation.pk,
                prefix + "status": status.pk,
                prefix + "language": translation.language,
                prefix + "title": translation.title,
                prefix + "description": translation.description,
                prefix + "troubleshooting": translation.troubleshooting,
            }
        )
    data.update({k: v for k, v in changes.items() if not k.startswith("reason__")})
    return data


def inline_management(prefix: str, count: int) -> dict[str, int]:
    """An inline's management form, for existing rows posted unchanged or none."""
    return {
        f"{prefix}-TOTAL_FORMS": count,
        f"{prefix}-INITIAL_FORMS": count,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }


def user_create(username: str, *, staff: bool = True, editor: bool = False) -> User:
    user = User.objects.create_user(username, password="pw-" + username, is_staff=staff)
    if editor:
        user.groups.add(Group.objects.get(name=EDITORS))
    return user


def client_for(user: User) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def change_url(status: ErrorStatus) -> str:
    return f"/admin/catalog/errorstatus/{status.pk}/change/"
