"""Each CATALOG_* setting an adopting project may set, doing what it says."""

import time

import pytest
from django.core.cache import caches
from django.test import Client, override_settings

from catalog.errors.snapshot import STAMP_CACHE_KEY
from catalog.reference.caching import renderings_clear
from catalog.services import catalog_version_publish, maintenance_set
from tests.outages import database_down

pytestmark = pytest.mark.django_db
TWO_CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "a"},
    "catalog": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "b"},
}


@override_settings(CATALOG_HELP_URL="https://docs.example.com/errors/")
def test_help_url_points_every_helpurl_at_the_public_page(client):
    body = client.get("/api/no-such-endpoint").json()

    assert body["helpUrl"] == "https://docs.example.com/errors/#endpoint_not_found"


@override_settings(CATALOG_API_PATH_PREFIXES=["/v2/"])
def test_api_path_prefixes_decide_json_or_html_outside_drf(client):
    assert client.get("/v2/nothing")["Content-Type"] == "application/json"
    assert client.get("/api/nothing")["Content-Type"].startswith("text/html")


@override_settings(CATALOG_OAUTH_PATH_PREFIXES=["/api/"])
def test_oauth_path_prefixes_add_the_oauth_members(client):
    body = client.get("/api/no-such-endpoint").json()

    assert (body["error"], body["error_description"]) == ("invalid_request", body["msg"])


transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@transactional
@override_settings(CATALOG_RETRY_AFTER=7)
def test_retry_after_is_sent_with_a_503_that_carries_no_timing(client):
    client.get("/api/foobar")  # warm the catalog snapshot
    with database_down():
        response = client.get("/api/test/django-database")

    assert (response.status_code, response["Retry-After"]) == (503, "7")


@override_settings(CACHES=TWO_CACHES, CATALOG_CACHE_ALIAS="catalog", CATALOG_STAMP_TIMEOUT=40)
def test_cache_alias_and_stamp_timeout_say_where_and_how_long_the_stamp_is_kept():
    catalog_version_publish()

    cache = caches["catalog"]
    assert cache.get(STAMP_CACHE_KEY) is not None
    assert caches["default"].get(STAMP_CACHE_KEY) is None
    expires = cache._expire_info[cache.make_and_validate_key(STAMP_CACHE_KEY)]
    assert 38 < expires - time.time() <= 40


@pytest.fixture
def maintenance(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        maintenance_set(on=True, retry_after=60)


@override_settings(CATALOG_MAINTENANCE_EXEMPT_PATHS=["/api/error-codes"])
def test_maintenance_exempt_paths_keep_answering(client, maintenance):
    assert client.get("/api/error-codes").status_code == 200
    assert client.get("/api/ping").status_code == 503


@override_settings(CATALOG_PAGE_TITLE="Error codes", CATALOG_HOME_URL="https://example.com/")
def test_page_title_and_home_url_brand_the_page(client: Client):
    renderings_clear()

    content = client.get("/errors/").content.decode()

    assert "<h1>Error codes</h1>" in content
    assert '<a class="brand" href="https://example.com/">' in content


def test_an_unknown_oauth_path_carries_the_oauth_members(client):
    body = client.post("/oauth/authorize-nothing").json()

    assert (body["code"], body["error"]) == ("endpoint_not_found", "invalid_request")


def test_an_oversized_token_request_carries_the_oauth_members(client):
    response = client.post(
        "/oauth/token?client_id=morph-api&grant_type=password",
        b"",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH="104857600",
    )

    body = response.json()
    assert (response.status_code, body["code"], body["error"]) == (
        400,
        "request_too_large",
        "invalid_request",
    )


@transactional
def test_a_token_request_while_the_database_is_down_is_a_503_with_the_oauth_members(client):
    client.get("/api/foobar")  # warm the catalog snapshot
    with database_down():
        response = client.post(
            "/oauth/token?client_id=morph-api&grant_type=password",
            {"username": "jdoe", "password": "x"},
        )

    body = response.json()
    assert response.status_code == 503
    assert (body["code"], body["error"]) == ("service_unavailable", "temporarily_unavailable")
