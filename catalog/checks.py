from typing import Any

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.checks import CheckMessage, Error, Tags, Warning, register

HANDLER = "catalog.handlers.exception_handler"


@register(Tags.compatibility)
def check_exception_handler(**kwargs: Any) -> list[CheckMessage]:
    handler = getattr(settings, "REST_FRAMEWORK", {}).get("EXCEPTION_HANDLER")
    if handler != HANDLER:
        return [
            Error(
                "DRF errors are not answered from the error catalog.",
                hint=f'Set REST_FRAMEWORK["EXCEPTION_HANDLER"] = "{HANDLER}".',
                id="catalog.E001",
            )
        ]
    return []


@register(Tags.compatibility)
def check_refresh_interval(**kwargs: Any) -> list[CheckMessage]:
    interval = getattr(settings, "CATALOG_REFRESH_INTERVAL", 0.5)
    if not isinstance(interval, (int, float)) or interval < 0:
        return [
            Error(
                "CATALOG_REFRESH_INTERVAL must be a number of seconds, 0 or more.",
                hint="Catalog edits reach other processes within this interval; 0.5 is usual.",
                id="catalog.E002",
            )
        ]
    return []


@register(Tags.compatibility)
def check_middleware(**kwargs: Any) -> list[CheckMessage]:
    middleware = "catalog.errors.middleware.RequestIdMiddleware"
    if middleware not in settings.MIDDLEWARE:
        return [
            Warning(
                "X-Request-ID is not set on responses that are not errors.",
                hint=f"Add {middleware!r} at the top of MIDDLEWARE.",
                id="catalog.W001",
            )
        ]
    return []


LANGUAGE_MIDDLEWARE = (
    "catalog.errors.middleware.PageLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
)


@register(Tags.urls)
def check_page_language_middleware(**kwargs: Any) -> list[CheckMessage]:
    """i18n_patterns resolves /de/errors/ only while German is active."""
    prefixed, _ = is_language_prefix_patterns_used(settings.ROOT_URLCONF)
    if prefixed and not any(name in settings.MIDDLEWARE for name in LANGUAGE_MIDDLEWARE):
        return [
            Warning(
                "The language URLs of the reference page (/de/errors/) answer 404.",
                hint=f"Add {LANGUAGE_MIDDLEWARE[0]!r} to MIDDLEWARE, before CommonMiddleware.",
                id="catalog.W002",
            )
        ]
    return []
