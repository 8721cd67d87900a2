"""The seed data migration (catalog/migrations/0002_seed.py) against the Morpheus "Errors" page."""

import json
import re
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps as global_apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from catalog.errors.seed import seed_text_corrected
from catalog.models import ErrorReason, ErrorStatus

DRF_STATUSES = {409, 415, 422}  # beyond the page: what DRF APIs commonly answer
SEED_PAGE = Path(__file__).parent / "fixtures" / "morpheus_errors_page.txt"
seed_migration = import_module("catalog.migrations.0002_seed")

DESIGN_REASONS = {
    400: {"invalid", "parse_error", "bad_request"},
    401: {"not_authenticated", "invalid_token", "token_expired"},
    403: {"permission_denied"},
    404: {"endpoint_not_found", "not_found"},
    405: {"method_not_allowed"},
    406: {"not_acceptable"},
    410: {"gone"},
    418: {"teapot"},
    429: {"rate_limited"},
    500: {"server_error"},
    503: {"maintenance", "service_unavailable"},
}


def seed_page_table() -> dict[int, str]:
    """The page's "List of Error Codes" table: status -> description, as published."""
    block = re.search(r"\[block:parameters\](.*)\[/block\]", SEED_PAGE.read_text(), re.S)
    assert block is not None
    data = json.loads(block.group(1))["data"]
    rows = json.loads(block.group(1))["rows"]
    # Served with the page's misspellings corrected (catalog.errors.seed.SEED_CORRECTIONS).
    return {int(data[f"{row}-0"]): seed_text_corrected(data[f"{row}-1"]) for row in range(rows)}


pytestmark = pytest.mark.django_db


def test_the_seed_has_every_status_of_the_pages_table_with_its_description():
    table = seed_page_table()

    seeded = {
        entry.status: entry.description
        if entry.status == 418
        else f"{entry.title} -- {entry.description}"
        for entry in ErrorStatus.objects.all()
        if entry.status not in DRF_STATUSES
    }
    assert seeded == table
    assert len(seeded) == 11


def test_beyond_the_page_the_seed_has_what_drf_itself_answers():
    assert set(ErrorStatus.objects.values_list("status", flat=True)) >= DRF_STATUSES
    for code in ("unsupported_media_type", "throttled", "authentication_failed"):
        assert ErrorReason.objects.filter(code=code).exists()
    assert ErrorReason.objects.get(code="parse_error").overrides_detail is True


def test_the_seed_has_at_least_the_reasons_of_the_design():
    for status, codes in DESIGN_REASONS.items():
        seeded = set(
            ErrorReason.objects.filter(status__status=status).values_list("code", flat=True)
        )
        assert codes <= seeded, status


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("not_authenticated", "Full authentication is required to access this resource"),
        ("permission_denied", "You do not have permissions to access this api endpoint"),
        ("endpoint_not_found", "Unable to find api endpoint {method} {path}"),
        ("not_found", "{resource} not found"),
        ("invalid", "Unable to save {resource}"),
        ("teapot", "I'm a teapot."),
        ("rate_limited", "You're asking too much of the server. Slow down!"),
    ],
)
def test_reasons_carry_the_messages_of_real_morpheus_answers(code, message):
    assert ErrorReason.objects.get(code=code).message == message


def test_every_seeded_message_is_a_valid_template_of_its_declared_placeholders():
    for reason in ErrorReason.objects.all():
        reason.full_clean()


def test_the_troubleshooting_text_is_the_pages_prose():
    page = seed_text_corrected(SEED_PAGE.read_text())

    for status in (400, 401, 403, 404):
        for paragraph in ErrorStatus.objects.get(status=status).troubleshooting.split("\n\n"):
            assert paragraph in page


def test_running_the_seed_again_restores_the_text_and_keeps_other_entries():
    ErrorReason.objects.filter(code="teapot").update(message="Coffee?")
    custom = ErrorReason.objects.create(
        status=ErrorStatus.objects.get(status=404), code="custom_reason", message="Custom"
    )

    seed_migration.seed_catalog(global_apps, None)

    assert ErrorReason.objects.get(code="teapot").message == "I'm a teapot."
    assert ErrorReason.objects.filter(pk=custom.pk).exists()
    assert ErrorStatus.objects.count() == 14


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_seed_migration_is_reversible():
    executor = MigrationExecutor(connection)
    executor.migrate([("catalog", "0001_initial")])
    assert ErrorStatus.objects.count() == 0
    assert ErrorReason.objects.count() == 0

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes("catalog"))
    assert ErrorStatus.objects.count() == 14

    # Back to the latest migration, so later tests find every table again.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_editors_migration_is_reversible_and_idempotent():
    from django.contrib.auth.models import Group

    executor = MigrationExecutor(connection)
    executor.migrate([("catalog", "0005_history")])
    assert not Group.objects.filter(name="Catalog editors").exists()

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    editors_migration = import_module("catalog.migrations.0006_catalog_editors")
    editors_migration.create_editors_group(global_apps, None)
    editors_migration.record_baseline_history(global_apps, None)
    assert Group.objects.get(name="Catalog editors").permissions.count() == 4
    assert ErrorReason.history.filter(code="teapot").count() == 1


def test_the_pages_misspellings_are_corrected_and_the_history_shows_the_original():
    status = ErrorStatus.objects.get(status=503)

    assert (
        status.description == "We're temporarily offline for maintenance. Please try again later."
    )
    texts = [
        record.description for record in status.history.order_by("history_date", "history_id")
    ]
    assert texts[0] == "We're temporarially offline for maintanance. Please try again later."
    assert texts[-1] == status.description
    assert status.history.first().history_change_reason == "seed misspellings corrected"
