"""Refused catalog files: checked before anything changes (catalog/transfer/files.py)."""

import json

import pytest

from catalog.transfer.files import CatalogFileError
from catalog.transfer.services import catalog_import
from tests.test_transfer import exported, reason_entry, snapshot, status_entry, version

pytestmark = pytest.mark.django_db


def assert_refused(document_or_text, *problems: str) -> None:
    text = document_or_text if isinstance(document_or_text, str) else json.dumps(document_or_text)
    before = (snapshot(), version())
    with pytest.raises(CatalogFileError) as raised:
        catalog_import(text=text)
    assert raised.value.problems == list(problems)
    assert (snapshot(), version()) == before


def test_an_unknown_status_is_refused_and_nothing_changes():
    document = exported()
    reason_entry(document, "teapot")["message"] = "Changed"
    document["statuses"].append(
        {
            "status": 999,
            "title": "Odd",
            "description": "Odd.",
            "troubleshooting": "",
            "reasons": [],
        }
    )

    assert_refused(document, "status 999: unknown status; statuses are HTTP errors, 400 to 599.")


def test_a_duplicate_code_is_refused_and_nothing_changes():
    document = exported()
    reason_entry(document, "teapot")["message"] = "Changed"
    status_entry(document, 418)["reasons"].append(dict(reason_entry(document, "teapot")))

    assert_refused(document, "Duplicate reason code teapot: each may appear only once.")


def test_a_duplicate_status_is_refused():
    document = exported()
    document["statuses"].append(dict(status_entry(document, 418), reasons=[]))

    assert_refused(document, "Duplicate status 418: each may appear only once.")


def test_a_broken_template_is_refused_and_nothing_changes():
    document = exported()
    reason_entry(document, "teapot")["message"] = "Changed"
    reason_entry(document, "not_found")["message"] = "{resource not found"
    reason_entry(document, "gone")["message"] = "{thing} is gone"

    assert_refused(
        document,
        "reason not_found: message: Braces are unbalanced: write {{ and }} for literal braces.",
        "reason gone: message: Unknown placeholder {thing}; allowed: {detail}, {resource}.",
    )


def test_an_empty_message_is_refused():
    document = exported()
    reason_entry(document, "teapot")["message"] = ""

    assert_refused(
        document,
        "reason teapot: message: This field cannot be blank.",
        "reason teapot: message: The message can't be empty.",
    )


def test_changing_a_seeded_reasons_placeholders_is_refused():
    document = exported()
    reason_entry(document, "not_found")["placeholders"] = ["resource", "path"]

    assert_refused(
        document, "reason not_found: placeholders of a seeded reason are fixed: resource."
    )


def test_a_file_without_a_seeded_reason_is_refused():
    document = exported()
    status_entry(document, 418)["reasons"] = []

    assert_refused(document, "reason teapot: seeded, so the file must keep it.")


def test_a_file_that_is_not_json_is_refused():
    with pytest.raises(CatalogFileError) as raised:
        catalog_import(text="{not json")

    assert raised.value.problems[0].startswith("Not a JSON file: Expecting property name")


def test_a_file_of_another_format_is_refused():
    assert_refused(
        {"statuses": []}, 'Not a catalog file: expected "format": "morpheus-errors-catalog".'
    )


def test_entries_of_the_wrong_shape_are_refused():
    document = exported()
    status_entry(document, 418)["reasons"][0]["colour"] = "blue"
    status_entry(document, 410)["title"] = 410
    document["statuses"].append("nonsense")

    index_410 = document["statuses"].index(status_entry(document, 410))
    assert_refused(
        document,
        f"statuses[{index_410}]: wrong type for title.",
        "status 418 reasons[0]: unknown colour.",
        f"statuses[{len(document['statuses']) - 1}]: expected an object.",
    )


def test_a_seeded_reason_cannot_move_to_another_status():
    document = exported()
    moved = reason_entry(document, "teapot")
    status_entry(document, 418)["reasons"].remove(moved)
    status_entry(document, 410)["reasons"].append(moved)

    assert_refused(document, "reason teapot: a seeded reason stays under status 418.")
