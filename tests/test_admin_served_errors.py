"""The request log in the admin (catalog/admin/served_errors.py): what did the client see?"""

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from catalog.models import ErrorReason, ServedError
from catalog.telemetry.counting import counts_discard
from catalog.telemetry.request_log import request_log_flush

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/catalog/servederror/"


@pytest.fixture(autouse=True)
def _nothing_pending_from_other_tests():
    counts_discard()


@pytest.fixture
def served_three(client) -> None:
    client.get("/api/foobar", HTTP_X_REQUEST_ID="ticket-4711")
    client.get("/api/teapot", HTTP_X_REQUEST_ID="ticket-4712")
    client.get("/api/teapot", HTTP_X_REQUEST_ID="ticket-4713")
    request_log_flush()


def found(response) -> set[str]:
    return {row.request_id for row in response.context["cl"].result_list}


def test_support_finds_a_request_by_the_request_id_the_client_quotes(admin_client, served_three):
    response = admin_client.get(CHANGELIST, {"q": "ticket-4711"})

    assert response.status_code == 200
    assert found(response) == {"ticket-4711"}
    assert "Unable to find api endpoint GET /api/foobar" in response.content.decode()


def test_a_request_id_matches_exactly_not_as_a_prefix(admin_client, served_three):
    assert found(admin_client.get(CHANGELIST, {"q": "ticket-471"})) == set()


def test_support_finds_requests_by_code_by_route_and_by_time(admin_client, served_three):
    assert found(admin_client.get(CHANGELIST, {"q": "teapot"})) == {"ticket-4712", "ticket-4713"}
    assert found(admin_client.get(CHANGELIST, {"q": "^api/"})) == {"ticket-4711"}
    assert len(found(admin_client.get(CHANGELIST, {"within": "1h"}))) == 3
    served = ServedError.objects.get(request_id="ticket-4712").served_at
    later = {"served_at__gt": served.isoformat(), "code": "teapot"}
    assert found(admin_client.get(CHANGELIST, later)) == {"ticket-4713"}


def test_the_entry_shows_the_msg_sent_and_the_catalog_text_live_then_with_its_history(
    admin_client, client, django_capture_on_commit_callbacks
):
    client.get("/api/teapot", HTTP_X_REQUEST_ID="before-edit")
    request_log_flush()
    teapot = ErrorReason.objects.get(code="teapot")
    with django_capture_on_commit_callbacks(execute=True):
        teapot.message = "Still a teapot."
        teapot.save()
    row = ServedError.objects.get(request_id="before-edit")

    response = admin_client.get(f"{CHANGELIST}{row.pk}/change/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "I&#x27;m a teapot." in html  # as sent, and the message live then
    assert "Still a teapot." not in html
    then = teapot.history.order_by("history_date").first()
    assert f'href="/admin/catalog/errorreason/{teapot.pk}/history/"' in html
    assert f'href="/admin/catalog/errorreason/{teapot.pk}/history/{then.history_id}/"' in html
    assert 'name="_save"' not in html  # read-only
    served = timezone.localtime(row.served_at)
    stamp = f"{served:%Y-%m-%d %H:%M:%S}.{served.microsecond // 1000:03d} UTC"
    assert stamp in html  # to the millisecond (it once read "05:43:12.v")


def test_a_gap_says_there_was_no_catalog_entry(
    admin_client, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ErrorReason.objects.filter(code="teapot").delete()
    client.get("/api/teapot", HTTP_X_REQUEST_ID="gap-2")
    request_log_flush()
    row = ServedError.objects.get(request_id="gap-2")

    html = admin_client.get(f"{CHANGELIST}{row.pk}/change/").content.decode()

    assert "No catalog entry for <code>teapot</code> then" in html


def test_staff_with_the_view_permission_may_look_and_nothing_more(
    client, django_user_model, served_three
):
    support = django_user_model.objects.create_user("support", password="pw-1", is_staff=True)
    support.user_permissions.add(Permission.objects.get(codename="view_servederror"))
    client.force_login(support)
    row = ServedError.objects.get(request_id="ticket-4711")

    assert client.get(CHANGELIST, {"q": "ticket-4711"}).status_code == 200
    assert client.get(f"{CHANGELIST}{row.pk}/change/").status_code == 200
    assert client.post(f"{CHANGELIST}{row.pk}/change/", {"msg": "x"}).status_code == 403
    assert client.post(f"{CHANGELIST}{row.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get(f"{CHANGELIST}add/").status_code == 403
    assert ServedError.objects.get(pk=row.pk).msg == "Unable to find api endpoint GET /api/foobar"


def test_staff_without_the_view_permission_see_nothing(client, django_user_model, served_three):
    editor = django_user_model.objects.create_user("editor2", password="pw-1", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_errorreason"))
    client.force_login(editor)

    assert client.get(CHANGELIST, {"q": "ticket-4711"}).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client, served_three):
    response = client.get(CHANGELIST, {"q": "ticket-4711"})

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
