"""Test settings: the project's settings, with test-only views and a test secret key."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key-not-for-production")

from morpheus_errors.settings import *  # noqa: F403
from morpheus_errors.settings import BASE_DIR, CACHES, DATABASES, OAUTH2_PROVIDER, STORAGES

ROOT_URLCONF = "tests.urls"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: tests that take the database away must really close it.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}

CACHES["default"]["KEY_PREFIX"] = "morpheus-errors-tests"

# Serve static files from the apps, as runserver does, without a collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# django-oauth-toolkit caches its server per view class; rebuild it so that tests
# overriding OAUTH2_PROVIDER (token lifetime) see their values, and only theirs.
OAUTH2_PROVIDER = {**OAUTH2_PROVIDER, "ALWAYS_RELOAD_OAUTHLIB_CORE": True}

# Error counts: no flushing thread in the test process; tests flush with counts_flush().
CATALOG_COUNTS_FLUSH_INTERVAL = 0
