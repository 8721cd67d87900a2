"""Every error the bookshelf API raises is answered from the catalog."""

import pytest
from errorshape import catalog_error
from library.models import Book


@pytest.mark.django_db
def test_a_missing_book_answers_404_not_found(api):
    body = catalog_error(api.get("/v1/books/999/"), 404)
    assert body["code"] == "not_found"
    assert body["msg"] == "Book not found"
    assert body["errors"] == {}


def test_a_too_long_title_answers_400_with_the_field_error(api, author):
    response = api.post("/v1/books/", {"title": "x" * 201, "author_id": author.pk}, format="json")
    body = catalog_error(response, 400)
    assert body["code"] == "invalid"
    assert body["msg"] == "Unable to save book"
    assert body["errors"] == {"title": "Ensure this field has no more than 200 characters."}
    assert not Book.objects.exists()


def test_a_title_in_capitals_is_refused_by_validate_title(api, author):
    response = api.post("/v1/books/", {"title": "DUNE", "author_id": author.pk}, format="json")
    body = catalog_error(response, 400)
    assert body["code"] == "invalid"
    assert body["errors"] == {"title": "Titles are not written in capitals."}


def test_an_unknown_author_id_is_a_field_error(api):
    response = api.post("/v1/books/", {"title": "Dune", "author_id": 999}, format="json")
    body = catalog_error(response, 400)
    assert body["errors"] == {"author_id": 'Invalid pk "999" - object does not exist.'}


@pytest.mark.django_db
def test_a_wrong_method_answers_405(api):
    response = api.delete("/v1/books/")
    body = catalog_error(response, 405)
    assert body["code"] == "method_not_allowed"
    assert body["msg"] == "You tried to access a resource with an invalid method."
    assert response["Allow"] == "GET, POST, HEAD, OPTIONS"


@pytest.mark.django_db
def test_asking_for_csv_answers_406(api):
    body = catalog_error(api.get("/v1/books/", HTTP_ACCEPT="text/csv"), 406)
    assert body["code"] == "not_acceptable"
    assert body["msg"] == "You requested a format that isn't json."


def test_a_plain_text_body_answers_415(api, author):
    response = api.post("/v1/books/", "title=Dune", content_type="text/plain")
    catalog_error(response, 415)
    assert not Book.objects.exists()


@pytest.mark.django_db
def test_too_many_reports_answer_429(api):
    assert api.get("/v1/reports/summary/").status_code == 200
    assert api.get("/v1/reports/summary/").status_code == 200
    response = api.get("/v1/reports/summary/")
    body = catalog_error(response, 429)
    assert body["code"] == "throttled"  # DRF's own code, with the catalog's words
    assert body["msg"] == "You're asking too much of the server. Slow down!"
    assert 0 < int(response["Retry-After"]) <= 60


def test_locking_a_locked_book_answers_409(api, book):
    assert api.post(f"/v1/books/{book.pk}/lock/").status_code == 200
    catalog_error(api.post(f"/v1/books/{book.pk}/lock/"), 409)


def test_editing_a_locked_book_answers_409_and_changes_nothing(api, book):
    Book.objects.filter(pk=book.pk).update(locked=True)
    response = api.patch(f"/v1/books/{book.pk}/", {"title": "Changed"}, format="json")
    catalog_error(response, 409)
    book.refresh_from_db()
    assert book.title == "The Dispossessed"


def test_the_projects_own_exception_answers_as_catalog_exceptions_maps_it(api, book):
    response = api.post(f"/v1/books/{book.pk}/refresh-isbn/")
    body = catalog_error(response, 502)
    assert body["code"] == "isbn_registry_unavailable"
    assert body["msg"] == "Bad Gateway."
    content = response.content.decode()
    for leak in [
        "Traceback",
        "IsbnRegistryError",
        "isbn-registry.internal",
        "refused",
        "9780061054884",
    ]:
        assert leak not in content


@pytest.mark.django_db
def test_an_anonymous_request_answers_a_catalog_error(anonymous):
    response = anonymous.get("/v1/books/")
    body = catalog_error(response)
    assert response.status_code in (401, 403)
    assert body["code"] == "not_authenticated"


@pytest.mark.django_db
def test_a_bad_jwt_answers_a_catalog_error(anonymous):
    response = anonymous.get("/v1/books/", HTTP_AUTHORIZATION="Bearer not.a.token")
    catalog_error(response)
    assert response.status_code in (401, 403)


def test_djoser_refuses_a_taken_username(anonymous, user):
    data = {"username": "ann", "email": "ann2@example.com", "password": "another-long-passphrase"}
    body = catalog_error(anonymous.post("/v1/auth/users/", data, format="json"), 400)
    assert body["code"] == "invalid"
    assert body["msg"] == "Unable to save user"
    assert body["errors"] == {"username": "A user with that username already exists."}


@pytest.mark.django_db
def test_djoser_refuses_a_weak_password(anonymous):
    data = {"username": "bob", "email": "bob@example.com", "password": "12345"}
    body = catalog_error(anonymous.post("/v1/auth/users/", data, format="json"), 400)
    assert body["code"] == "invalid"
    assert list(body["errors"]) == ["password"]
    assert "This password is too short." in body["errors"]["password"]


def test_a_custom_code_and_message_from_a_view_are_kept(api, book):
    body = catalog_error(api.get(f"/v1/books/{book.pk}/reviews/"), 404)
    assert body["code"] == "reviews_not_found"
    assert body["msg"] == f"No reviews of book {book.pk} yet."
    assert body["helpUrl"].endswith("/errors/#404")  # no reason for the code: its status


def test_a_permission_message_given_by_the_view_is_kept(api, book, django_user_model):
    other = django_user_model.objects.create_user("bob", "bob@example.com", "another-pass-123")
    book.owner = other
    book.save()
    body = catalog_error(api.delete(f"/v1/books/{book.pk}/"), 403)
    assert body["code"] == "permission_denied"
    assert body["msg"] == "Only the owner may delete a book."


def test_field_codes_reach_the_client_beside_the_flat_errors(api, author):
    response = api.post("/v1/books/", {"title": "", "author_id": author.pk}, format="json")
    body = catalog_error(response, 400)
    assert body["errors"]["title"] == "This field may not be blank."
    assert {"field": "title", "code": "blank", "message": "This field may not be blank."} in (
        body["fieldErrors"]
    )
    assert response.data == body  # a DRF Response: tests read .data as before
