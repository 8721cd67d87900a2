"""A project's own test runs: a flushed test database still answers from the seeded catalog."""

import logging

import pytest
from django.core.management import call_command
from django.test import Client

from catalog.conf import catalog_settings
from catalog.errors.seed import SEED_STATUSES
from catalog.models import ErrorReason, ErrorStatus
from catalog.seeding import catalog_seed_if_empty

SEEDED_REASONS = sum(len(entry.reasons) for entry in SEED_STATUSES)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_flushed_database_is_seeded_again_as_transaction_test_case_flushes_it() -> None:
    call_command(
        "flush", interactive=False, verbosity=0, reset_sequences=False
    )  # as TransactionTestCase

    assert ErrorStatus.objects.count() == len(SEED_STATUSES)
    assert ErrorReason.objects.count() == SEEDED_REASONS


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_a_flush_errors_answer_catalog_text_and_log_no_gap(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    call_command(
        "flush", interactive=False, verbosity=0, reset_sequences=False
    )  # as TransactionTestCase

    with caplog.at_level(logging.WARNING, logger="catalog.gaps"):
        response = client.get("/api/no-such-endpoint")

    assert response.status_code == 404
    assert response.json()["msg"] == "Unable to find api endpoint GET /api/no-such-endpoint"
    assert [r for r in caplog.records if r.name == "catalog.gaps"] == []


@pytest.mark.django_db
def test_a_catalog_with_rows_is_left_as_it_is() -> None:
    ErrorReason.objects.filter(code="teapot").update(message="Short and stout.")

    assert catalog_seed_if_empty() is False
    assert ErrorReason.objects.get(code="teapot").message == "Short and stout."


def test_counts_are_flushed_only_on_demand_under_a_test_runner(settings) -> None:  # type: ignore[no-untyped-def]
    del settings.CATALOG_COUNTS_FLUSH_INTERVAL

    assert catalog_settings.COUNTS_FLUSH_INTERVAL == 0.0


def test_an_explicit_flush_interval_wins_over_the_test_mode_default(settings) -> None:  # type: ignore[no-untyped-def]
    settings.CATALOG_COUNTS_FLUSH_INTERVAL = 2

    assert catalog_settings.COUNTS_FLUSH_INTERVAL == 2.0
