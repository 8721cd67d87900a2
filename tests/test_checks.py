"""System checks (catalog/checks.py)."""

from django.test import override_settings

from catalog.checks import (
    check_exception_handler,
    check_middleware,
    check_page_language_middleware,
    check_refresh_interval,
)


def test_the_project_passes_its_checks():
    assert check_exception_handler() == []
    assert check_refresh_interval() == []
    assert check_middleware() == []


@override_settings(REST_FRAMEWORK={})
def test_drf_without_the_catalog_handler_is_an_error():
    [error] = check_exception_handler()

    assert error.id == "catalog.E001"
    assert "catalog.handlers.exception_handler" in error.hint


@override_settings(CATALOG_REFRESH_INTERVAL=-1)
def test_a_negative_refresh_interval_is_an_error():
    [error] = check_refresh_interval()

    assert error.id == "catalog.E002"


@override_settings(MIDDLEWARE=["django.middleware.common.CommonMiddleware"])
def test_missing_request_id_middleware_is_a_warning():
    [warning] = check_middleware()

    assert warning.id == "catalog.W001"


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
