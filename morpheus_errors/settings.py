"""
Settings for morpheus-errors, read from the environment.

With no variable set the project runs embedded: SQLite in the project folder and
Django's local-memory cache. Production sets DATABASE_URL, REDIS_URL,
DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS (see README.md).
"""

import logging
import os
import warnings
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from pythonjsonlogger.core import RESERVED_ATTRS

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value, for example "
            "the output of: python -c 'import secrets; print(secrets.token_urlsafe(50))'. "
            "For local development only, DJANGO_DEBUG=1 uses a development key."
        )
    warnings.warn(
        "DJANGO_SECRET_KEY is not set: using an insecure development key (DJANGO_DEBUG=1).",
        stacklevel=1,
    )
    SECRET_KEY = "django-insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # django.contrib.admin, with the error catalog first on the admin's index.
    "morpheus_errors.admin_site.MorpheusAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "oauth2_provider",
    "simple_history",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "catalog",
    "morpheus_errors.api",
]

MIDDLEWARE = [
    "morpheus_errors.proxy.TrustedProxyMiddleware",
    "catalog.errors.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before CommonMiddleware, whose APPEND_SLASH resolves the path: /de/errors/.
    "catalog.errors.middleware.PageLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "catalog.errors.middleware.RequestSizeLimitMiddleware",
    "catalog.errors.middleware.MaintenanceModeMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "morpheus_errors.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "morpheus_errors.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast when PostgreSQL is down: the error path answers from its snapshot.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 3

REDIS_URL = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "morpheus-errors",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# "en", not "en-us": the language without a URL prefix (i18n_patterns) is LANGUAGE_CODE.
LANGUAGE_CODE = "en"
# The catalog's languages (issue 8): English first, the source and the fallback;
# translations are edited in the admin. README: "Languages".
LANGUAGES = [("en", "English"), ("de", "German"), ("fr", "French")]
# The reference page in each of them (/de/errors/), translated or not yet.
CATALOG_LANGUAGES = ["en", "de", "fr"]
TIME_ZONE = "UTC"
USE_I18N = True
# The demo's own page words (templates/); the catalog app ships its own (catalog/locale).
LOCALE_PATHS = [BASE_DIR / "morpheus_errors" / "locale"]
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Security. Plain HTTP on loopback must keep working with debug off, so everything
# that assumes HTTPS is switched on by DJANGO_HTTPS=1 (directly or behind a proxy
# that sets X-Forwarded-Proto).
HTTPS = env_bool("DJANGO_HTTPS")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
# A year, as browsers' preload lists ask; only ever sent over HTTPS.
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_REDIRECT_EXEMPT = [r"^api/ping$"]

CSRF_FAILURE_VIEW = "catalog.handlers.csrf_failure"

REST_FRAMEWORK = {
    "EXCEPTION_HANDLER": "catalog.handlers.exception_handler",
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "catalog.errors.negotiation.ProblemJSONNegotiation",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "catalog.errors.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "morpheus_errors.api.authentication.BearerTokenAuthentication"
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "morpheus_errors.api.permissions.TokenScopeAllows",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["morpheus_errors.api.throttling.RatelimitThrottle"],
    "DEFAULT_SCHEMA_CLASS": "catalog.reference.schema.CatalogAutoSchema",
}

# OpenAPI at /api/schema/, Swagger UI at /api/docs/ with no external assets.
SPECTACULAR_SETTINGS = {
    "TITLE": "Morpheus API (error catalog reference)",
    "DESCRIPTION": "Every error response is built from the error catalog; see /errors/.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "morpheus_errors.api.schema.token_path",
        "morpheus_errors.api.schema.static_address_required",
    ],
}

# Tokens as Morpheus issues them: the password grant of the public client morph-api.
OAUTH2_PROVIDER = {
    "ACCESS_TOKEN_EXPIRE_SECONDS": int(os.environ.get("OAUTH_ACCESS_TOKEN_LIFETIME", "43200")),
    "REFRESH_TOKEN_EXPIRE_SECONDS": int(os.environ.get("OAUTH_REFRESH_TOKEN_LIFETIME", "2592000")),
    "SCOPES": {"read": "Read access", "write": "Read and write access"},
    "DEFAULT_SCOPES": ["write"],
    # django-oauth-toolkit 3.x allows the password grant (Morpheus clients use it) and
    # 4.0 will refuse it by default; say so explicitly rather than inherit a default.
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": False,
    # Refresh grants of deactivated users refused (morpheus_errors/api/tokens.py).
    "OAUTH2_VALIDATOR_CLASS": "morpheus_errors.api.tokens.ActiveUsersValidator",
    # Tokens only in the Authorization header, and stored hashed (looked up by checksum).
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,
}
# The library says so on every password grant; the choice above is deliberate.
PASSWORD_GRANT_NOTICE = "resource owner password credentials grant is discouraged"  # noqa: S105
warnings.filterwarnings(
    "ignore", message=f".*{PASSWORD_GRANT_NOTICE}", category=DeprecationWarning
)

# Rate limits (django-ratelimit rate syntax), counted in the shared cache. With the
# cache unreachable, requests pass (fail open): an outage of Redis must not take
# the API down with it.
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "600/m")
OAUTH_TOKEN_RATE_LIMIT = os.environ.get("OAUTH_TOKEN_RATE_LIMIT", "10/m")
ADMIN_LOGIN_RATE_LIMIT = os.environ.get("ADMIN_LOGIN_RATE_LIMIT", "10/m")
# Reverse proxies whose X-Forwarded-For names the client (morpheus_errors/proxy.py).
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES", "")
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = True

# Error catalog (catalog/conf.py documents each one).
CATALOG_REFRESH_INTERVAL = float(os.environ.get("CATALOG_REFRESH_INTERVAL", "0.5"))
CATALOG_HELP_URL = os.environ.get("CATALOG_HELP_URL", "")
CATALOG_SITE_NAME = "Morpheus API"
# The health check answers during maintenance, as Morpheus's /api/ping does.
CATALOG_MAINTENANCE_EXEMPT_PATHS = ["/api/ping"]
# Error counts and /metrics (README, "Which errors clients hit").
CATALOG_COUNTING = env_bool("CATALOG_COUNTING", True)
CATALOG_COUNTS_FLUSH_INTERVAL = float(os.environ.get("CATALOG_COUNTS_FLUSH_INTERVAL", "1"))
CATALOG_COUNTS_PERSIST_INTERVAL = float(os.environ.get("CATALOG_COUNTS_PERSIST_INTERVAL", "10"))
CATALOG_METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
CATALOG_METRICS_ALLOWED_IPS = env_list("METRICS_ALLOWED_IPS", "")
# Django's record of each error response (django.request), as a JSON line carrying the
# catalog's fields: WARNING logs every 4xx and 5xx; ERROR only 5xx, for APIs whose 4xx
# volume is not worth a line each.
CATALOG_ERRORS_LOG_LEVEL = os.environ.get("CATALOG_ERRORS_LOG_LEVEL", "WARNING").upper()
if CATALOG_ERRORS_LOG_LEVEL not in logging.getLevelNamesMapping():
    raise ImproperlyConfigured(
        f"CATALOG_ERRORS_LOG_LEVEL={CATALOG_ERRORS_LOG_LEVEL!r}: use WARNING (a line per "
        "error response) or ERROR (5xx only); DEBUG, INFO and CRITICAL work as in logging."
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "catalog.telemetry.logging.RequestIdFilter"},
        "password_grant_notice": {
            "()": "django.utils.log.CallbackFilter",
            "callback": lambda record: PASSWORD_GRANT_NOTICE not in record.getMessage(),
        },
    },
    "formatters": {
        "default": {
            "format": "%(asctime)s %(levelname)s %(name)s [requestId=%(request_id)s] %(message)s",
        },
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            # Django's extra: the request object stays out of the line (its status is there).
            "reserved_attrs": [*RESERVED_ATTRS, "request", "status_code"],
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "default",
        },
        "json": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # One JSON line per error response: Django's own record, with the catalog's fields
        # (requestId, status, code, route, method, userId, durationMs, catalogGap).
        "django.request": {
            "handlers": ["json"],
            "level": CATALOG_ERRORS_LOG_LEVEL,
            "propagate": False,
        },
        "django.security": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "oauth2_provider": {"filters": ["password_grant_notice"]},
    },
}

# Content-Security-Policy (django-csp) on every response that sets none of its own (the
# reference page does): the admin and Swagger UI run only this site's scripts; catalog
# text can't load a third party's image. Inline style attributes stay allowed (the
# admin's widgets and Swagger UI set them); inline scripts don't.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
