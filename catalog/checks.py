from typing import Any

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.urls import get_resolver
from django.utils.module_loading import import_string

from catalog.conf import catalog_settings
from catalog.reference.requests import api_paths

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
def check_exceptions_setting(**kwargs: Any) -> list[CheckMessage]:
    """CATALOG_EXCEPTIONS: each key an importable exception class, each value (status, code)."""
    problems: list[CheckMessage] = []
    for path, value in getattr(settings, "CATALOG_EXCEPTIONS", {}).items():
        try:
            exception_class = import_string(path)
            status, code = value
            valid = issubclass(exception_class, BaseException) and 400 <= int(status) <= 599
            valid = valid and isinstance(code, str) and bool(code)
        except (ImportError, TypeError, ValueError):
            valid = False
        if not valid:
            problems.append(
                Error(
                    f"CATALOG_EXCEPTIONS[{path!r}] = {value!r} can't be used.",
                    hint='Map an importable exception class to (status, "code"), e.g. '
                    '{"myapp.errors.Locked": (409, "locked")}.',
                    id="catalog.E003",
                )
            )
    return problems


# catalog.W001 (the request-id middleware missing) is retired: it fired for every
# project adopting the app with its three lines, for a piece that is optional.
# The checks below name an optional line only where the project shows it wants it.


def _catalog_handlers() -> list[int]:
    """The statuses whose Django-level error view (handler400...) is the catalog's."""
    resolver = get_resolver()
    return [
        status
        for status in (400, 403, 404, 500)
        if getattr(resolver.resolve_error_handler(status), "__module__", "") == "catalog.handlers"
    ]


@register(Tags.urls)
def check_api_path_prefixes(**kwargs: Any) -> list[CheckMessage]:
    """With the catalog's handler404, unknown API URLs answer JSON only under the prefixes."""
    if 404 not in _catalog_handlers():
        return []
    collection, _ = api_paths(None)
    prefixes = tuple(catalog_settings.API_PATH_PREFIXES)
    if collection == "/" or collection.startswith(prefixes):
        return []
    prefix = "/" + collection.strip("/").split("/")[0] + "/"
    return [
        Warning(
            f"Errors outside DRF views under {prefix} answer HTML pages, not the catalog's JSON.",
            hint=f"Set CATALOG_API_PATH_PREFIXES = [{prefix!r}] (now {list(prefixes)!r}).",
            id="catalog.W003",
        )
    ]


@register(Tags.security)
def check_csrf_failure_view(**kwargs: Any) -> list[CheckMessage]:
    """The catalog answers 403 but a CSRF failure would still be Django's own page."""
    default = "django.views.csrf.csrf_failure"
    if 403 not in _catalog_handlers() or default != settings.CSRF_FAILURE_VIEW:
        return []
    return [
        Warning(
            "CSRF failures answer Django's HTML page, not the catalog's csrf_failed error.",
            hint='Set CSRF_FAILURE_VIEW = "catalog.handlers.csrf_failure".',
            id="catalog.W004",
        )
    ]


@register(Tags.urls)
def check_metrics_url(**kwargs: Any) -> list[CheckMessage]:
    """/metrics is configured (a token or addresses) but mounted nowhere."""
    if not (catalog_settings.METRICS_TOKEN or catalog_settings.METRICS_ALLOWED_IPS):
        return []
    from catalog.telemetry.views import metrics_view

    if metrics_view in get_resolver().reverse_dict:
        return []
    return [
        Warning(
            "CATALOG_METRICS_TOKEN or CATALOG_METRICS_ALLOWED_IPS is set, but no URL serves "
            "the metrics.",
            hint='Add path("metrics", catalog.telemetry.views.metrics_view) to the root URLconf.',
            id="catalog.W005",
        )
    ]


@register(Tags.compatibility)
def check_maintenance_middleware(**kwargs: Any) -> list[CheckMessage]:
    """Maintenance paths are configured, but nothing answers 503 maintenance on them."""
    middleware = "catalog.errors.middleware.MaintenanceModeMiddleware"
    configured = hasattr(settings, "CATALOG_MAINTENANCE_PATH_PREFIXES")
    if not configured or middleware in settings.MIDDLEWARE:
        return []
    return [
        Warning(
            "CATALOG_MAINTENANCE_PATH_PREFIXES is set, but maintenance mode never answers.",
            hint=f"Add {middleware!r} to MIDDLEWARE, after CommonMiddleware.",
            id="catalog.W006",
        )
    ]


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
