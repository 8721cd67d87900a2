"""System checks (catalog/checks.py)."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from catalog.checks import (
    check_api_path_prefixes,
    check_csrf_failure_view,
    check_exception_handler,
    check_exceptions_setting,
    check_maintenance_middleware,
    check_metrics_url,
    check_page_language_middleware,
    check_refresh_interval,
)
from catalog.reference.requests import api_paths


@pytest.fixture(autouse=True)
def _fresh_api_paths():
    api_paths.cache_clear()
    yield
    api_paths.cache_clear()


def test_the_project_passes_its_checks():
    call_command("check", fail_level="WARNING")


@override_settings(REST_FRAMEWORK={})
def test_drf_without_the_catalog_handler_is_an_error():
    [error] = check_exception_handler()

    assert error.id == "catalog.E001"
    assert "catalog.handlers.exception_handler" in error.hint


@override_settings(CATALOG_REFRESH_INTERVAL=-1)
def test_a_negative_refresh_interval_is_an_error():
    [error] = check_refresh_interval()

    assert error.id == "catalog.E002"


@override_settings(CATALOG_API_PATH_PREFIXES=["/v1/"])
def test_api_prefixes_that_miss_the_drf_routes_are_a_warning_with_the_prefix_to_set():
    [warning] = check_api_path_prefixes()

    assert warning.id == "catalog.W003"
    assert warning.hint == "Set CATALOG_API_PATH_PREFIXES = ['/api/'] (now ['/v1/'])."


@override_settings(ROOT_URLCONF="tests.test_adoption", CATALOG_API_PATH_PREFIXES=["/v1/"])
def test_without_the_catalogs_handler404_the_api_prefixes_do_not_matter():
    assert check_api_path_prefixes() == []


@override_settings(CSRF_FAILURE_VIEW="django.views.csrf.csrf_failure")
def test_the_catalogs_403_with_djangos_csrf_page_is_a_warning():
    [warning] = check_csrf_failure_view()

    assert warning.id == "catalog.W004"
    assert warning.hint == 'Set CSRF_FAILURE_VIEW = "catalog.handlers.csrf_failure".'


@override_settings(ROOT_URLCONF="tests.test_adoption", CATALOG_METRICS_TOKEN="t0ken")
def test_a_metrics_token_without_a_metrics_url_is_a_warning():
    [warning] = check_metrics_url()

    assert warning.id == "catalog.W005"
    assert "catalog.telemetry.views.metrics_view" in warning.hint


@override_settings(CATALOG_METRICS_TOKEN="t0ken")
def test_a_metrics_token_with_the_metrics_url_passes():
    assert check_metrics_url() == []


def test_maintenance_prefixes_without_the_middleware_are_a_warning(settings):
    settings.CATALOG_MAINTENANCE_PATH_PREFIXES = ["/v1/"]
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "Maintenance" not in m]

    [warning] = check_maintenance_middleware()

    assert warning.id == "catalog.W006"


@override_settings(
    ROOT_URLCONF="tests.test_adoption",
    MIDDLEWARE=["django.middleware.common.CommonMiddleware"],
    CSRF_FAILURE_VIEW="django.views.csrf.csrf_failure",
)
def test_a_project_with_only_the_three_lines_has_no_catalog_warning():
    assert check_api_path_prefixes() == []
    assert check_csrf_failure_view() == []
    assert check_page_language_middleware() == []


def test_the_page_language_middleware_check_passes_with_it_or_djangos():
    from django.conf import settings

    assert check_page_language_middleware() == []
    swapped = [
        "django.middleware.locale.LocaleMiddleware"
        if name.endswith("PageLanguageMiddleware")
        else name
        for name in settings.MIDDLEWARE
    ]
    with override_settings(MIDDLEWARE=swapped):
        assert check_page_language_middleware() == []


@override_settings(MIDDLEWARE=["django.middleware.common.CommonMiddleware"])
def test_language_urls_without_a_middleware_to_resolve_them_are_a_warning():
    [warning] = check_page_language_middleware()

    assert warning.id == "catalog.W002"
    assert "catalog.errors.middleware.PageLanguageMiddleware" in warning.hint


@override_settings(
    CATALOG_EXCEPTIONS={
        "tests.test_drf_contracts.IsbnRegistryDown": (502, "isbn_registry_down"),
        "no.such.Module": (409, "x"),
        "tests.test_drf_contracts.IsbnRegistryDown.__name__": (409, "x"),
        "django.http.Http404": (200, "x"),
    }
)
def test_an_exceptions_mapping_that_cannot_be_used_is_an_error_per_entry():
    errors = check_exceptions_setting()

    assert [error.id for error in errors] == ["catalog.E003"] * 3
    assert "no.such.Module" in errors[0].msg
