"""Export and import carry translations (catalog/transfer/translations.py)."""

import json

import pytest

from catalog.models import ErrorReason, ErrorReasonTranslation, ErrorStatus, ErrorStatusTranslation
from catalog.transfer.files import CatalogFileError
from catalog.transfer.services import catalog_export, catalog_import

# Each test writes the translations it needs into a catalog without the shipped ones.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalog_untranslated")]


def reason_entry(document: dict, code: str) -> dict:
    return next(r for s in document["statuses"] for r in s["reasons"] if r["code"] == code)


def status_entry(document: dict, number: int) -> dict:
    return next(s for s in document["statuses"] if s["status"] == number)


@pytest.fixture
def german_404() -> None:
    ErrorStatusTranslation.objects.create(
        status=ErrorStatus.objects.get(status=404), language="de", title="Nicht gefunden"
    )
    ErrorReasonTranslation.objects.create(
        reason=ErrorReason.objects.get(code="not_found"), language="de", message="{resource} fehlt"
    )


def test_export_holds_the_translated_fields_of_each_entry(german_404):
    document = json.loads(catalog_export())

    assert status_entry(document, 404)["translations"] == {"de": {"title": "Nicht gefunden"}}
    assert reason_entry(document, "not_found")["translations"] == {
        "de": {"message": "{resource} fehlt"}
    }
    assert "translations" not in status_entry(document, 401)


def test_an_export_imported_again_changes_nothing(german_404):
    plan = catalog_import(text=catalog_export())

    assert plan.lines == []
    assert not plan.changed


def test_import_creates_changes_and_deletes_translations_as_the_file_says(german_404):
    document = json.loads(catalog_export())
    del status_entry(document, 404)["translations"]
    reason_entry(document, "not_found")["translations"] = {
        "de": {"message": "{resource} nicht gefunden"},
        "fr": {"message": "{resource} introuvable", "troubleshooting": "Vérifiez l'ID."},
    }

    plan = catalog_import(text=json.dumps(document))

    assert plan.lines == [
        "translations of status 404: deleted de",
        "translations of reason not_found: added fr; changed de",
    ]
    assert not ErrorStatusTranslation.objects.exists()
    assert sorted(
        ErrorReasonTranslation.objects.values_list("language", "message", "troubleshooting")
    ) == [
        ("de", "{resource} nicht gefunden", ""),
        ("fr", "{resource} introuvable", "Vérifiez l'ID."),
    ]
    assert json.loads(catalog_export()) == document


def test_a_broken_translated_template_or_unknown_language_refuses_the_whole_file(german_404):
    document = json.loads(catalog_export())
    reason_entry(document, "not_found")["translations"] = {
        "de": {"message": "{ressource} fehlt"},
        "en": {"message": "{resource} gone"},
        "fr": {"title": "Introuvable"},
    }
    status_entry(document, 404)["title"] = "Changed"

    with pytest.raises(CatalogFileError) as refused:
        catalog_import(text=json.dumps(document))

    assert refused.value.problems == [
        "reason not_found: translations de: message: Unknown placeholder {ressource}; "
        "allowed: {detail}, {resource}.",
        "reason not_found: translations en: language: Value 'en' is not a valid choice.",
        "reason not_found: translations fr: unknown title.",
    ]
    assert ErrorReasonTranslation.objects.get().message == "{resource} fehlt"
    assert ErrorStatus.objects.get(status=404).title == "Not Found"
