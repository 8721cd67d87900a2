"""Settings read from the environment (morpheus_errors/settings.py), each in a new interpreter."""

import json
import subprocess
import sys

from tests.servers import BASE_DIR, CLEAN_ENV


def load_settings(**env: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps({name: str(getattr(settings, name)) for name in "
        "['DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_SSL_REDIRECT', "
        "'SECURE_PROXY_SSL_HEADER', 'ALLOWED_HOSTS']} | "
        "{'DB': settings.DATABASES['default']['ENGINE'], "
        "'CACHE': settings.CACHES['default']['BACKEND'], "
        "'ERRORS_LOG_LEVEL': settings.LOGGING['loggers']['django.request']['level']}))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**CLEAN_ENV, "DJANGO_SETTINGS_MODULE": "morpheus_errors.settings", **env},
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_without_a_secret_key_debug_off_refuses_to_start_and_says_how_to_fix_it():
    result = load_settings()

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
    assert "secrets.token_urlsafe" in result.stderr


def test_development_runs_with_a_warned_development_key_on_sqlite_and_local_memory():
    result = load_settings(DJANGO_DEBUG="1")

    assert result.returncode == 0, result.stderr
    assert "insecure development key" in result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["DB"] == "django.db.backends.sqlite3"
    assert loaded["CACHE"] == "django.core.cache.backends.locmem.LocMemCache"
    assert loaded["ALLOWED_HOSTS"] == "['127.0.0.1', 'localhost']"


def test_production_reads_postgres_and_redis_from_the_environment():
    result = load_settings(
        DJANGO_SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/test",
        REDIS_URL="redis://127.0.0.1:6379/0",
        DJANGO_ALLOWED_HOSTS="api.example.com",
    )

    loaded = json.loads(result.stdout)
    assert loaded["DB"] == "django.db.backends.postgresql"
    assert loaded["CACHE"] == "django.core.cache.backends.redis.RedisCache"
    assert loaded["ALLOWED_HOSTS"] == "['api.example.com']"


def test_plain_http_with_debug_off_sets_no_https_only_behaviour():
    loaded = json.loads(load_settings(DJANGO_SECRET_KEY="x" * 50).stdout)

    assert loaded["DEBUG"] == "False"
    assert loaded["SECURE_SSL_REDIRECT"] == "False"
    assert loaded["SESSION_COOKIE_SECURE"] == "False"


def test_behind_https_cookies_are_secure_and_http_redirects():
    loaded = json.loads(load_settings(DJANGO_SECRET_KEY="x" * 50, DJANGO_HTTPS="1").stdout)

    assert loaded["SESSION_COOKIE_SECURE"] == "True"
    assert loaded["CSRF_COOKIE_SECURE"] == "True"
    assert loaded["SECURE_SSL_REDIRECT"] == "True"
    assert loaded["SECURE_PROXY_SSL_HEADER"] == "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_the_error_log_line_is_on_by_default_and_can_be_limited_to_5xx():
    default = json.loads(load_settings(DJANGO_DEBUG="1").stdout)
    only_5xx = json.loads(load_settings(DJANGO_DEBUG="1", CATALOG_ERRORS_LOG_LEVEL="error").stdout)

    assert default["ERRORS_LOG_LEVEL"] == "WARNING"  # a line per error response
    assert only_5xx["ERRORS_LOG_LEVEL"] == "ERROR"  # 5xx only


def test_an_unknown_error_log_level_is_refused_with_the_choices():
    result = load_settings(DJANGO_DEBUG="1", CATALOG_ERRORS_LOG_LEVEL="loud")

    assert result.returncode != 0
    assert "CATALOG_ERRORS_LOG_LEVEL" in result.stderr
    assert "WARNING" in result.stderr
    assert "ERROR" in result.stderr
