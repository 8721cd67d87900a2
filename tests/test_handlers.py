"""Every error path of an API request answers the catalog's body (catalog/handlers.py)."""

import json
import logging

import pytest
from django.core.signals import got_request_exception
from django.test import Client, override_settings

from tests.asserts import assert_catalog_error, assert_no_leak
from tests.outages import database_down

pytestmark = pytest.mark.django_db

SERVER_ERROR_MSG = "We had a problem with our server. Try again later."
OFFLINE_MSG = "We're temporarily offline for maintenance. Please try again later."


@pytest.mark.parametrize(
    ("name", "status", "code", "msg", "title"),
    [
        ("parse-error", 400, "parse_error", "Malformed request body", "Bad Request"),
        (
            "permission-denied",
            403,
            "permission_denied",
            "You do not have permissions to access this api endpoint",
            "Forbidden",
        ),
        ("not-found", 404, "not_found", "Resource not found", "Not Found"),
        (
            "not-acceptable",
            406,
            "not_acceptable",
            "You requested a format that isn't json.",
            "Not Acceptable",
        ),
        ("django-http404", 404, "not_found", "Resource not found", "Not Found"),
        (
            "django-permission-denied",
            403,
            "permission_denied",
            "You do not have permissions to access this api endpoint",
            "Forbidden",
        ),
        (
            "suspicious",
            400,
            "bad_request",
            "Your request failed. Check your request parameters and try again.",
            "Bad Request",
        ),
        ("gone", 410, "gone", "The entity requested has been removed from our servers.", "Gone"),
        ("teapot", 418, "teapot", "I'm a teapot.", "I'm a Teapot"),
    ],
)
def test_drf_and_django_exceptions_answer_their_catalog_reason(
    client, name, status, code, msg, title
):
    response = client.get(f"/api/test/raise/{name}")

    assert_catalog_error(response, status=status, code=code, msg=msg, title=title)


def test_validation_errors_answer_invalid_with_fields_keyed_as_the_morpheus_cli_prints_them(
    client,
):
    payload = {"name": "far too long a name", "config": {"size": 11}, "tags": [1, "x"]}

    response = client.post("/api/test/instances", payload, content_type="application/json")

    assert_catalog_error(
        response,
        status=400,
        code="invalid",
        msg="Unable to save instance",
        title="Bad Request",
        errors={
            "name": "Ensure this field has no more than 10 characters.",
            "config.size": "Ensure this value is less than or equal to 10.",
            "tags.1": "A valid integer is required.",
        },
        field_errors=[
            {
                "field": "name",
                "code": "max_length",
                "message": "Ensure this field has no more than 10 characters.",
            },
            {
                "field": "config.size",
                "code": "max_value",
                "message": "Ensure this value is less than or equal to 10.",
            },
            {"field": "tags.1", "code": "invalid", "message": "A valid integer is required."},
        ],
    )


def test_django_validation_error_answers_invalid_with_its_field_messages(client):
    response = client.get("/api/test/raise/django-validation-error")

    assert_catalog_error(
        response,
        status=400,
        code="invalid",
        msg="Unable to save resource",
        title="Bad Request",
        errors={"name": "Ensure this value has at most 10 characters."},
        field_errors=[
            {
                "field": "name",
                "code": "invalid",
                "message": "Ensure this value has at most 10 characters.",
            }
        ],
    )


def test_malformed_json_body_answers_parse_error(client):
    response = client.post("/api/test/instances", "{not json", content_type="application/json")

    assert_catalog_error(
        response, status=400, code="parse_error", msg="Malformed request body", title="Bad Request"
    )


def test_missing_object_names_the_views_resource(client):
    response = client.get("/api/test/instances")

    assert_catalog_error(
        response, status=404, code="not_found", msg="Instance not found", title="Not Found"
    )


def test_not_authenticated_without_a_challenge_is_drfs_403_without_oauth_members(client):
    response = client.get("/api/test/raise/not-authenticated")

    assert_catalog_error(
        response,
        status=403,
        code="not_authenticated",
        msg="Full authentication is required to access this resource",
        title="Forbidden",
    )
    assert not response.has_header("WWW-Authenticate")


def test_not_authenticated_is_a_401_with_a_challenge_and_oauth_members(client):
    response = client.get("/api/test/bearer-raise/not-authenticated")

    body = assert_catalog_error(
        response,
        status=401,
        code="not_authenticated",
        msg="Full authentication is required to access this resource",
        title="Unauthorized",
        oauth=True,
    )
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert body["error"] == "unauthorized"
    assert body["error_description"] == body["msg"]


def test_failed_authentication_keeps_drfs_code_and_the_views_challenge(client):
    response = client.get("/api/test/bearer-raise/authentication-failed")

    body = assert_catalog_error(
        response,
        status=401,
        code="authentication_failed",
        msg="Incorrect authentication credentials.",
        title="Unauthorized",
        oauth=True,
    )
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert body["error"] == "invalid_token"


def test_failed_authentication_raised_with_a_code_answers_that_codes_text(client):
    response = client.get("/api/test/bearer-raise/invalid-token")

    body = assert_catalog_error(
        response,
        status=401,
        code="invalid_token",
        msg="Invalid access token",
        title="Unauthorized",
        oauth=True,
    )
    assert body["error_description"] == "Invalid access token"


def test_an_expired_token_is_a_401_token_expired(client):
    response = client.get("/api/test/bearer-raise/token-expired")

    body = assert_catalog_error(
        response,
        status=401,
        code="token_expired",
        msg="Access token expired",
        title="Unauthorized",
        oauth=True,
    )
    assert body["error"] == "invalid_token"


def test_wrong_method_answers_405_with_allow(client):
    response = client.delete("/api/ping")

    assert_catalog_error(
        response,
        status=405,
        code="method_not_allowed",
        msg="You tried to access a resource with an invalid method.",
        title="Method Not Allowed",
    )
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_accept_naming_no_json_format_answers_406_in_json(client):
    response = client.get("/api/ping", HTTP_ACCEPT="text/csv")

    assert_catalog_error(
        response,
        status=406,
        code="not_acceptable",
        msg="You requested a format that isn't json.",
        title="Not Acceptable",
    )


def test_unsupported_media_type_is_seeded(client, caplog):
    response = client.post("/api/test/instances", "name=x", content_type="text/csv")

    assert_catalog_error(
        response,
        status=415,
        code="unsupported_media_type",
        msg="Unsupported media type in request",
        title="Unsupported Media Type",
    )
    assert "catalog gap" not in caplog.text


def test_drf_throttled_answers_429_with_drfs_code_and_retry_after(client):
    response = client.get("/api/test/raise/throttled")

    assert_catalog_error(
        response,
        status=429,
        code="throttled",
        msg="You're asking too much of the server. Slow down!",
        title="Too Many Requests",
    )
    assert response["Retry-After"] == "13"


def test_django_ratelimit_answers_429_with_the_seconds_left_in_its_window(client):
    assert client.get("/api/test/ratelimited").status_code == 200
    assert client.get("/api/test/ratelimited").status_code == 200

    response = client.get("/api/test/ratelimited")

    assert_catalog_error(
        response,
        status=429,
        code="rate_limited",
        msg="You're asking too much of the server. Slow down!",
        title="Too Many Requests",
    )
    assert 1 <= int(response["Retry-After"]) <= 3600


def test_the_librarys_own_ratelimited_is_a_429_not_a_403(client):
    assert client.get("/api/test/library-ratelimited").status_code == 200

    response = client.get("/api/test/library-ratelimited")

    assert_catalog_error(
        response,
        status=429,
        code="rate_limited",
        msg="You're asking too much of the server. Slow down!",
        title="Too Many Requests",
    )
    assert response["Retry-After"] == "30"


@pytest.mark.parametrize(
    ("name", "code", "retry_after"),
    [("maintenance", "maintenance", "120"), ("service-unavailable", "service_unavailable", "30")],
)
def test_503s_carry_retry_after(client, name, code, retry_after):
    response = client.get(f"/api/test/raise/{name}")

    assert_catalog_error(
        response, status=503, code=code, msg=OFFLINE_MSG, title="Service Unavailable"
    )
    assert response["Retry-After"] == retry_after


def test_unhandled_exception_is_a_500_that_tells_nothing_of_the_exception(client):
    response = client.get("/api/test/raise/unhandled")

    assert_catalog_error(
        response,
        status=500,
        code="server_error",
        msg=SERVER_ERROR_MSG,
        title="Internal Server Error",
    )


def test_unhandled_exception_is_logged_with_request_id_and_traceback(client, caplog):
    caplog.set_level(logging.ERROR, logger="django.request")

    response = client.get("/api/test/raise/unhandled", HTTP_X_REQUEST_ID="trace-me-42")

    assert response["X-Request-ID"] == "trace-me-42"
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == "Internal Server Error: /api/test/raise/unhandled"
    assert record.requestId == "trace-me-42"
    assert record.exc_info is not None
    assert record.exc_info[0].__name__ == "Boom"


def test_unhandled_exception_is_sent_to_got_request_exception(client):
    received = []

    def receiver(sender, request, **kwargs):
        received.append(request.path)

    got_request_exception.connect(receiver)
    try:
        client.get("/api/test/raise/unhandled")
    finally:
        got_request_exception.disconnect(receiver)

    assert received == ["/api/test/raise/unhandled"]


def test_unknown_status_and_reason_answer_in_the_same_shape_and_log_a_gap(client, caplog):
    response = client.get("/api/test/raise/unknown-status")

    # The exception's own message; the page has no anchor for it, so helpUrl has none.
    assert_catalog_error(
        response,
        status=499,
        code="error",
        msg="A server error occurred.",
        title="Error",
        anchor="",
    )
    assert "catalog gap: no status for status 499" in caplog.text


def test_a_reason_missing_from_the_catalog_answers_its_status_description(client, caplog):
    from catalog.models import ErrorReason

    ErrorReason.objects.filter(code="teapot").delete()

    response = client.get("/api/test/raise/teapot")

    assert_catalog_error(
        response,
        status=418,
        code="teapot",
        msg="I'm a teapot.",
        title="I'm a Teapot",
        anchor="418",
    )
    assert "catalog gap: no reason for status 418, code teapot" in caplog.text


@pytest.mark.parametrize("method", ["get", "post", "put", "patch", "delete", "options", "head"])
def test_unknown_api_path_answers_endpoint_not_found_for_any_method(client, method):
    response = getattr(client, method)("/api/foobar")

    assert response.status_code == 404
    if method != "head":
        assert_catalog_error(
            response,
            status=404,
            code="endpoint_not_found",
            msg=f"Unable to find api endpoint {method.upper()} /api/foobar",
            title="Not Found",
        )


@override_settings(DEBUG=True)
def test_unknown_api_path_answers_json_even_in_debug(client):
    response = client.get("/api/foobar")

    assert_catalog_error(
        response,
        status=404,
        code="endpoint_not_found",
        msg="Unable to find api endpoint GET /api/foobar",
        title="Not Found",
    )


def test_problem_json_is_the_same_error_as_rfc_9457_problem_details(client):
    response = client.get("/api/foobar", HTTP_ACCEPT="application/problem+json")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {
        "type": "http://testserver/errors/#endpoint_not_found",
        "title": "Not Found",
        "status": 404,
        "detail": "Unable to find api endpoint GET /api/foobar",
        "instance": "/api/foobar",
        "code": "endpoint_not_found",
        "errors": {},
        "requestId": response["X-Request-ID"],
    }


def test_problem_json_from_a_drf_view_is_not_turned_into_406(client):
    response = client.get("/api/test/raise/teapot", HTTP_ACCEPT="application/problem+json")

    assert response.status_code == 418
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "teapot"


def test_problem_json_keeps_the_oauth_members_of_a_401(client):
    response = client.get(
        "/api/test/bearer-raise/not-authenticated", HTTP_ACCEPT="application/problem+json"
    )

    body = response.json()
    assert response.status_code == 401
    assert body["detail"] == body["error_description"]
    assert body["error"] == "unauthorized"


def test_json_clients_still_get_json_for_successes_when_they_accept_problem_json(client):
    response = client.get("/api/ping", HTTP_ACCEPT="application/problem+json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_disallowed_host_answers_400_without_touching_the_bad_host_again(client):
    response = client.get("/api/ping", HTTP_HOST="evil.example.com")

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "bad_request"
    assert body["helpUrl"] == "/errors/#bad_request"
    assert "evil.example.com" not in response.content.decode()


def test_suspicious_operation_outside_drf_answers_400_bad_request(client):
    response = client.get("/api/test/django-suspicious")

    assert_catalog_error(
        response,
        status=400,
        code="bad_request",
        msg="Your request failed. Check your request parameters and try again.",
        title="Bad Request",
    )


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024)
def test_json_body_over_the_upload_limit_answers_request_too_large(client):
    body = json.dumps({"name": "x" * 2000})

    response = client.post("/api/test/instances", body, content_type="application/json")

    assert_catalog_error(
        response,
        status=400,
        code="request_too_large",
        msg="Request body is too large",
        title="Bad Request",
    )


def test_csrf_failure_under_api_answers_403_csrf_failed():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/api/test/form", {"name": "x"})

    assert_catalog_error(
        response,
        status=403,
        code="csrf_failed",
        msg="CSRF verification failed",
        title="Forbidden",
    )


def test_unknown_api_paths_answer_404_not_a_csrf_failure():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/api/nope", {"name": "x"})

    assert response.status_code == 404
    assert response.json()["code"] == "endpoint_not_found"


def test_unhandled_exception_outside_drf_answers_500_json_under_api(client):
    response = client.get("/api/test/django-boom")

    assert_catalog_error(
        response,
        status=500,
        code="server_error",
        msg=SERVER_ERROR_MSG,
        title="Internal Server Error",
    )


def test_error_responses_echo_a_sane_client_request_id(client):
    response = client.get("/api/foobar", HTTP_X_REQUEST_ID="9b2f0c6e4a1d4c55")

    assert response["X-Request-ID"] == "9b2f0c6e4a1d4c55"
    assert response.json()["requestId"] == "9b2f0c6e4a1d4c55"


@pytest.mark.parametrize("sent", ["", "has spaces", "x" * 200, "<script>", "a\u00e9b"])
def test_an_insane_client_request_id_is_replaced(client, sent):
    response = client.get("/api/foobar", HTTP_X_REQUEST_ID=sent)

    assert response["X-Request-ID"] != sent
    assert len(response["X-Request-ID"]) == 16
    assert_no_leak(response)


def test_unknown_page_outside_the_api_is_an_html_page_with_catalog_text(client):
    response = client.get("/no-such-page")

    assert response.status_code == 404
    assert response["Content-Type"] == "text/html; charset=utf-8"
    text = response.content.decode()
    assert "<h1>Not Found</h1>" in text
    assert "Page not found" in text
    assert response["X-Request-ID"] in text


def test_html_error_pages_follow_catalog_edits(client):
    from catalog.models import ErrorStatus

    ErrorStatus.objects.filter(status=404).update(title="Nothing here")

    response = client.get("/no-such-page")

    assert "<h1>Nothing here</h1>" in response.content.decode()


def test_unhandled_exception_outside_the_api_is_an_html_500_page(client):
    response = client.get("/pages/boom")

    assert response.status_code == 500
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "<h1>Internal Server Error</h1>" in response.content.decode()
    assert SERVER_ERROR_MSG in response.content.decode()
    assert_no_leak(response)


def test_csrf_failure_outside_the_api_is_an_html_403_page():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/pages/form", {"name": "x"})

    assert response.status_code == 403
    assert "CSRF verification failed" in response.content.decode()
    assert response["Content-Type"] == "text/html; charset=utf-8"


transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@transactional
@pytest.mark.parametrize("path", ["/api/test/users", "/api/test/django-database"])
def test_a_request_that_needs_the_database_answers_503_while_it_is_down(client, path):
    client.get("/api/foobar")  # warm the catalog snapshot

    with database_down():
        response = client.get(path)

    assert_catalog_error(
        response,
        status=503,
        code="service_unavailable",
        msg=OFFLINE_MSG,
        title="Service Unavailable",
    )
    assert response["Retry-After"] == "30"


@transactional
def test_a_page_that_needs_the_database_answers_an_html_503_while_it_is_down(client):
    with database_down():
        response = client.get("/pages/database")

    assert response.status_code == 503
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert OFFLINE_MSG.replace("'", "&#x27;") in response.content.decode()
    assert_no_leak(response)


@pytest.fixture
def german_page_errors(catalog_untranslated):
    from catalog.models import ErrorStatus, ErrorStatusTranslation

    for status, title in ((404, "Nicht gefunden"), (500, "Interner Serverfehler")):
        ErrorStatusTranslation.objects.create(
            status=ErrorStatus.objects.get(status=status), language="de", title=title
        )


@pytest.mark.parametrize(
    ("path", "headers", "status", "language", "title"),
    [
        ("/no-such-page", {}, 404, "en", "Not Found"),
        ("/no-such-page", {"HTTP_ACCEPT_LANGUAGE": "de-DE,de;q=0.9"}, 404, "de", "Nicht gefunden"),
        ("/de/no-such-page", {}, 404, "de", "Nicht gefunden"),
        ("/de/no-such-page", {"HTTP_ACCEPT_LANGUAGE": "fr"}, 404, "de", "Nicht gefunden"),
        ("/fr/no-such-page", {"HTTP_ACCEPT_LANGUAGE": "de"}, 404, "en", "Not Found"),
        ("/pages/boom", {"HTTP_ACCEPT_LANGUAGE": "de"}, 500, "de", "Interner Serverfehler"),
    ],
)
def test_html_error_pages_say_the_language_they_are_in(
    client, german_page_errors, path, headers, status, language, title
):
    response = client.get(path, **headers)

    page = response.content.decode()
    assert response.status_code == status
    assert response["Content-Language"] == language
    assert f'<html lang="{language}">' in page
    assert f"<h1>{title}</h1>" in page
    about = {
        "en": "About this error",
        "de": "Über diesen Fehler",
        "fr": "À propos de cette erreur",
    }
    assert f">{about[language]}</a>" in page  # the page's own words: its language too
    assert_no_leak(response)
