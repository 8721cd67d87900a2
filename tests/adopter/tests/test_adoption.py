"""The catalog comes from the installed wheel, and its three adoption lines are enough."""

import importlib.util
import sys
import sysconfig
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

import catalog
from catalog.models import ErrorReason, ErrorStatus

REPO = Path(__file__).resolve().parents[3]


def test_catalog_is_imported_from_the_installed_wheel():
    site_packages = Path(sysconfig.get_paths()["purelib"]).resolve()
    installed = Path(catalog.__file__).resolve()
    assert installed.is_relative_to(site_packages)
    assert not installed.is_relative_to(REPO / "catalog")


def test_the_source_tree_is_not_on_sys_path():
    assert REPO not in [Path(entry or ".").resolve() for entry in sys.path]
    assert importlib.util.find_spec("morpheus_errors") is None


def test_the_main_repositorys_tests_package_is_not_imported():
    loaded = {
        Path(m.__file__).resolve()
        for m in list(sys.modules.values())
        if getattr(m, "__file__", None)
    }
    assert REPO / "tests" / "__init__.py" not in loaded
    assert REPO / "tests" / "conftest.py" not in loaded


def test_the_system_check_finds_no_error():
    call_command("check")


def test_the_system_check_finds_no_warning():
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_migrate_seeded_the_catalog():
    statuses = set(ErrorStatus.objects.values_list("status", flat=True))
    assert {400, 401, 403, 404, 405, 406, 429, 500, 503} <= statuses
    assert ErrorReason.objects.get(code="not_found").message == "{resource} not found"


@pytest.mark.django_db
def test_the_reference_page_lists_the_seeded_codes(client):
    response = client.get("/errors/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    for code in ["invalid", "not_authenticated", "permission_denied", "not_found", "rate_limited"]:
        assert f'id="{code}"' in html


@pytest.mark.django_db
def test_the_reference_page_does_not_mention_morpheus(client):
    assert "Morpheus" not in client.get("/errors/").content.decode()


@pytest.mark.django_db
def test_catalog_check_names_the_projects_codes_and_create_adds_them(capsys):
    with pytest.raises(CommandError):
        call_command("catalog", "check")
    out = capsys.readouterr().out
    assert "Missing from the catalog: 409 book_locked (library.exceptions.BookLocked)" in out
    assert "Missing from the catalog: 502 isbn_registry_unavailable" in out

    call_command("catalog", "check", "--create")

    assert ErrorReason.objects.get(code="book_locked").message == "This book is locked."
    call_command("catalog", "check")  # passes now
