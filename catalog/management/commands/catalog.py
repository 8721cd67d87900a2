"""
python manage.py catalog export [FILE]
python manage.py catalog import FILE [--dry-run]
python manage.py catalog check [--create]
"""

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from catalog.errors.codes import codes_missing, codes_unraised
from catalog.models import ErrorReason
from catalog.services import reasons_create
from catalog.transfer.files import CatalogFileError
from catalog.transfer.services import catalog_export, catalog_import


class Command(BaseCommand):
    help = "Export the error catalog as JSON, or import such a file (all or nothing)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="Write the whole catalog as JSON.")
        export.add_argument("file", nargs="?", help="Where to write it; standard output if none.")
        load = actions.add_parser("import", help="Apply a catalog file: validated first, atomic.")
        load.add_argument("file", help="The catalog file, as written by export.")
        load.add_argument(
            "--dry-run", action="store_true", help="Show what would change; change nothing."
        )
        check = actions.add_parser(
            "check",
            help="List the codes the installed code can raise that the catalog lacks (exit "
            "status 1 if any), and the catalog's reasons nothing raises.",
        )
        check.add_argument(
            "--create", action="store_true", help="Add the missing codes, default messages."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "export":
            self.export(options["file"])
        elif options["action"] == "check":
            self.check_codes(create=options["create"])
        else:
            self.load(options["file"], dry_run=options["dry_run"])

    def check_codes(self, *, create: bool) -> None:
        catalog_codes = set(ErrorReason.objects.values_list("code", flat=True))
        missing = codes_missing(catalog_codes=catalog_codes)
        for code in codes_unraised(catalog_codes=catalog_codes):
            self.stdout.write(f"In the catalog, raised by nothing installed: {code}")
        for raised in missing:
            self.stdout.write(
                f"Missing from the catalog: {raised.status} {raised.code} "
                f"({raised.source}): {raised.message}"
            )
        if missing and create:
            reasons_create(missing=missing)
            self.stdout.write(self.style.SUCCESS(f"Added {len(missing)} reasons."))
        elif missing:
            raise CommandError(
                f"{len(missing)} codes can be raised that the catalog lacks: add them in the "
                "admin, or run 'manage.py catalog check --create'."
            )
        else:
            self.stdout.write("Every code that can be raised is in the catalog.")

    def export(self, file: str | None) -> None:
        text = catalog_export()
        if file is None:
            sys.stdout.write(text)
            return
        Path(file).write_text(text, encoding="utf-8")
        self.stderr.write(f"Catalog written to {file}.")

    def load(self, file: str, *, dry_run: bool) -> None:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Can't read {file}: {exc}") from None
        try:
            plan = catalog_import(text=text, dry_run=dry_run)
        except CatalogFileError as exc:
            raise CommandError(f"{file} refused, nothing changed:\n" + str(exc)) from None
        for line in plan.lines:
            self.stdout.write(line)
        if not plan.changed:
            self.stdout.write("No changes: the catalog already matches the file.")
        elif dry_run:
            self.stdout.write(f"Dry run: {len(plan.lines)} changes, nothing applied.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Applied {len(plan.lines)} changes."))
