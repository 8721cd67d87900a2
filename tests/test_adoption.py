"""
A project that is not the demo: its API under /v1/ (a DRF router), the page mounted
with the plain line, Django's default LANGUAGES. Examples and languages follow it.
"""

import json
import re

import pytest
from django.conf import global_settings
from django.contrib.auth.models import User
from django.test import Client, override_settings
from django.urls import include, path
from rest_framework import routers, serializers, viewsets

from catalog.errors.snapshot import catalog_get
from catalog.models import ErrorReason, ErrorStatus, ErrorStatusTranslation
from catalog.reference.examples import example_get
from catalog.reference.requests import api_paths, example_request_errors, example_request_parse


class BookSerializer(serializers.ModelSerializer):  # a stand-in model: the user
    class Meta:
        model = User
        fields = ["id", "username"]


class BookViewSet(viewsets.ModelViewSet):
    queryset = User.objects.all()
    serializer_class = BookSerializer
    catalog_resource = "book"


router = routers.DefaultRouter()
router.register("books", BookViewSet)
urlpatterns = [
    path("v1/", include(router.urls)),
    path("errors/", include("catalog.urls")),
]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("tests.test_adoption"),
    # An adopter's catalog starts without the demo's German and French.
    pytest.mark.usefixtures("_adopters_settings", "catalog_untranslated"),
]


@pytest.fixture
def _adopters_settings(settings):
    settings.LANGUAGES = global_settings.LANGUAGES
    del settings.CATALOG_LANGUAGES
    del settings.CATALOG_SITE_NAME
    settings.CATALOG_REFRESH_INTERVAL = 0
    ErrorReason.objects.update(example_request="")  # the demo's, set as data: not this project's
    api_paths.cache_clear()
    yield
    api_paths.cache_clear()


def test_the_api_paths_are_read_from_the_projects_urlconf():
    assert api_paths("tests.test_adoption") == ("/v1/books/", "/v1/books/999/")


def test_a_reason_without_an_example_request_gets_one_on_the_projects_api():
    example = example_get(catalog_get().reasons["not_found"])

    assert (example.method, example.path, example.status) == ("GET", "/v1/books/999/", 404)
    assert example.body["msg"] == "Book not found"
    assert example.body["helpUrl"] == "http://localhost/errors/#not_found"


def test_an_unknown_endpoint_example_answers_json_outside_the_default_api_prefixes():
    example = example_get(catalog_get().reasons["endpoint_not_found"])

    assert example.path == "/v1/no-such-endpoint"
    assert example.body["msg"] == "Unable to find api endpoint GET /v1/no-such-endpoint"
    assert dict(example.headers)["Content-Type"] == "application/json"


def test_the_method_not_allowed_example_uses_a_method_the_view_refuses_and_its_allow():
    example = example_get(catalog_get().reasons["method_not_allowed"])

    assert (example.method, example.path) == ("DELETE", "/v1/books/")
    assert dict(example.headers)["Allow"] == "GET, POST, HEAD, OPTIONS"


def test_an_example_request_set_in_the_catalog_is_the_one_shown():
    ErrorReason.objects.filter(code="not_found").update(
        example_request="GET /v1/books/12345/\nAuthorization: Token abc\n"
    )

    example = example_get(catalog_get().reasons["not_found"])

    assert (example.method, example.path) == ("GET", "/v1/books/12345/")
    assert ("Authorization", "Token abc") in example.request_headers


def test_the_page_renders_with_the_projects_paths_and_no_demo_branding(client: Client):
    response = client.get("/errors/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "GET /v1/books/999/ HTTP/1.1" in content
    assert "<title>Errors · API</title>" in content
    assert "Morpheus API" not in content
    assert "/api/" not in content


def test_with_no_translations_the_page_offers_no_language_links(client: Client):
    content = client.get("/errors/").content.decode()

    assert "hreflang" not in content
    assert client.get("/id/errors/").status_code == 404


@override_settings(ROOT_URLCONF="tests.test_adoption_i18n")
def test_the_languages_offered_are_the_ones_the_catalog_has_text_for(client: Client):
    status = ErrorStatus.objects.get(status=404)
    ErrorStatusTranslation.objects.create(status=status, language="de", title="Nicht gefunden")

    content = client.get("/errors/").content.decode()

    assert sorted(set(re.findall(r'hreflang="([a-z-]+)"', content))) == ["de", "en", "x-default"]
    assert client.get("/de/errors/").status_code == 200
    assert client.get("/id/errors/").status_code == 404


@override_settings(ROOT_URLCONF="tests.test_adoption_i18n", CATALOG_LANGUAGES=["en", "id"])
def test_catalog_languages_names_the_languages_offered(client: Client):
    content = client.get("/errors/").content.decode()

    assert sorted(set(re.findall(r'hreflang="([a-z-]+)"', content))) == ["en", "id", "x-default"]
    assert client.get("/id/errors/").status_code == 200


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GET /v1/books/1/", ("GET", "/v1/books/1/", {}, "")),
        (
            'POST /v1/books/?x=1 HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{"a": 1}\n',
            ("POST", "/v1/books/?x=1", {"Content-Type": "application/json"}, '{"a": 1}'),
        ),
    ],
)
def test_an_example_request_is_read_as_http_text(text, expected):
    request = example_request_parse(text)

    assert example_request_errors(text) == []
    assert (request.method, request.path, request.headers, request.body) == expected


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            "FETCH /v1/books/",
            "The first line is a method and a path ('GET /api/things/1'): 'FETCH /v1/books/'",
        ),
        (
            "GET v1/books/",
            "The first line is a method and a path ('GET /api/things/1'): 'GET v1/books/'",
        ),
        ("GET /v1/books/\nno colon here", "A header line is 'Name: value': 'no colon here'"),
    ],
)
def test_an_example_request_that_cannot_be_sent_is_refused_with_the_reason(text, error):
    reason = ErrorReason(code="x_example", message="m", example_request=text)

    assert example_request_errors(text) == [error]
    with pytest.raises(Exception, match=re.escape(json.dumps(error)[1:-1][:30])):
        reason.clean()
