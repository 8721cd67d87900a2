"""
python manage.py catalog export [FILE]
python manage.py catalog import FILE [--dry-run]
"""

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

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

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "export":
            self.export(options["file"])
        else:
            self.load(options["file"], dry_run=options["dry_run"])

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
