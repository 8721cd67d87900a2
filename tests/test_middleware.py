"""catalog/errors/middleware.py: PageLanguageMiddleware (the other middleware: test_handlers, test_maintenance)."""

import pytest
from django.conf import settings
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db
PAGE_LANGUAGE = "catalog.errors.middleware.PageLanguageMiddleware"
WITHOUT = [name for name in settings.MIDDLEWARE if name != PAGE_LANGUAGE]
VOLATILE = {"X-Request-ID", "Date"}


def headers_of(response) -> dict[str, str]:
    return {name: value for name, value in response.items() if name not in VOLATILE}


def test_the_project_activates_page_languages_before_common_middleware():
    order = settings.MIDDLEWARE
    assert order.index(PAGE_LANGUAGE) < order.index("django.middleware.common.CommonMiddleware")


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/api/ping", {}),
        ("/api/ping", {"HTTP_ACCEPT_LANGUAGE": "de"}),
        ("/api/nope", {"HTTP_ACCEPT_LANGUAGE": "de-DE,de;q=0.9"}),
        ("/api/error-codes/404", {"HTTP_ACCEPT_LANGUAGE": "fr"}),
        ("/api/whoami", {"HTTP_ACCEPT_LANGUAGE": "de"}),
        ("/oauth/token", {"HTTP_ACCEPT_LANGUAGE": "de"}),
    ],
)
def test_api_answers_are_the_same_with_and_without_it(path, headers):
    with_it = Client(raise_request_exception=False).get(path, **headers)
    with override_settings(MIDDLEWARE=WITHOUT):
        without = Client(raise_request_exception=False).get(path, **headers)

    assert with_it.status_code == without.status_code
    assert headers_of(with_it) == headers_of(without)
    assert with_it.content.replace(with_it["X-Request-ID"].encode(), b"") == (
        without.content.replace(without["X-Request-ID"].encode(), b"")
    )


def test_api_answers_never_redirect_to_a_language(client):
    response = client.get("/api/nope", HTTP_ACCEPT_LANGUAGE="de", HTTP_COOKIE="django_language=de")

    assert response.status_code == 404
    assert response["Content-Language"] == "de"  # the shipped German, in its own answer
    assert response["Vary"] == "Accept-Language"


def test_the_admin_stays_english_whatever_the_browser_asks(admin_client):
    response = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="de")

    assert response.status_code == 200
    assert "Site administration" in response.content.decode()
    assert "Content-Language" not in response


def test_without_it_the_language_urls_are_not_found():
    with override_settings(MIDDLEWARE=WITHOUT):
        response = Client().get("/de/errors/")

    assert response.status_code == 404
