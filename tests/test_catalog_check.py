"""manage.py catalog check: the codes the installed code can raise, against the catalog."""

import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command
from rest_framework.exceptions import APIException

from catalog.models import ErrorReason
from tests.servers import BASE_DIR, CLEAN_ENV


class ShelfFull(APIException):
    status_code = 409
    default_code = "shelf_full"
    default_detail = "The shelf {name} is full."


pytestmark = pytest.mark.django_db


def test_a_code_the_catalog_lacks_fails_the_check_and_names_its_exception(capsys):
    with pytest.raises(CommandError, match="can be raised that the catalog lacks"):
        call_command("catalog", "check")

    out = capsys.readouterr().out
    assert (
        "Missing from the catalog: 409 shelf_full "
        "(tests.test_catalog_check.ShelfFull): The shelf {name} is full." in out
    )


def test_create_adds_the_missing_code_with_its_default_message(capsys):
    call_command("catalog", "check", "--create")

    reason = ErrorReason.objects.get(code="shelf_full")
    assert (reason.status.status, reason.message) == (409, "The shelf {{name}} is full.")
    assert reason.history.first().history_change_reason.startswith("catalog check --create")
    assert "Added" in capsys.readouterr().out


def test_reasons_nothing_raises_are_listed(capsys):
    ErrorReason.objects.create(
        status=ErrorReason.objects.get(code="teapot").status, code="kettle", message="Kettle"
    )

    with pytest.raises(CommandError):
        call_command("catalog", "check")

    assert "In the catalog, raised by nothing installed: kettle" in capsys.readouterr().out


def test_the_demo_project_passes_the_check_in_ci(tmp_path):
    env = {**CLEAN_ENV, "DJANGO_DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    run = lambda *args: subprocess.run(  # noqa: E731
        [sys.executable, "manage.py", *args],
        env=env,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run("migrate", "-v0").returncode == 0

    checked = run("catalog", "check")

    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.strip() == "Every code that can be raised is in the catalog."
