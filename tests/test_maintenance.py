"""Maintenance mode (catalog.errors.middleware.MaintenanceModeMiddleware, `manage.py maintenance`, admin)."""

from io import StringIO

import pytest
from django.core.management import call_command

from catalog.models import CatalogVersion
from catalog.services import maintenance_set
from tests.asserts import assert_catalog_error

pytestmark = pytest.mark.django_db

OFFLINE_MSG = "We're temporarily offline for maintenance. Please try again later."


@pytest.fixture
def maintenance(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        maintenance_set(on=True, retry_after=120)


def command(*args: str) -> str:
    out = StringIO()
    call_command("maintenance", *args, stdout=out)
    return out.getvalue().strip()


def test_while_on_api_requests_answer_503_maintenance_with_retry_after(api, maintenance):
    response = api.get("/api/whoami")

    assert_catalog_error(
        response, status=503, code="maintenance", msg=OFFLINE_MSG, title="Service Unavailable"
    )
    assert response["Retry-After"] == "120"


def test_unknown_api_paths_answer_maintenance_too(client, maintenance):
    assert client.get("/api/foobar").json()["code"] == "maintenance"


def test_ping_the_admin_and_the_reference_page_keep_working(client, maintenance):
    assert client.get("/api/ping").status_code == 200
    assert client.get("/admin/login/").status_code == 200
    assert client.get("/errors/").status_code == 200


def test_switching_off_restores_the_api(api, maintenance, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        maintenance_set(on=False)

    assert api.get("/api/whoami").status_code == 200


def test_the_command_switches_and_reports(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert command("on", "--retry-after", "90") == "Maintenance mode is on (Retry-After: 90)."
    assert command("status") == "Maintenance mode is on (Retry-After: 90)."
    assert CatalogVersion.objects.get().maintenance is True

    with django_capture_on_commit_callbacks(execute=True):
        assert command("off") == "Maintenance mode is off."
    assert command("status") == "Maintenance mode is off."


def test_the_admin_switches_it(admin_client, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/catalog/catalogversion/1/change/",
            {"maintenance": "on", "maintenance_retry_after": "60"},
        )

    assert response.status_code == 302
    answer = client.get("/api/foobar")
    assert answer.status_code == 503
    assert answer["Retry-After"] == "60"


def test_switching_moves_the_catalog_version(django_capture_on_commit_callbacks):
    before = CatalogVersion.objects.get().version

    with django_capture_on_commit_callbacks(execute=True):
        maintenance_set(on=True)

    assert CatalogVersion.objects.get().version == before + 1
