"""
Counting error responses: in process first, then the shared cache, then the database.

The error path only adds to an in-process counter under a lock: no network, no
query. A daemon thread, started lazily by the first error of each process (so in
each gunicorn worker, never in the master), flushes the counter every
CATALOG_COUNTS_FLUSH_INTERVAL seconds: into a Redis hash with HINCRBY when the
cache is Redis, straight into the database (ErrorCount) otherwise. Every
CATALOG_COUNTS_PERSIST_INTERVAL seconds a worker drains the Redis hash into the
database. A process killed between two flushes loses what it counted since the
last one, and nothing older.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import threading
import time
from collections import Counter
from typing import TYPE_CHECKING

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import close_old_connections

if TYPE_CHECKING:  # redis-py is there only when the cache is Redis
    from redis import Redis

from catalog.conf import catalog_settings
from catalog.telemetry.counts import CountKey, counts_save
from catalog.telemetry.request_log import (
    REQUEST_LOG_PRUNE_INTERVAL,
    request_log_discard,
    request_log_flush,
    request_log_prune,
)

logger = logging.getLogger(__name__)

COUNTS_CACHE_KEY = "catalog:counts"
SEEN_CACHE_KEY = "catalog:counts:seen"


class _Pending:
    """This process's counts since its last flush."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.counts: Counter[CountKey] = Counter()
        self.seen: dict[CountKey, float] = {}
        self.flushed = 0
        self.flusher_pid = 0


_pending = _Pending()
_start_lock = threading.Lock()


def error_count(*, status: int, code: str, route: str) -> None:
    """Count one error response; cheap enough for every error."""
    now = time.time()
    key = (int(now // 3600) * 3600, status, code[:100], route[:255])
    with _pending.lock:
        _pending.counts[key] += 1
        _pending.seen[key] = now
    if _pending.flusher_pid != os.getpid():
        _flusher_start()


def counts_pending() -> int:
    """How many errors this process counted and has not flushed yet."""
    with _pending.lock:
        return sum(_pending.counts.values())


def counts_flushed() -> int:
    """How many errors this process has flushed so far (stored in the cache or database)."""
    return _pending.flushed


def counts_discard() -> None:
    """Forget this process's unflushed counts (tests)."""
    with _pending.lock:
        _pending.counts, _pending.seen = Counter(), {}
    request_log_discard()


def counts_flush() -> int:
    """Move this process's counts to the shared cache (Redis) or the database."""
    with _pending.lock:
        counts, seen = _pending.counts, _pending.seen
        _pending.counts, _pending.seen = Counter(), {}
    if not counts:
        return 0
    try:
        client = _redis()
        if client is None:
            counts_save(counts=counts, seen=seen)
        else:
            _redis_add(client, counts, seen)
    except Exception:
        with _pending.lock:  # kept for the next flush
            _pending.counts.update(counts)
            for key, at in seen.items():
                _pending.seen[key] = max(at, _pending.seen.get(key, at))
        raise
    flushed = sum(counts.values())
    with _pending.lock:
        _pending.flushed += flushed
    return flushed


def counts_persist() -> int:
    """Drain the counts flushed to Redis into the database (no-op without Redis)."""
    client = _redis()
    if client is None:
        return 0
    counts_key, seen_key = _keys()
    pipe = client.pipeline(transaction=True)
    pipe.hgetall(counts_key)
    pipe.hgetall(seen_key)
    pipe.delete(counts_key, seen_key)
    raw_counts, raw_seen, _ = pipe.execute()
    counts: Counter[CountKey] = Counter(
        {_key_decode(field): int(value) for field, value in raw_counts.items()}
    )
    seen = {_key_decode(field): float(value) for field, value in raw_seen.items()}
    try:
        counts_save(counts=counts, seen=seen)
    except Exception:
        _redis_add(client, counts, seen)  # back where they were, for the next attempt
        raise
    return sum(counts.values())


def counts_flush_all() -> None:
    """Flush, then persist: at process exit, and in tests. The request log too."""
    counts_flush()
    counts_persist()
    request_log_flush()


def _redis() -> Redis | None:
    cache = caches[catalog_settings.CACHE_ALIAS]
    if isinstance(cache, RedisCache):
        client: Redis = cache._cache.get_client(None, write=True)
        return client
    return None


def _keys() -> tuple[str, str]:
    cache = caches[catalog_settings.CACHE_ALIAS]
    return cache.make_and_validate_key(COUNTS_CACHE_KEY), cache.make_and_validate_key(
        SEEN_CACHE_KEY
    )


def _redis_add(client: Redis, counts: Counter[CountKey], seen: dict[CountKey, float]) -> None:
    counts_key, seen_key = _keys()
    pipe = client.pipeline(transaction=False)
    for key, count in counts.items():
        pipe.hincrby(counts_key, json.dumps(key), count)
    for key, at in seen.items():
        pipe.hset(seen_key, json.dumps(key), str(at))
    pipe.execute()


def _key_decode(field: bytes) -> CountKey:
    hour, status, code, route = json.loads(field)
    return int(hour), int(status), str(code), str(route)


def _flusher_start() -> None:
    with _start_lock:
        if _pending.flusher_pid == os.getpid():
            return
        _pending.flusher_pid = os.getpid()
        interval = catalog_settings.COUNTS_FLUSH_INTERVAL
        if interval > 0:
            thread = threading.Thread(
                target=_flush_loop, args=(interval,), name="catalog-counts", daemon=True
            )
            thread.start()
            atexit.register(_flush_at_exit)


def _flush_loop(interval: float) -> None:
    persisted_at = pruned_at = time.monotonic()
    while True:
        time.sleep(interval)
        persist = time.monotonic() - persisted_at >= catalog_settings.COUNTS_PERSIST_INTERVAL
        try:
            counts_flush()
            if persist:
                persisted_at = time.monotonic()
                counts_persist()
        except Exception:
            logger.exception("catalog: could not flush the error counts; retrying")
        try:
            request_log_flush()
            if time.monotonic() - pruned_at >= REQUEST_LOG_PRUNE_INTERVAL:
                pruned_at = time.monotonic()
                request_log_prune()
        except Exception:
            logger.exception("catalog: could not flush the request log; retrying")
        finally:
            close_old_connections()


def _flush_at_exit() -> None:
    # A process that ends normally hands over its last counts (a crash loses them).
    try:
        counts_flush()
    except Exception:
        logger.exception("catalog: could not flush the error counts at exit")
    try:
        request_log_flush()
    except Exception:
        logger.exception("catalog: could not flush the request log at exit")


def _after_fork_in_child() -> None:
    # The parent's unflushed counts are the parent's to flush; the child starts afresh.
    _pending.lock = threading.Lock()
    _pending.counts, _pending.seen = Counter(), {}
    _pending.flushed = _pending.flusher_pid = 0
    request_log_discard()


os.register_at_fork(after_in_child=_after_fork_in_child)
