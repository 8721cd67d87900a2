"""
The catalog's settings. Those the error path reads on every error are kept once
read, until any setting changes (setting_changed: override_settings, pytest-django's
``settings``), since reading a setting a project left unset costs an AttributeError
each time; the others are read on every access.
"""

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver


class Settings:
    @cached_property
    def REFRESH_INTERVAL(self) -> float:
        """Seconds between two looks at the catalog version stamp, per process."""
        return float(getattr(settings, "CATALOG_REFRESH_INTERVAL", 0.5))

    @cached_property
    def CACHE_ALIAS(self) -> str:
        """The cache that carries the version stamp between processes and hosts."""
        return str(getattr(settings, "CATALOG_CACHE_ALIAS", "default"))

    @property
    def STAMP_TIMEOUT(self) -> int:
        """How long the cached stamp lives before it is read again from the database."""
        return int(getattr(settings, "CATALOG_STAMP_TIMEOUT", 60))

    @cached_property
    def HELP_URL(self) -> str:
        """Absolute URL of the error-reference page; empty: this site's /errors/."""
        return str(getattr(settings, "CATALOG_HELP_URL", "") or "")

    @cached_property
    def API_PATH_PREFIXES(self) -> Sequence[str]:
        """Paths whose errors answer JSON; other paths get HTML error pages."""
        return tuple(getattr(settings, "CATALOG_API_PATH_PREFIXES", ("/api/", "/oauth/")))

    @cached_property
    def OAUTH_PATH_PREFIXES(self) -> Sequence[str]:
        """Paths whose errors also carry the OAuth 2.0 error members."""
        return tuple(getattr(settings, "CATALOG_OAUTH_PATH_PREFIXES", ("/oauth/",)))

    @property
    def EXCEPTIONS(self) -> Mapping[str, tuple[int, str]]:
        """
        A project's own exception classes, by dotted path, and the (status, code) each
        answers: {"library.exceptions.IsbnRegistryError": (502, "isbn_unavailable")}.
        """
        return dict(getattr(settings, "CATALOG_EXCEPTIONS", {}))

    @cached_property
    def EXCEPTIONS_ITEMS(self) -> tuple[tuple[str, Any], ...]:
        """CATALOG_EXCEPTIONS as hashable items (a value written as a list becomes a tuple)."""
        return tuple(
            (path, tuple(value) if isinstance(value, list) else value)
            for path, value in self.EXCEPTIONS.items()
        )

    @cached_property
    def MAX_FIELD_ERRORS(self) -> int:
        """The most field messages one error body reports; the rest are only counted."""
        return int(getattr(settings, "CATALOG_MAX_FIELD_ERRORS", 100))

    @cached_property
    def RETRY_AFTER(self) -> int:
        """Retry-After, in seconds, for 503s and for 429s that carry no timing."""
        return int(getattr(settings, "CATALOG_RETRY_AFTER", 30))

    @cached_property
    def MAINTENANCE_PATH_PREFIXES(self) -> Sequence[str]:
        """Paths that answer 503 maintenance while maintenance mode is on."""
        return tuple(getattr(settings, "CATALOG_MAINTENANCE_PATH_PREFIXES", ("/api/",)))

    @cached_property
    def MAINTENANCE_EXEMPT_PATHS(self) -> Sequence[str]:
        """Paths that keep answering during maintenance (health checks); none by default."""
        return tuple(getattr(settings, "CATALOG_MAINTENANCE_EXEMPT_PATHS", ()))

    @cached_property
    def COUNTING(self) -> bool:
        """Count error responses (in process, flushed to the cache and the database)."""
        return bool(getattr(settings, "CATALOG_COUNTING", True))

    @property
    def COUNTS_FLUSH_INTERVAL(self) -> float:
        """
        Seconds between two flushes of a process's counts; 0: only counts_flush() flushes.
        Default 1, and 0 under Django's test environment (its runner, pytest-django):
        no thread then writes into a test database behind the tests' backs.
        """
        default = 0.0 if _test_environment() else 1.0
        return float(getattr(settings, "CATALOG_COUNTS_FLUSH_INTERVAL", default))

    @property
    def COUNTS_PERSIST_INTERVAL(self) -> float:
        """Seconds between two moves of the counts from the shared cache to the database."""
        return float(getattr(settings, "CATALOG_COUNTS_PERSIST_INTERVAL", 10.0))

    @property
    def REQUEST_LOG(self) -> bool:
        """Keep each error served (requestId, msg...) for the admin's lookup; needs COUNTING."""
        return bool(getattr(settings, "CATALOG_REQUEST_LOG", True))

    @property
    def REQUEST_LOG_DAYS(self) -> float:
        """How long a served error is kept, in days."""
        return float(getattr(settings, "CATALOG_REQUEST_LOG_DAYS", 7))

    @property
    def REQUEST_LOG_MAX_ROWS(self) -> int:
        """The most served errors kept; the oldest go first."""
        return int(getattr(settings, "CATALOG_REQUEST_LOG_MAX_ROWS", 100_000))

    @property
    def REQUEST_LOG_URL(self) -> bool:
        """Give error bodies a requestLogUrl: the admin's page of that request (staff only)."""
        return bool(getattr(settings, "CATALOG_REQUEST_LOG_URL", False))

    @property
    def METRICS_TOKEN(self) -> str:
        """The bearer token /metrics asks for; empty: no token asked."""
        return str(getattr(settings, "CATALOG_METRICS_TOKEN", "") or "")

    @property
    def METRICS_ALLOWED_IPS(self) -> Sequence[str]:
        """Client addresses /metrics answers; empty: any (the token decides)."""
        return tuple(getattr(settings, "CATALOG_METRICS_ALLOWED_IPS", ()))

    @property
    def SITE_NAME(self) -> str:
        """The API's name on the pages ("Morpheus API"): their title, brand and introduction."""
        return str(getattr(settings, "CATALOG_SITE_NAME", "API"))

    @property
    def PAGE_TITLE(self) -> str:
        """The reference page's heading; empty: "Errors", in the page's language."""
        return str(getattr(settings, "CATALOG_PAGE_TITLE", "") or "")

    @property
    def LANGUAGES(self) -> Sequence[str] | None:
        """
        The language codes the pages are offered in (each one of LANGUAGES); None:
        English and every language the catalog has text for.
        """
        languages = getattr(settings, "CATALOG_LANGUAGES", None)
        return None if languages is None else tuple(languages)

    @property
    def REFERENCE_PAGE_SIZE(self) -> int:
        """
        How much of the catalog one reference page shows (a reason is one unit, one more
        per 500 characters of its text); a larger catalog goes on over ?page=2, ...
        """
        return max(int(getattr(settings, "CATALOG_REFERENCE_PAGE_SIZE", 150)), 2)

    @property
    def HOME_URL(self) -> str:
        """Where the pages' brand links to."""
        return str(getattr(settings, "CATALOG_HOME_URL", "/"))


def _test_environment() -> bool:
    """Whether django.test.utils.setup_test_environment() has run (and not been torn down)."""
    from django.test.utils import _TestState

    return hasattr(_TestState, "saved_data")


catalog_settings = Settings()


@receiver(setting_changed)
def _settings_changed(**kwargs: Any) -> None:
    vars(catalog_settings).clear()  # the cached_property values: read again on next use
