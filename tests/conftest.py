import secrets
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from oauth2_provider.models import AccessToken, Application

from catalog.errors.snapshot import catalog_snapshot_reset
from catalog.models import ErrorReasonTranslation, ErrorStatusTranslation
from catalog.reference.caching import renderings_clear
from tests.outages import database_down


@pytest.fixture(autouse=True)
def _fresh_catalog_and_cache() -> Iterator[None]:
    """Each test starts with no catalog snapshot and an empty cache (rate counters, stamp)."""
    catalog_snapshot_reset()
    renderings_clear()
    cache.clear()
    yield
    catalog_snapshot_reset()
    renderings_clear()
    cache.clear()


@pytest.fixture
def catalog_untranslated(db: None) -> None:
    """
    The catalog without the German and French the demo ships (migration api.0004),
    as an adopter's catalog starts: for tests that write translations of their own.
    """
    ErrorStatusTranslation.objects.all().delete()
    ErrorReasonTranslation.objects.all().delete()
    catalog_snapshot_reset()
    renderings_clear()


@pytest.fixture
def client() -> Client:
    """A client that returns 500 responses instead of re-raising the view's exception."""
    return Client(raise_request_exception=False)


@pytest.fixture
def database_unreachable() -> Iterator[None]:
    """The database is down for the whole test (see tests/outages.py)."""
    with database_down():
        yield


@pytest.fixture
def user(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user(username="jdoe", password="s3cret-pass")


@pytest.fixture
def make_token() -> Callable[..., str]:
    """Issues an access token for a user directly, as the token endpoint would."""

    def make(user: Any, *, expires_in: int = 3600) -> str:
        token = secrets.token_urlsafe(24)
        AccessToken.objects.create(
            user=user,
            application=Application.objects.get(client_id="morph-api"),
            token=token,
            expires=timezone.now() + timedelta(seconds=expires_in),
            scope="write",
        )
        return token

    return make


@pytest.fixture
def api(client: Client, user: Any, make_token: Callable[..., str]) -> Client:
    """A client that sends a valid bearer token of `user`."""
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {make_token(user)}"
    return client
