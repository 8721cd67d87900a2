"""The in-process catalog snapshot (catalog/errors/snapshot.py): cheap, current, and outage-proof."""

import pytest
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.test import override_settings

from catalog.errors.seed import SEED_VERSION
from catalog.errors.snapshot import (
    STAMP_CACHE_KEY,
    catalog_get,
    catalog_snapshot_invalidate,
    catalog_version_stamp_get,
)
from catalog.models import CatalogVersion, ErrorReason, ErrorStatus
from tests.asserts import assert_catalog_error
from tests.outages import database_down

transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)
SHARED_CACHE = not isinstance(caches["default"], LocMemCache)
NOT_FOUND_MSG = "Unable to find api endpoint GET /api/foobar"


def edit_endpoint_not_found(message: str) -> None:
    reason = ErrorReason.objects.get(code="endpoint_not_found")
    reason.message = message
    reason.save()


@pytest.mark.django_db
@override_settings(CATALOG_REFRESH_INTERVAL=60)
def test_a_warm_error_path_makes_no_database_query(client, django_assert_num_queries):
    client.get("/api/foobar")

    with django_assert_num_queries(0):
        for path in ("/api/foobar", "/api/test/raise/teapot", "/api/test/raise/unhandled"):
            assert client.get(path).status_code >= 400


@pytest.mark.django_db
@override_settings(CATALOG_REFRESH_INTERVAL=0)
def test_looking_at_the_stamp_costs_one_tiny_query_only_without_a_shared_cache(
    django_assert_num_queries,
):
    catalog_get()

    with django_assert_num_queries(0 if SHARED_CACHE else 1):
        catalog_get()


@pytest.mark.django_db
@override_settings(CATALOG_REFRESH_INTERVAL=60)
def test_a_committed_edit_is_seen_by_the_next_error(client, django_capture_on_commit_callbacks):
    client.get("/api/foobar")

    with django_capture_on_commit_callbacks(execute=True):
        edit_endpoint_not_found("No route for {method} {path}")

    response = client.get("/api/foobar")
    assert response.json()["msg"] == "No route for GET /api/foobar"


@pytest.mark.django_db
@override_settings(CATALOG_REFRESH_INTERVAL=60)
def test_an_edit_is_not_served_before_it_commits(client, django_capture_on_commit_callbacks):
    client.get("/api/foobar")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        edit_endpoint_not_found("No route for {method} {path}")
        response = client.get("/api/foobar")

    assert response.json()["msg"] == NOT_FOUND_MSG
    assert len(callbacks) == 1


@pytest.mark.django_db
def test_every_edit_moves_the_version_stamp(django_capture_on_commit_callbacks):
    before = CatalogVersion.objects.get().version

    with django_capture_on_commit_callbacks(execute=True):
        edit_endpoint_not_found("No route for {method} {path}")
        ErrorStatus.objects.get(status=418).delete()

    assert CatalogVersion.objects.get().version > before
    assert catalog_version_stamp_get() == CatalogVersion.objects.get().version


@pytest.mark.django_db
@pytest.mark.skipif(not SHARED_CACHE, reason="the stamp is mirrored only in a shared cache")
def test_a_committed_edit_publishes_the_stamp_to_the_shared_cache(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        edit_endpoint_not_found("No route for {method} {path}")

    assert cache.get(STAMP_CACHE_KEY) == CatalogVersion.objects.get().version


@pytest.mark.django_db
def test_the_snapshot_holds_every_seeded_status_and_reason():
    catalog = catalog_get()

    assert sorted(catalog.statuses) == [
        *(400, 401, 403, 404, 405, 406, 409, 410, 415, 418, 422, 429, 500, 503)
    ]
    assert catalog.reasons["endpoint_not_found"].placeholders == ("method", "path")
    assert catalog.version == CatalogVersion.objects.get().version


@transactional
@override_settings(CATALOG_REFRESH_INTERVAL=0)
def test_with_the_database_down_errors_answer_from_the_last_snapshot(client):
    # An edited text, so that the answer can only come from the snapshot.
    edit_endpoint_not_found("Snapshot says no route for {method} {path}")
    client.get("/api/foobar")

    with database_down():
        response = client.get("/api/foobar")

    assert_catalog_error(
        response,
        status=404,
        code="endpoint_not_found",
        msg="Snapshot says no route for GET /api/foobar",
        title="Not Found",
    )


@transactional
@override_settings(CATALOG_REFRESH_INTERVAL=0)
def test_with_the_database_down_and_no_snapshot_errors_answer_from_the_seed(
    client, database_unreachable
):
    response = client.get("/api/foobar")

    assert_catalog_error(
        response, status=404, code="endpoint_not_found", msg=NOT_FOUND_MSG, title="Not Found"
    )
    assert catalog_get().version == SEED_VERSION


@transactional
@override_settings(CATALOG_REFRESH_INTERVAL=0)
def test_the_snapshot_recovers_by_itself_when_the_database_returns(client):
    with database_down():
        client.get("/api/foobar")
        assert catalog_get().version == SEED_VERSION

    catalog_snapshot_invalidate()
    assert catalog_get().version == CatalogVersion.objects.get().version
