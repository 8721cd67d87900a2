"""The error-reference page and the JSON catalog (catalog/reference/views.py)."""

import html
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import path
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.views import APIView

from catalog.errors.snapshot import catalog_get
from catalog.models import ErrorReason, ErrorReasonTranslation, ErrorStatus, ErrorStatusTranslation
from catalog.reference.caching import cache_key
from catalog.reference.example_specs import ExampleSpec, example_spec
from tests.asserts import assert_catalog_error, assert_no_leak
from tests.urls import urlpatterns as test_urlpatterns


def spec_of(code: str) -> ExampleSpec:
    """A reason's example, as the page shows it: the request from the catalog."""
    return example_spec(catalog_get().reasons[code])


class ExampleView(APIView):
    """Raises the exception of a reason's example, as the endpoint of the example would."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = []

    @property
    def catalog_resource(self) -> str:
        return spec_of(self.kwargs["code"]).resource

    def get_authenticate_header(self, request: Request) -> str | None:
        """The challenge of the example's own endpoint, as DRF would send it."""
        endpoint = spec_of(self.kwargs["code"]).endpoint
        return endpoint.get_authenticate_header(request) if endpoint else None

    def dispatch_example(self, request: Request, code: str) -> None:
        raises = spec_of(code).raises
        assert raises is not None
        raise raises(request._request)

    get = post = put = patch = delete = dispatch_example


urlpatterns = [path("api/test/example/<str:code>", ExampleView.as_view()), *test_urlpatterns]
handler400 = "catalog.handlers.bad_request"
handler403 = "catalog.handlers.permission_denied"
handler404 = "catalog.handlers.page_not_found"
handler500 = "catalog.handlers.server_error"

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.test_views")]


def live_answer(client: Client, code: str, language: str | None = None) -> Any:
    """What the API answers to the example's request, through every middleware and view."""
    spec = spec_of(code)
    if language:
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    if code == "endpoint_not_found":
        return client.get(spec.path)
    if code == "method_not_allowed":
        return client.delete("/api/ping")
    if code == "not_acceptable":
        return client.get("/api/ping", HTTP_ACCEPT="text/csv")
    if code == "request_too_large":
        return client.post("/api/ping", b"{}", "application/json", CONTENT_LENGTH="104857600")
    if spec.path.startswith("/oauth/token"):
        return client.post(spec.path, spec.body, "application/x-www-form-urlencoded")
    if code == "csrf_failed":
        return Client(enforce_csrf_checks=True, **client.defaults).post(
            "/api/test/form", {"name": "web-01"}
        )
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in spec.headers.items()}
    extra.pop("HTTP_CONTENT_TYPE", None)
    query = spec.path.partition("?")[2]
    path = f"/api/test/example/{code}" + (f"?{query}" if query else "")
    return client.generic(spec.method, path, spec.body, **extra)


def page_examples(content: str) -> dict[str, str]:
    """Each reason's example response, as the page shows it."""
    found = re.findall(
        r'<article class="reason" id="([a-z0-9_]+)".*?'
        r'<pre class="example-response"><code>(.*?)</code></pre>',
        content,
        flags=re.S,
    )
    return {code: html.unescape(text) for code, text in found}


def without_request_id(body: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in body.items() if key != "requestId"}


def test_the_page_shows_every_status_and_reason_of_the_catalog(client):
    response = client.get("/errors/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    content = response.content.decode()
    statuses = list(ErrorStatus.objects.prefetch_related("reasons"))
    assert len(statuses) == 14
    for entry in statuses:
        assert f'<section class="status-section" id="{entry.status}"' in content
        assert html.escape(entry.title) in content
        assert html.escape(entry.description) in content
        assert f'<td><a href="#{entry.status}">' in content
        for reason in entry.reasons.all():
            assert f'<article class="reason" id="{reason.code}"' in content
            assert html.escape(reason.message) in content
    assert "List of Error Codes" in content
    assert "instead of 200 OK" in content


def test_every_example_body_is_what_the_api_answers_for_that_reason(client):
    examples = page_examples(client.get("/errors/").content.decode())

    assert set(examples) == set(ErrorReason.objects.values_list("code", flat=True))
    for code, text in examples.items():
        head, _, body_text = text.partition("\n\n")
        shown = json.loads(body_text)
        answer = live_answer(client, code)
        assert head.startswith(f"HTTP/1.1 {answer.status_code} "), code
        assert without_request_id(shown) == without_request_id(answer.json()), code
        if answer.has_header("WWW-Authenticate"):
            assert f"WWW-Authenticate: {answer['WWW-Authenticate']}" in head, code
        if answer.has_header("Retry-After"):
            assert "Retry-After: " in head, code
        if answer.status_code == 405:
            shown_allow = re.search(r"^Allow: (.*)$", head, flags=re.M)
            assert shown_allow is not None
            assert set(shown_allow[1].split(", ")) == set(answer["Allow"].split(", "))
        assert f"X-Request-ID: {shown['requestId']}" in head


@pytest.fixture
def german_catalog(catalog_untranslated: None) -> None:
    """German titles and messages for every status and reason (troubleshooting stays English)."""
    for entry in ErrorStatus.objects.all():
        ErrorStatusTranslation.objects.create(
            status=entry, language="de", title=f"DE {entry.title}"
        )
    for reason in ErrorReason.objects.all():
        ErrorReasonTranslation.objects.create(
            reason=reason, language="de", message=f"Auf Deutsch: {reason.message}"
        )


def test_every_german_example_is_what_a_german_client_gets(client, german_catalog):
    response = client.get("/de/errors/")
    examples = page_examples(response.content.decode())

    assert set(examples) == set(ErrorReason.objects.values_list("code", flat=True))
    for code, text in examples.items():
        head, _, body_text = text.partition("\n\n")
        shown = json.loads(body_text)
        answer = live_answer(client, code, language="de")
        assert head.startswith(f"HTTP/1.1 {answer.status_code} "), code
        assert without_request_id(shown) == without_request_id(answer.json()), code
        assert shown["msg"].startswith("Auf Deutsch: "), code
        assert shown["title"].startswith("DE "), code
        english = shown["msg"].removeprefix("Auf Deutsch: ")
        assert shown["msgEnglish"] == english[:1].upper() + english[1:], code
        assert answer["Content-Language"] == "de", code
        assert "\nContent-Language: de\n" in head, code
        assert "\nVary: Accept-Language" in head, code


def test_a_german_example_shows_the_accept_language_it_was_asked_with(client, german_catalog):
    page = client.get("/de/errors/").content.decode()

    request = re.search(
        r'<article class="reason" id="teapot".*?<pre class="example-request"><code>(.*?)</code>',
        page,
        flags=re.S,
    )
    assert request is not None
    assert html.unescape(request[1]) == (
        "GET /api/teapot HTTP/1.1\nHost: testserver\nAccept-Language: de"
    )


def test_an_untranslated_reason_shows_the_english_answer_on_the_german_page(
    client, catalog_untranslated
):
    ErrorStatusTranslation.objects.create(
        status=ErrorStatus.objects.get(status=418), language="de", title="Ich bin eine Teekanne"
    )

    examples = page_examples(client.get("/de/errors/").content.decode())

    head, _, body_text = examples["not_found"].partition("\n\n")
    assert json.loads(body_text)["msg"] == "Instance not found"
    assert "msgEnglish" not in json.loads(body_text)
    assert "\nContent-Language: en\n" in head
    teapot_head, _, teapot_body = examples["teapot"].partition("\n\n")
    assert json.loads(teapot_body)["title"] == "Ich bin eine Teekanne"
    assert "\nContent-Language: de\n" in teapot_head


def test_the_english_page_examples_stay_english_beside_a_german_one(client, german_catalog):
    client.get("/de/errors/")

    examples = page_examples(client.get("/errors/").content.decode())

    head, _, body_text = examples["teapot"].partition("\n\n")
    assert json.loads(body_text)["msg"] == "I'm a teapot."
    assert "\nContent-Language: en\n" in head


def test_the_markdown_of_the_catalog_is_rendered(client):
    content = client.get("/errors/").content.decode()

    assert "<code>Authorization: Bearer &lt;access token&gt;</code>" in content
    assert "<p>The 401 error code is returned if your access token is invalid or expired.</p>" in (
        content
    )


@override_settings(CATALOG_REFRESH_INTERVAL=60)
def test_a_catalog_edit_appears_on_the_page_at_once(client, django_capture_on_commit_callbacks):
    before = client.get("/errors/")

    with django_capture_on_commit_callbacks(execute=True):
        reason = ErrorReason.objects.get(code="not_found")
        reason.message = "No {resource} with that id"
        reason.troubleshooting = "Check the **id** in the path."
        reason.save()
    after = client.get("/errors/")

    content = after.content.decode()
    assert "No {resource} with that id" in content
    assert "Check the <strong>id</strong> in the path." in content
    assert '"msg": "No instance with that id"' in html.unescape(content)
    assert after["ETag"] != before["ETag"]


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text = ""
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_text += data


PAYLOADS = (
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    "[click me](javascript:alert(1))",
    '<a href="javascript:alert(2)" onclick="alert(3)">link</a>',
    '<svg onload="alert(4)"></svg>',
)


@override_settings(CATALOG_REFRESH_INTERVAL=0)
def test_no_script_stored_in_catalog_text_survives_on_the_page(client):
    payload = "\n\n".join(PAYLOADS)
    ErrorStatus.objects.filter(status=404).update(
        title="<script>alert('title')</script>",
        description='<img src=x onerror="alert(5)">',
        troubleshooting=payload,
    )
    ErrorReason.objects.filter(code="not_found").update(troubleshooting=payload)
    reason = ErrorReason.objects.get(code="gone")
    reason.message = '<b onmouseover="alert(6)">javascript:alert(7)</b>'
    reason.save()

    response = client.get("/errors/")

    collector = TagCollector()
    collector.feed(response.content.decode())
    scripts = [attrs for tag, attrs in collector.tags if tag == "script"]
    assert scripts == [{"src": "/static/catalog/reference.js", "defer": None}]
    assert collector.script_text.strip() == ""
    for tag, attrs in collector.tags:
        assert tag not in {"img", "svg", "iframe", "object", "embed"}
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        for name in ("href", "src", "action"):
            assert not (attrs.get(name) or "").strip().lower().startswith("javascript:")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_the_page_forbids_inline_script_and_loads_nothing_from_elsewhere(client):
    response = client.get("/errors/")

    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self'" in csp
    collector = TagCollector()
    collector.feed(response.content.decode())
    for tag, attrs in collector.tags:
        if tag == "link" and attrs.get("rel") == "alternate":
            # The language versions, named as search engines want them: absolute, this site.
            assert attrs["href"].startswith("http://testserver/"), attrs
            continue
        for name in ("href", "src"):
            value = attrs.get(name) or ""
            assert not value.startswith(("http:", "https:", "//")), value


def test_the_page_answers_304_to_a_revalidation_with_its_etag_or_date(client):
    first = client.get("/errors/")

    assert first["ETag"].startswith('"')
    assert "no-cache" in first["Cache-Control"]
    by_etag = client.get("/errors/", HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = client.get("/errors/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_etag["ETag"] == first["ETag"]
    assert by_date.status_code == 304
    assert client.get("/errors/", HTTP_IF_NONE_MATCH='"stale"').status_code == 200


@override_settings(CATALOG_REFRESH_INTERVAL=60)
def test_the_rendering_is_cached_per_catalog_version_and_dropped_on_an_edit(
    client, django_capture_on_commit_callbacks
):
    first = client.get("/errors/")
    old_version = catalog_get().version
    request = first.wsgi_request
    from django.core.cache import cache

    assert cache.get(cache_key(name="reference", catalog=catalog_get(), request=request)) == (
        first.content
    )

    with django_capture_on_commit_callbacks(execute=True):
        entry = ErrorStatus.objects.get(status=418)
        entry.description = "Short and stout."
        entry.save()
    second = client.get("/errors/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert catalog_get().version != old_version
    assert second.status_code == 200
    assert "Short and stout." in second.content.decode()
    assert second["ETag"] != first["ETag"]


def test_html_error_pages_share_the_look_of_the_reference_page(client):
    response = client.get("/no/such/page")

    assert response.status_code == 404
    content = response.content.decode()
    assert 'class="site-header"' in content
    assert "/static/catalog/catalog.css" in content
    assert 'href="http://testserver/errors/#not_found"' in content
    assert "Content-Security-Policy" in content
    assert_no_leak(response)


def test_the_page_takes_only_get_and_head(client):
    assert client.head("/errors/").status_code == 200
    assert client.post("/errors/").status_code == 405


def test_the_json_catalog_lists_every_status_with_its_reasons(client):
    response = client.get("/api/error-codes")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"errorCodes", "meta"}
    assert body["meta"] == {"offset": 0, "max": 25, "size": 14, "total": 14}
    statuses = [entry["status"] for entry in body["errorCodes"]]
    assert statuses == sorted(ErrorStatus.objects.values_list("status", flat=True))
    not_found = next(entry for entry in body["errorCodes"] if entry["status"] == 404)
    assert not_found["title"] == "Not Found"
    assert not_found["helpUrl"] == "http://testserver/errors/#404"
    codes = [reason["code"] for reason in not_found["reasons"]]
    assert codes == ["endpoint_not_found", "not_found"]
    reason = not_found["reasons"][1]
    assert reason == {
        "code": "not_found",
        "message": "{resource} not found",
        "placeholders": ["resource"],
        "troubleshooting": reason["troubleshooting"],
        "helpUrl": "http://testserver/errors/#not_found",
    }


def test_the_json_catalog_pages_with_max_and_offset_as_morpheus_lists_do(client):
    everything = client.get("/api/error-codes").json()["errorCodes"]

    body = client.get("/api/error-codes?max=2&offset=1").json()

    assert body == {
        "errorCodes": everything[1:3],
        "meta": {"offset": 1, "max": 2, "size": 2, "total": 14},
    }
    past = client.get("/api/error-codes?offset=20").json()
    assert past == {"errorCodes": [], "meta": {"offset": 20, "max": 25, "size": 0, "total": 14}}
    capped = client.get("/api/error-codes?max=1000").json()["meta"]
    assert capped == {"offset": 0, "max": 100, "size": 14, "total": 14}


@pytest.mark.parametrize(
    ("query", "field", "code", "message"),
    [
        ("max=0", "max", "min_value", "Ensure this value is greater than or equal to 1."),
        ("max=ten", "max", "invalid", "A valid integer is required."),
        ("offset=-1", "offset", "min_value", "Ensure this value is greater than or equal to 0."),
        ("offset=" + "9" * 5000, "offset", "max_string_length", "String value too large."),
    ],
)
def test_a_page_the_json_catalog_cant_give_is_a_400_naming_the_parameter(
    client, query, field, code, message
):
    response = client.get(f"/api/error-codes?{query}")

    assert_catalog_error(
        response,
        status=400,
        code="invalid_parameters",
        msg="Invalid query parameters",
        title="Bad Request",
        errors={field: message},
        field_errors=[{"field": field, "code": code, "message": message}],
    )


def test_every_page_of_the_json_catalog_revalidates_with_its_own_etag(client):
    first = client.get("/api/error-codes?max=3")
    second = client.get("/api/error-codes?max=3&offset=3")

    assert first["ETag"] != second["ETag"]
    again = client.get("/api/error-codes?max=3", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_one_error_code_answers_its_status_with_reasons(client):
    response = client.get("/api/error-codes/429")

    assert response.status_code == 200
    entry = response.json()["errorCode"]
    assert entry["status"] == 429
    assert [reason["code"] for reason in entry["reasons"]] == ["rate_limited", "throttled"]


def test_an_unknown_error_code_answers_the_catalogs_not_found(client):
    response = client.get("/api/error-codes/499")

    assert_catalog_error(
        response, status=404, code="not_found", msg="Error code not found", title="Not Found"
    )


def test_a_status_that_is_not_a_number_is_no_endpoint(client):
    response = client.get("/api/error-codes/abc")

    assert_catalog_error(
        response,
        status=404,
        code="endpoint_not_found",
        msg="Unable to find api endpoint GET /api/error-codes/abc",
        title="Not Found",
    )


def test_the_json_catalog_refuses_other_methods_with_allow(client):
    response = client.post("/api/error-codes", {})

    assert_catalog_error(
        response,
        status=405,
        code="method_not_allowed",
        msg="You tried to access a resource with an invalid method.",
        title="Method Not Allowed",
    )
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_the_json_catalog_answers_406_to_a_client_that_takes_no_json(client):
    response = client.get("/api/error-codes", HTTP_ACCEPT="text/csv")

    assert_catalog_error(
        response,
        status=406,
        code="not_acceptable",
        msg="You requested a format that isn't json.",
        title="Not Acceptable",
    )


@override_settings(CATALOG_REFRESH_INTERVAL=60)
def test_the_json_catalog_revalidates_with_etags_and_follows_edits(
    client, django_capture_on_commit_callbacks
):
    first = client.get("/api/error-codes")
    detail = client.get("/api/error-codes/410")

    assert client.get("/api/error-codes", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get("/api/error-codes/410", HTTP_IF_NONE_MATCH=detail["ETag"]).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        entry = ErrorStatus.objects.get(status=410)
        entry.title = "Gone For Good"
        entry.save()
    again = client.get("/api/error-codes/410", HTTP_IF_NONE_MATCH=detail["ETag"])

    assert again.status_code == 200
    assert again.json()["errorCode"]["title"] == "Gone For Good"
    assert client.get("/api/error-codes", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
)
def test_with_the_cache_unreachable_the_page_and_catalog_still_answer(client):
    page = client.get("/errors/")
    listing = client.get("/api/error-codes")

    assert page.status_code == 200
    assert '<article class="reason" id="not_found"' in page.content.decode()
    assert listing.status_code == 200
    assert listing.json()["meta"]["total"] == 14


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_the_database_unreachable_the_page_answers_from_the_built_in_seed(
    client, database_unreachable
):
    response = client.get("/errors/")

    assert response.status_code == 200
    content = response.content.decode()
    assert '<article class="reason" id="service_unavailable"' in content
    assert "Last-Modified" not in response
    assert_no_leak(response)


@override_settings(CATALOG_REFRESH_INTERVAL=0)
def test_a_reason_added_in_the_admin_gets_an_example_on_the_projects_own_api(client):
    status = ErrorStatus.objects.get(status=429)
    ErrorReason.objects.create(
        status=status,
        code="quota_exceeded",
        message="Your {resource} quota is used up",
        placeholders="resource",
    )

    content = client.get("/errors/").content.decode()
    examples = page_examples(content)

    # The URLconf's first DRF collection, and {resource} as that view names what it serves.
    assert "GET /api/error-codes HTTP/1.1" in content
    head, _, body = examples["quota_exceeded"].partition("\n\n")
    assert head.startswith("HTTP/1.1 429 Too Many Requests\n")
    assert json.loads(body)["msg"] == "Your error code quota is used up"
    assert json.loads(body)["helpUrl"] == "http://testserver/errors/#quota_exceeded"
