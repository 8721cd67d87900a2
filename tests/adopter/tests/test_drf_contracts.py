"""
Where DRF decides an error's status, challenge and code, the catalog answers the same:
each request is sent once with DRF's own exception handler and once with the catalog's.
"""

import pytest
from django.conf import settings
from django.test import override_settings
from errorshape import catalog_error

DRF_HANDLER = "rest_framework.views.exception_handler"


def drf_answer(send):
    """The response DRF's default exception handler gives to the same request."""
    with override_settings(
        REST_FRAMEWORK={**settings.REST_FRAMEWORK, "EXCEPTION_HANDLER": DRF_HANDLER}
    ):
        return send()


def assert_answers_as_drf(send):
    """The catalog's body, after checking its status, WWW-Authenticate and code against DRF's."""
    drf = drf_answer(send)
    response = send()
    body = catalog_error(response)
    assert (response.status_code, response.get("WWW-Authenticate"), body["code"]) == (
        drf.status_code,
        drf.get("WWW-Authenticate"),
        drf.data["detail"].code,
    )
    return body, drf


@pytest.mark.django_db
def test_an_anonymous_request_answers_as_drf_does(anonymous):
    # SessionAuthentication comes first and has no challenge: DRF answers 403.
    assert_answers_as_drf(lambda: anonymous.get("/v1/books/"))


@pytest.mark.django_db
def test_a_bad_jwt_answers_as_drf_does(anonymous):
    assert_answers_as_drf(
        lambda: anonymous.get("/v1/books/", HTTP_AUTHORIZATION="Bearer not.a.token")
    )


@pytest.mark.django_db
def test_an_anonymous_request_to_a_jwt_only_view_answers_as_drf_does(anonymous):
    # JWTAuthentication alone: DRF answers 401 with its Bearer challenge.
    assert_answers_as_drf(lambda: anonymous.get("/v1/reports/summary/"))


@pytest.mark.django_db
def test_a_bad_jwt_to_a_jwt_only_view_answers_as_drf_does(anonymous):
    assert_answers_as_drf(
        lambda: anonymous.get("/v1/reports/summary/", HTTP_AUTHORIZATION="Bearer not.a.token")
    )


def test_the_book_locked_exception_keeps_its_code_and_message(api, book):
    book.locked = True
    book.save()
    body, drf = assert_answers_as_drf(lambda: api.post(f"/v1/books/{book.pk}/lock/"))
    assert body["code"] == "book_locked"
    assert body["msg"] == str(drf.data["detail"]) == "This book is locked."


def test_an_unsupported_media_type_answers_as_drf_does(api, author):
    body, _ = assert_answers_as_drf(
        lambda: api.post("/v1/books/", "title=Dune", content_type="text/plain")
    )
    assert body["code"] == "unsupported_media_type"


def test_the_field_code_of_validate_title_reaches_the_client(api, author):
    def send():
        return api.post("/v1/books/", {"title": "DUNE", "author_id": author.pk}, format="json")

    drf = drf_answer(send)
    assert drf.data["title"][0].code == "shouting"
    body = catalog_error(send(), 400)
    assert "shouting" in str(body)


def jwt_for(user, lifetime):
    from rest_framework_simplejwt.tokens import AccessToken

    token = AccessToken.for_user(user)
    token.set_exp(lifetime=lifetime)
    return str(token)


def test_an_expired_jwt_answers_as_drf_does_with_simplejwts_code(anonymous, user):
    from datetime import timedelta

    expired = jwt_for(user, timedelta(seconds=-5))
    body, _ = assert_answers_as_drf(
        lambda: anonymous.get("/v1/reports/summary/", HTTP_AUTHORIZATION=f"Bearer {expired}")
    )
    assert body["code"] == "token_not_valid"
    assert body["status"] == 401
    assert body["error"] == "invalid_token"  # a bearer challenge: the OAuth members


def test_a_valid_jwt_still_opens_the_jwt_only_view(anonymous, user):
    from datetime import timedelta

    token = jwt_for(user, timedelta(minutes=5))
    assert (
        anonymous.get("/v1/reports/summary/", HTTP_AUTHORIZATION=f"Bearer {token}").status_code
        == 200
    )
