"""
Prometheus metrics of the catalog, with prometheus-client.

Under gunicorn every worker writes its values to files in PROMETHEUS_MULTIPROC_DIR
(gunicorn.conf.py sets one up) and /metrics sums them: the answer is the same
whichever worker serves the scrape. Without that variable (runserver, tests),
the process's own registry answers.
"""

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    generate_latest,
    multiprocess,
)

from catalog.types import Catalog

ERROR_RESPONSES = Counter(
    "catalog_error_responses",
    "Error responses served, by status and reason code.",
    ["status", "code"],
)
GAP_RESPONSES = Counter(
    "catalog_gap_responses",
    "Error responses served without a catalog entry (status or reason missing).",
    ["status", "code"],
)
SNAPSHOT_RELOADS = Counter(
    "catalog_snapshot_reloads", "Catalog snapshots loaded from the database, all workers."
)
CATALOG_VERSION = Gauge(
    "catalog_version",
    "The catalog version served (the highest among live workers).",
    multiprocess_mode="livemax",
)


# The counter of each (status, code) served so far: labels() costs more than inc().
_error_counters: dict[tuple[int, str], Counter] = {}


def metrics_error_served(*, status: int, code: str, gap: bool) -> None:
    counter = _error_counters.get((status, code))
    if counter is None:
        counter = _error_counters[status, code] = ERROR_RESPONSES.labels(status, code)
    counter.inc()
    if gap:
        GAP_RESPONSES.labels(status, code).inc()


def metrics_catalog_loaded(*, catalog: Catalog) -> None:
    """Called by the snapshot on every load from the database."""
    SNAPSHOT_RELOADS.inc()
    CATALOG_VERSION.set(catalog.version)


def metrics_render() -> tuple[bytes, str]:
    """The exposition text, summed over every worker in multiprocess mode."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
