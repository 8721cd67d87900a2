"""The bookshelf API itself behaves as before the catalog was adopted."""

import pytest
from conftest import PASSWORD
from library.models import Book


def test_a_session_login_opens_the_api(client, user):
    response = client.post("/api-auth/login/", {"username": "ann", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/v1/books/").status_code == 200


def test_a_jwt_opens_the_api(anonymous, user):
    tokens = anonymous.post(
        "/v1/auth/jwt/create/", {"username": "ann", "password": PASSWORD}, format="json"
    )
    assert tokens.status_code == 200
    access, refresh = tokens.json()["access"], tokens.json()["refresh"]
    assert anonymous.get("/v1/books/", HTTP_AUTHORIZATION=f"Bearer {access}").status_code == 200
    refreshed = anonymous.post("/v1/auth/jwt/refresh/", {"refresh": refresh}, format="json")
    assert refreshed.status_code == 200
    assert refreshed.json()["access"]


def test_wrong_credentials_get_no_jwt(anonymous, user):
    response = anonymous.post(
        "/v1/auth/jwt/create/", {"username": "ann", "password": "wrong"}, format="json"
    )
    assert response.status_code == 401
    assert "access" not in response.json()


def test_the_book_list_is_paginated(api, author, user):
    for title in ["A Wizard of Earthsea", "The Lathe of Heaven", "The Word for World Is Forest"]:
        Book.objects.create(title=title, author=author, owner=user)
    page = api.get("/v1/books/").json()
    assert page["count"] == 3
    assert page["next"] == "http://testserver/v1/books/?page=2"
    assert page["previous"] is None
    assert [book["title"] for book in page["results"]] == [
        "A Wizard of Earthsea",
        "The Lathe of Heaven",
    ]


def test_creating_a_book_answers_201_with_its_author_nested(api, author):
    response = api.post(
        "/v1/books/", {"title": "The Dispossessed", "author_id": author.pk}, format="json"
    )
    assert response.status_code == 201
    book = response.json()
    assert book["author"] == {"id": author.pk, "name": "Ursula K. Le Guin", "born": None}
    assert book["owner"] == "ann"
    assert book["locked"] is False
    assert Book.objects.get(pk=book["id"]).title == "The Dispossessed"


def test_locking_a_book_answers_200(api, book):
    response = api.post(f"/v1/books/{book.pk}/lock/")
    assert response.status_code == 200
    assert response.json()["locked"] is True


@pytest.mark.django_db
def test_djoser_creates_a_user(anonymous, django_user_model):
    data = {"username": "bob", "email": "bob@example.com", "password": "a-long-passphrase-42"}
    response = anonymous.post("/v1/auth/users/", data, format="json")
    assert response.status_code == 201
    assert response.json()["username"] == "bob"
    assert django_user_model.objects.get(username="bob").check_password("a-long-passphrase-42")


def test_the_user_sees_their_profile(api):
    response = api.get("/v1/auth/users/me/")
    assert response.status_code == 200
    assert response.json()["username"] == "ann"
