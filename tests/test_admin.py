"""The catalog admin: list, search, filters, permissions, protected entries (catalog/admin/)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from catalog.models import ErrorReason, ErrorStatus
from catalog.seeding import SEED_REASON_BY_CODE
from tests.admin_forms import EDITORS, change_url, client_for, status_post, user_create

pytestmark = pytest.mark.django_db

STATUSES = "/admin/catalog/errorstatus/"
REASONS = "/admin/catalog/errorreason/"


@pytest.fixture
def superuser() -> User:
    return User.objects.create_superuser("root", password="pw")


@pytest.fixture
def editor() -> User:
    return user_create("editor", editor=True)


def listed(response) -> list[int]:
    return [row.status for row in response.context["cl"].result_list]


def test_the_status_list_shows_status_title_description_and_reason_count(superuser):
    response = client_for(superuser).get(STATUSES)

    assert response.status_code == 200
    assert response.context["cl"].list_display[1:5] == [
        "status",
        "title",
        "description_short",  # truncated, the whole text in its title
        "reason_count",
    ]
    row = next(row for row in response.context["cl"].result_list if row.status == 404)
    assert row.reason_count == ErrorReason.objects.filter(status__status=404).count()
    assert "column-reason_count" in response.content.decode()


def test_search_finds_a_status_by_a_reason_code(superuser):
    response = client_for(superuser).get(STATUSES, {"q": "endpoint_not_found"})

    assert listed(response) == [404]


def test_search_finds_a_status_by_its_number(superuser):
    response = client_for(superuser).get(STATUSES, {"q": "503"})

    assert listed(response) == [503]


def test_search_finds_a_status_by_reason_message_text(superuser):
    response = client_for(superuser).get(STATUSES, {"q": "Unable to find api endpoint"})

    assert listed(response) == [404]


def test_search_finds_reasons_by_code_and_troubleshooting(superuser):
    response = client_for(superuser).get(REASONS, {"q": "endpoint_not_found"})

    assert [row.code for row in response.context["cl"].result_list] == ["endpoint_not_found"]


def test_the_5xx_filter_lists_only_server_errors(superuser):
    response = client_for(superuser).get(STATUSES, {"class": "5xx"})

    assert listed(response)
    assert all(500 <= status <= 599 for status in listed(response))


def test_the_4xx_filter_lists_only_client_errors(superuser):
    response = client_for(superuser).get(REASONS, {"class": "4xx"})

    statuses = {row.status.status for row in response.context["cl"].result_list}
    assert statuses
    assert all(400 <= status <= 499 for status in statuses)


def test_recently_changed_counts_a_status_whose_reason_changed(superuser):
    long_ago = timezone.now() - timedelta(days=60)
    ErrorStatus.objects.update(updated_at=long_ago)
    ErrorReason.objects.update(updated_at=long_ago)
    reason = ErrorReason.objects.get(code="endpoint_not_found")
    reason.message = "No endpoint {method} {path}"
    reason.save()

    response = client_for(superuser).get(STATUSES, {"changed": "day"})

    assert listed(response) == [404]


def test_the_change_page_has_reasons_inline(superuser):
    status = ErrorStatus.objects.get(status=404)

    response = client_for(superuser).get(change_url(status))

    formset = response.context["inline_admin_formsets"][0].formset
    assert {form.instance.code for form in formset.forms} >= {"endpoint_not_found", "not_found"}
    assert "Markdown: **bold**" in response.content.decode()


def test_the_editors_group_may_only_view_and_change_catalog_text_and_edit_translations():
    group = Group.objects.get(name=EDITORS)

    assert sorted(group.permissions.values_list("content_type__app_label", "codename")) == [
        ("catalog", "add_errorreasontranslation"),
        ("catalog", "add_errorstatustranslation"),
        ("catalog", "change_errorreason"),
        ("catalog", "change_errorreasontranslation"),
        ("catalog", "change_errorstatus"),
        ("catalog", "change_errorstatustranslation"),
        ("catalog", "delete_errorreasontranslation"),
        ("catalog", "delete_errorstatustranslation"),
        ("catalog", "view_errorreason"),
        ("catalog", "view_errorreasontranslation"),
        ("catalog", "view_errorstatus"),
        ("catalog", "view_errorstatustranslation"),
    ]


def test_an_editor_sees_only_the_catalog_in_the_admin(editor):
    response = client_for(editor).get("/admin/")

    apps = response.context["app_list"]
    assert [app["app_label"] for app in apps] == ["catalog"]
    assert sorted(model["object_name"] for model in apps[0]["models"]) == [
        "ErrorReason",
        "ErrorReasonTranslation",
        "ErrorStatus",
        "ErrorStatusTranslation",
        "ErrorTrend",  # the dashboard: whoever may view the reasons
    ]


def test_an_editor_cannot_reach_users_or_groups(editor):
    client = client_for(editor)

    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get("/admin/auth/group/").status_code == 403


def test_an_editor_cannot_add_or_delete_catalog_entries(editor):
    client = client_for(editor)
    status = ErrorStatus.objects.get(status=404)

    assert client.get(f"{STATUSES}add/").status_code == 403
    assert client.get(f"{REASONS}add/").status_code == 403
    assert client.get(f"{STATUSES}{status.pk}/delete/").status_code == 403


def test_an_editor_can_change_a_message(editor):
    status = ErrorStatus.objects.get(status=404)
    data = status_post(status, reason__endpoint_not_found__message="No route {method} {path}")

    response = client_for(editor).post(change_url(status), data)

    assert response.status_code == 302
    assert ErrorReason.objects.get(code="endpoint_not_found").message == "No route {method} {path}"


def test_a_non_staff_user_is_sent_to_the_login_page():
    user = user_create("visitor", staff=False)

    response = client_for(user).get(STATUSES)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(STATUSES)

    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={STATUSES}"


def test_a_seeded_reason_cannot_be_deleted_even_by_a_superuser(superuser):
    reason = ErrorReason.objects.get(code="endpoint_not_found")

    response = client_for(superuser).post(f"{REASONS}{reason.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert ErrorReason.objects.filter(code="endpoint_not_found").exists()


def test_a_seeded_status_cannot_be_deleted_even_by_a_superuser(superuser):
    status = ErrorStatus.objects.get(status=404)

    response = client_for(superuser).post(f"{STATUSES}{status.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert ErrorStatus.objects.filter(status=404).exists()


def test_the_inline_offers_no_delete_box_for_seeded_reasons(superuser):
    status = ErrorStatus.objects.get(status=404)
    data = status_post(status)
    index = list(status.reasons.order_by("code")).index(status.reasons.get(code="not_found"))
    data[f"reasons-{index}-DELETE"] = "on"

    response = client_for(superuser).post(change_url(status), data)

    assert response.status_code == 302
    assert ErrorReason.objects.filter(code="not_found").exists()


def test_a_reason_that_is_not_seeded_can_be_deleted(superuser):
    status = ErrorStatus.objects.get(status=404)
    extra = ErrorReason.objects.create(status=status, code="file_missing", message="No file")

    response = client_for(superuser).post(f"{REASONS}{extra.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not ErrorReason.objects.filter(code="file_missing").exists()


def test_bulk_delete_is_not_offered(superuser):
    response = client_for(superuser).get(REASONS)

    assert "delete_selected" not in dict(response.context["action_form"].fields["action"].choices)


def test_every_seeded_reason_is_protected():
    assert set(SEED_REASON_BY_CODE) <= set(ErrorReason.objects.values_list("code", flat=True))


def test_the_admin_index_shows_the_catalog_first_and_the_oauth_toolkit_last(superuser):
    response = client_for(superuser).get("/admin/")

    labels = [app["app_label"] for app in response.context["app_list"]]
    assert labels == ["catalog", "auth", "oauth2_provider"]
    html = response.content.decode()
    assert html.index("Error catalog") < html.index("Authentication") < html.index("OAuth")
