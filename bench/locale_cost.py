"""
What activating a page's language costs an API error, in microseconds per request,
in-process (Django's test Client: no HTTP, no server). Three middleware stacks
answer the same requests, interleaved: the project's (PageLanguageMiddleware),
the project's without it, and with Django's LocaleMiddleware in its place.
Usage: .venv/bin/python bench/locale_cost.py [--requests 2000]
"""

import argparse
import functools
import logging
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
PAGE_LANGUAGE = "catalog.errors.middleware.PageLanguageMiddleware"
DJANGO_LOCALE = "django.middleware.locale.LocaleMiddleware"


def stacks(middleware: list[str]) -> dict[str, list[str]]:
    without = [name for name in middleware if name != PAGE_LANGUAGE]
    return {
        "without": without,
        "PageLanguageMiddleware": middleware,
        "LocaleMiddleware": [DJANGO_LOCALE if n == PAGE_LANGUAGE else n for n in middleware],
    }


def staff_token() -> str:
    from django.contrib.auth.models import User
    from django.utils import timezone
    from oauth2_provider.models import AccessToken, Application

    user = User.objects.create_user("bench-staff", password=None, is_staff=True)
    token = secrets.token_urlsafe(24)
    AccessToken.objects.create(
        user=user,
        application=Application.objects.get(client_id="morph-api"),
        token=token,
        expires=timezone.now() + timedelta(hours=1),
        scope="write",
    )
    return token


def timed(get: Callable[[], object]) -> float:
    started = time.perf_counter()
    get()
    return (time.perf_counter() - started) * 1e6


def measure(path: str, headers: dict[str, str], requests: int) -> dict[str, float]:
    from django.conf import settings
    from django.test import Client, override_settings

    clients: dict[str, Client] = {}
    for name, middleware in stacks(list(settings.MIDDLEWARE)).items():
        with override_settings(MIDDLEWARE=middleware):
            client = Client()
            client.defaults.update(headers)
            client.get(path)  # builds the middleware chain now, with these settings
        clients[name] = client
    samples: dict[str, list[float]] = {name: [] for name in clients}
    names = list(clients)
    for index in range(requests):
        for name in names[index % len(names) :] + names[: index % len(names)]:
            samples[name].append(timed(functools.partial(clients[name].get, path)))
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="locale-cost-") as folder:
        os.environ.update(
            DATABASE_URL=f"sqlite:///{folder}/bench.sqlite3",
            DJANGO_SECRET_KEY=secrets.token_hex(16),
            DJANGO_DEBUG="0",
            API_RATE_LIMIT="100000000/m",
            CATALOG_COUNTS_FLUSH_INTERVAL="0",
            DJANGO_SETTINGS_MODULE="morpheus_errors.settings",
            DJANGO_STATIC_ROOT=folder,
        )
        import django

        django.setup()
        from django.core.management import call_command
        from django.test.utils import setup_test_environment

        setup_test_environment()
        call_command("migrate", verbosity=0)
        logging.disable(logging.CRITICAL)  # the same for every stack; keeps stderr quiet
        cases = {
            "GET /api/instances/999999 (staff token, 404 not_found)": (
                "/api/instances/999999",
                {"HTTP_AUTHORIZATION": f"Bearer {staff_token()}"},
            ),
            "GET /api/nope (404 endpoint_not_found)": ("/api/nope", {}),
            "GET /api/nope, Accept-Language: de": ("/api/nope", {"HTTP_ACCEPT_LANGUAGE": "de"}),
        }
        for label, (path, headers) in cases.items():
            medians = measure(path, headers, args.requests)
            base = medians["without"]
            print(f"{label}, {args.requests} requests per stack, interleaved:")
            for name, median in medians.items():
                print(f"  {name:24} median {median:7.1f} µs  ({median / base:.3f}x without)")


if __name__ == "__main__":
    main()
