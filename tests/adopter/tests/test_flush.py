"""
A transactional test flushes the database when it ends; the catalog app seeds it again,
so the tests after it still get the catalog's own text.
"""

import logging

import pytest
from library.models import Book

from catalog.models import ErrorReason


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_commits_its_book(api, author):
    response = api.post(
        "/v1/books/", {"title": "Always Coming Home", "author_id": author.pk}, format="json"
    )
    assert response.status_code == 201
    assert Book.objects.filter(title="Always Coming Home").exists()


# Transactional too, so that pytest-django runs it after the one above (and its flush).
@pytest.mark.django_db(transaction=True)
def test_after_the_flush_a_404_still_answers_the_catalog_text(api, client, caplog):
    assert not Book.objects.exists()  # the flush did happen
    assert ErrorReason.objects.get(code="not_found").message == "{resource} not found"
    assert 'id="not_found"' in client.get("/errors/").content.decode()
    with caplog.at_level(logging.WARNING, logger="catalog.gaps"):
        body = api.get("/v1/books/999/").json()
    assert body["code"] == "not_found"
    assert body["msg"] == "Book not found"
    assert not [record for record in caplog.records if "catalog gap" in record.getMessage()]
