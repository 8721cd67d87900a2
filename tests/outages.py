"""Real outages for tests: the service is really unreachable, nothing is mocked."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection


@contextmanager
def database_down() -> Iterator[None]:
    """
    Points the default connection at a database that is not there: a closed port on
    loopback for PostgreSQL, a file in a missing folder for SQLite. Connection
    attempts fail as they do in an outage. Needs a transactional test.
    """
    settings_dict = connection.settings_dict
    saved = {key: settings_dict.get(key) for key in ("NAME", "HOST", "PORT")}
    connection.close()
    if connection.vendor == "sqlite":
        settings_dict["NAME"] = "/nonexistent-folder/catalog.sqlite3"
    else:
        settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", "9"
    try:
        yield
    finally:
        connection.close()
        settings_dict.update(saved)
