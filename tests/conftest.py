from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import Client

from catalog.selectors import catalog_snapshot_reset
from tests.outages import database_down


@pytest.fixture(autouse=True)
def _fresh_catalog_and_cache() -> Iterator[None]:
    """Each test starts with no catalog snapshot and an empty cache (rate counters, stamp)."""
    catalog_snapshot_reset()
    cache.clear()
    yield
    catalog_snapshot_reset()
    cache.clear()


@pytest.fixture
def client() -> Client:
    """A client that returns 500 responses instead of re-raising the view's exception."""
    return Client(raise_request_exception=False)


@pytest.fixture
def database_unreachable() -> Iterator[None]:
    """The database is down for the whole test (see tests/outages.py)."""
    with database_down():
        yield
