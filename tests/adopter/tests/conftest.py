import pytest
from django.core.cache import cache
from library.models import Author, Book
from rest_framework.test import APIClient

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def _fresh_throttles():
    """Throttle counts live in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user(
        "ann", "ann@example.com", PASSWORD, display_name="Ann"
    )


@pytest.fixture
def anonymous():
    # A 500 is answered, not re-raised into the test.
    return APIClient(raise_request_exception=False)


@pytest.fixture
def api(user):
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(user)
    return client


@pytest.fixture
def author(db):
    return Author.objects.create(name="Ursula K. Le Guin")


@pytest.fixture
def book(author, user):
    return Book.objects.create(
        title="The Dispossessed", isbn="9780061054884", author=author, owner=user
    )
