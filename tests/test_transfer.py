"""Export and import of the catalog (catalog/transfer/services.py, the `catalog` command)."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from catalog.errors.snapshot import catalog_get
from catalog.models import CatalogVersion, ErrorReason, ErrorStatus
from catalog.transfer.services import catalog_export, catalog_import
from morpheus_errors.api.catalog_translations import REASONS

pytestmark = pytest.mark.django_db


def exported() -> dict:
    return json.loads(catalog_export())


def reason_entry(document: dict, code: str) -> dict:
    return next(r for s in document["statuses"] for r in s["reasons"] if r["code"] == code)


def status_entry(document: dict, number: int) -> dict:
    return next(s for s in document["statuses"] if s["status"] == number)


def run(*args: str) -> str:
    out = StringIO()
    call_command("catalog", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def snapshot() -> str:
    return catalog_export()


def version() -> int:
    return CatalogVersion.objects.get(pk=1).version


def test_export_lists_statuses_by_number_and_reasons_by_code():
    document = exported()

    numbers = [entry["status"] for entry in document["statuses"]]
    assert document["format"] == "morpheus-errors-catalog"
    assert document["version"] == 1
    assert numbers == sorted(numbers)
    for entry in document["statuses"]:
        codes = [reason["code"] for reason in entry["reasons"]]
        assert codes == sorted(codes)
    assert reason_entry(document, "not_found") == {
        "code": "not_found",
        "message": "{resource} not found",
        "placeholders": ["resource"],
        "troubleshooting": ErrorReason.objects.get(code="not_found").troubleshooting,
        "example_request": ErrorReason.objects.get(code="not_found").example_request,
        "translations": REASONS["not_found"],  # the demo's shipped German and French
    }


def test_export_is_stable_and_ends_with_a_newline():
    assert catalog_export() == catalog_export()
    assert catalog_export().endswith("}\n")
    assert '\n  "statuses": [\n' in catalog_export()


def test_export_without_a_file_writes_to_stdout(capsys):
    call_command("catalog", "export")

    assert json.loads(capsys.readouterr().out) == exported()


def test_export_to_a_file(tmp_path: Path):
    target = tmp_path / "catalog.json"

    run("export", str(target))

    assert target.read_text(encoding="utf-8") == catalog_export()


def test_importing_an_unchanged_export_changes_nothing(tmp_path: Path):
    target = tmp_path / "catalog.json"
    run("export", str(target))
    before = version()

    output = run("import", str(target))

    assert output == "No changes: the catalog already matches the file.\n"
    assert version() == before


def test_export_edit_import_round_trip_applies_and_reports_the_change(tmp_path: Path):
    document = exported()
    reason_entry(document, "endpoint_not_found")["message"] = "No route {method} {path}"
    status_entry(document, 404)["title"] = "Nothing Here"
    target = tmp_path / "edited.json"
    target.write_text(json.dumps(document), encoding="utf-8")

    output = run("import", str(target))

    assert output.splitlines() == [
        "changed status 404: title",
        "changed reason endpoint_not_found: message",
        "Applied 2 changes.",
    ]
    assert ErrorReason.objects.get(code="endpoint_not_found").message == "No route {method} {path}"
    assert catalog_get().statuses[404].title == "Nothing Here"
    assert json.loads(catalog_export()) == document
    assert (
        ErrorReason.objects.get(code="endpoint_not_found").history.first().history_change_reason
        == "catalog import"
    )


def test_importing_the_same_file_twice_is_idempotent(tmp_path: Path):
    document = exported()
    reason_entry(document, "teapot")["message"] = "Short and stout."
    target = tmp_path / "edited.json"
    target.write_text(json.dumps(document), encoding="utf-8")
    run("import", str(target))
    after_first = (snapshot(), version())

    output = run("import", str(target))

    assert output == "No changes: the catalog already matches the file.\n"
    assert (snapshot(), version()) == after_first


def test_a_dry_run_reports_the_changes_and_applies_none(tmp_path: Path):
    document = exported()
    reason_entry(document, "teapot")["message"] = "Short and stout."
    target = tmp_path / "edited.json"
    target.write_text(json.dumps(document), encoding="utf-8")
    before = (snapshot(), version())

    output = run("import", str(target), "--dry-run")

    assert output.splitlines() == [
        "changed reason teapot: message",
        "Dry run: 1 changes, nothing applied.",
    ]
    assert (snapshot(), version()) == before


def test_import_creates_new_entries_and_deletes_unseeded_ones_missing_from_the_file():
    ErrorReason.objects.create(
        status=ErrorStatus.objects.get(status=404), code="old_reason", message="Old"
    )
    document = exported()
    reason_entry(document, "old_reason")  # present now...
    status_entry(document, 404)["reasons"] = [
        r for r in status_entry(document, 404)["reasons"] if r["code"] != "old_reason"
    ]
    document["statuses"].append(
        {
            "status": 451,
            "title": "Unavailable For Legal Reasons",
            "description": "Blocked.",
            "troubleshooting": "",
            "reasons": [
                {
                    "code": "legal_block",
                    "message": "Blocked in {country}",
                    "placeholders": ["country"],
                    "troubleshooting": "",
                }
            ],
        }
    )

    plan = catalog_import(text=json.dumps(document))

    assert plan.lines == [
        "created status 451",
        "created reason legal_block",
        "deleted reason old_reason",
    ]
    assert ErrorReason.objects.get(code="legal_block").status.status == 451
    assert not ErrorReason.objects.filter(code="old_reason").exists()
    assert catalog_get().reasons["legal_block"].placeholders == ("country",)


def test_the_command_refuses_a_bad_file_with_a_clear_error(tmp_path: Path):
    document = exported()
    reason_entry(document, "not_found")["message"] = "{resource not found"
    target = tmp_path / "bad.json"
    target.write_text(json.dumps(document), encoding="utf-8")
    before = snapshot()

    with pytest.raises(CommandError) as raised:
        run("import", str(target))

    assert str(raised.value) == (
        f"{target} refused, nothing changed:\n"
        "reason not_found: message: Braces are unbalanced: write {{ and }} for literal braces."
    )
    assert snapshot() == before


def test_the_command_says_when_it_cannot_read_the_file(tmp_path: Path):
    with pytest.raises(CommandError) as raised:
        run("import", str(tmp_path / "missing.json"))

    assert str(raised.value).startswith(f"Can't read {tmp_path / 'missing.json'}: ")


def test_a_reason_that_is_not_seeded_can_move_to_another_status():
    ErrorReason.objects.create(
        status=ErrorStatus.objects.get(status=404), code="file_gone", message="Gone"
    )
    document = exported()
    moved = reason_entry(document, "file_gone")
    status_entry(document, 404)["reasons"].remove(moved)
    status_entry(document, 410)["reasons"].append(moved)

    plan = catalog_import(text=json.dumps(document))

    assert plan.lines == ["moved reason file_gone: status 404 -> 410"]
    assert ErrorReason.objects.get(code="file_gone").status.status == 410
