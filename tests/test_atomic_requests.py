"""ATOMIC_REQUESTS: a failed view's writes roll back, and the catalog is still read."""

import logging
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from catalog.errors.snapshot import catalog_snapshot_reset
from catalog.models import ErrorReason
from catalog.services import catalog_version_bump

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def atomic_requests() -> Iterator[None]:
    connection.settings_dict["ATOMIC_REQUESTS"] = True
    yield
    connection.settings_dict["ATOMIC_REQUESTS"] = False


@pytest.mark.usefixtures("atomic_requests")
def test_a_failed_views_writes_are_rolled_back(client: Client) -> None:
    response = client.post("/api/test/write-then-raise")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert not User.objects.filter(username="half-done").exists()


@pytest.mark.usefixtures("atomic_requests")
def test_a_cold_process_serves_the_edited_text_inside_an_atomic_request(
    client: Client, caplog: pytest.LogCaptureFixture, settings
) -> None:
    # Without the maintenance middleware, which would read the catalog before the view.
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if "Maintenance" not in name]
    ErrorReason.objects.filter(code="not_found").update(message="No such {resource} here")
    catalog_version_bump()
    catalog_snapshot_reset()  # the process's first error: the catalog is read now

    with caplog.at_level(logging.WARNING):
        response = client.post("/api/test/write-then-raise")

    assert response.json()["msg"] == "No such resource here"
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
