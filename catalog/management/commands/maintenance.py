from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from catalog.models import CatalogVersion
from catalog.services import maintenance_set


class Command(BaseCommand):
    help = "Switch maintenance mode: while on, API requests answer 503 maintenance."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("state", choices=["on", "off", "status"])
        parser.add_argument(
            "--retry-after",
            type=int,
            metavar="SECONDS",
            help="Seconds clients are told to wait (Retry-After) while on.",
        )

    def handle(self, *args: Any, state: str, retry_after: int | None, **options: Any) -> None:
        if state == "status":
            current = CatalogVersion.objects.filter(pk=1).first()
        else:
            current = maintenance_set(on=state == "on", retry_after=retry_after)
        if current is not None and current.maintenance:
            retry_after = current.maintenance_retry_after
            self.stdout.write(f"Maintenance mode is on (Retry-After: {retry_after}).")
        else:
            self.stdout.write("Maintenance mode is off.")
