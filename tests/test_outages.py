"""
Regressions found by the fault suite (bench/chaos.py, `make chaos`), each
reproduced here with real services and real concurrent commits.
"""

import pytest
from django.db import connection, transaction

from catalog.models import ErrorReason, ErrorStatus
from catalog.selectors import catalog_get, catalog_load, catalog_snapshot_reset
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
