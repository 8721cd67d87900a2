import os
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a demo admin account if no superuser exists, and say how to log in."

    def handle(self, *args: Any, **options: Any) -> None:
        User = get_user_model()
        username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "admin")
        # The address `make run` serves on (HOST=...), as it is typed in a browser.
        admin_url = f"http://{os.environ.get('DEMO_HOST') or '127.0.0.1:8000'}/admin/"
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(f"Admin: log in at {admin_url} with your superuser.")
            return
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created demo admin. Log in at {admin_url} "
                f"as {username} / {password} (development only)."
            )
        )
