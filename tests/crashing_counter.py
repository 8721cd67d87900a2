"""
A process that serves errors, then dies without a chance to flush (SIGKILL from
tests/test_counting.py). Usage: python -m tests.crashing_counter INTERVAL FIRST SECOND

It serves FIRST errors, waits until its flushing thread has flushed them (one
interval after the first error), serves SECOND errors right away, says "served"
and waits to be killed, well before the next flush.
"""

import sys
import time

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

from catalog.telemetry.counting import counts_flushed  # noqa: E402


def main(interval: float, first: int, second: int) -> None:
    settings.CATALOG_COUNTS_FLUSH_INTERVAL = interval
    client = Client(HTTP_HOST="127.0.0.1")
    started = time.monotonic()
    for _ in range(first):
        assert client.get("/api/teapot").status_code == 418
    while counts_flushed() < first:  # the first flush, stored
        assert time.monotonic() - started < 10 * interval, "never flushed"
        time.sleep(0.01)
    for _ in range(second):
        assert client.get("/api/teapot").status_code == 418
    print("served", round(time.monotonic() - started, 3), flush=True)
    time.sleep(60)


if __name__ == "__main__":
    main(float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
