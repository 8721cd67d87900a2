"""
Regressions found by the fault suite (bench/chaos.py, `make chaos`), each
reproduced here with real services and real concurrent commits.
"""

import pytest
from django.db import connection, transaction
from django.test import override_settings

from catalog.errors.snapshot import catalog_get, catalog_load, catalog_snapshot_reset
from catalog.models import ErrorReason, ErrorStatus
from tests.asserts import assert_catalog_error
from tests.outages import database_down

transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def teapot_edit(label: str) -> None:
    """The 418 title and the teapot message, changed together in one transaction."""
    with transaction.atomic():
        status = ErrorStatus.objects.get(status=418)
        status.title = f"Teapot {label}"
        status.save()
        reason = ErrorReason.objects.get(code="teapot")
        reason.message = f"I'm a teapot, edit {label}."
        reason.save()


def teapot_text(catalog) -> tuple[str, str]:
    return catalog.statuses[418].title, catalog.reasons["teapot"].message


class EditBeforeTheReasonsAreRead:
    """Commits an edit right before the catalog's reasons query runs (once)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.done = False

    def __call__(self, execute, sql, params, many, context):
        if not self.done and 'FROM "catalog_errorreason"' in sql:
            self.done = True
            teapot_edit(self.label)
        return execute(sql, params, many, context)


@transactional
def test_an_edit_committed_while_the_catalog_loads_never_mixes_two_versions_in_one_snapshot():
    teapot_edit("1")

    wrapper = EditBeforeTheReasonsAreRead("2")
    with connection.execute_wrapper(wrapper):
        catalog = catalog_load()

    assert wrapper.done
    assert teapot_text(catalog) == ("Teapot 2", "I'm a teapot, edit 2.")


@transactional
def test_a_process_started_while_the_database_is_down_answers_the_current_catalog_text(client):
    teapot_edit("1")
    catalog_get()  # another worker loaded the current catalog before the outage
    catalog_snapshot_reset()  # this worker starts with no snapshot

    with database_down():
        response = client.get("/api/test/raise/teapot")

    body = response.json()
    assert response.status_code == 418
    assert (body["title"], body["msg"]) == ("Teapot 1", "I'm a teapot, edit 1.")
    assert body["code"] == "teapot"


@transactional
def test_with_nothing_shared_a_process_started_while_the_database_is_down_answers_the_seed(client):
    teapot_edit("1")
    catalog_snapshot_reset()

    with database_down():
        response = client.get("/api/test/raise/teapot")

    assert response.status_code == 418
    assert response.json()["msg"] == "I'm a teapot."


# Nothing listens on port 9 of loopback: a real, unreachable Redis.
CACHE_DOWN = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}
OFFLINE_MSG = "We're temporarily offline for maintenance. Please try again later."
SLOW_DOWN = "You're asking too much of the server. Slow down!"


@pytest.mark.django_db
@override_settings(CACHES=CACHE_DOWN, RATELIMIT_FAIL_OPEN=True)
def test_with_the_cache_down_the_catalogs_ratelimit_decorator_fails_open(client, caplog):
    statuses = [client.get("/api/test/ratelimited").status_code for _ in range(3)]

    assert statuses == [200, 200, 200]
    assert "rate limit: cache unreachable, failing open" in caplog.text


@pytest.mark.django_db
@override_settings(CACHES=CACHE_DOWN, RATELIMIT_FAIL_OPEN=False)
def test_with_the_cache_down_and_fail_open_off_the_decorator_answers_429(client):
    response = client.get("/api/test/ratelimited")

    assert_catalog_error(
        response, status=429, code="rate_limited", msg=SLOW_DOWN, title="Too Many Requests"
    )
    assert response["Retry-After"] == "1"


@pytest.mark.django_db
@override_settings(CACHES=CACHE_DOWN)
def test_a_cache_connection_error_raised_by_a_view_answers_503_not_500(client):
    # django-ratelimit's own decorator lets the cache's ConnectionError through.
    response = client.get("/api/test/library-ratelimited")

    assert_catalog_error(
        response,
        status=503,
        code="service_unavailable",
        msg=OFFLINE_MSG,
        title="Service Unavailable",
    )
    assert response["Retry-After"] == "30"
    assert "ConnectionError" not in response.content.decode()
    assert "127.0.0.1:9" not in response.content.decode()
