"""
What counting adds to one error, in microseconds, without the noise of HTTP:
the in-process count and the Prometheus sample (multiprocess mode, as under
gunicorn), and the request log's recording (what was sent, appended to the pending
deque; its rows are written by the flusher thread, off the request path).
Usage: .venv/bin/python bench/counting_cost.py
"""

import os
import statistics
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ["CATALOG_COUNTS_FLUSH_INTERVAL"] = "0"


def median_us(
    step: Callable[[], None], number: int, repeat: int, reset: Callable[[], None]
) -> float:
    runs = []
    for _ in range(repeat):
        reset()
        runs.append(timeit.timeit(step, number=number))
    reset()
    return statistics.median(runs) / number * 1e6


def main(number: int = 100_000, repeat: int = 7) -> None:
    with tempfile.TemporaryDirectory(prefix="counting-cost-") as folder:
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = folder
        import django

        django.setup()
        from django.test import RequestFactory

        from catalog.errors.formatter import JSON, ErrorContent, json_bytes
        from catalog.handlers import CatalogResponse
        from catalog.telemetry.counting import counts_discard, error_count
        from catalog.telemetry.metrics import metrics_error_served
        from catalog.telemetry.request_log import request_log_discard, sent_of
        from catalog.telemetry.request_log import served_errors_pending as pending
        from catalog.types import ApiError

        route = "api/instances/<int:pk>"
        error = ApiError(404, "not_found", params={"resource": "instance"})
        request = RequestFactory().get("/api/instances/9")
        # The DRF handler's response, as error_served() is given it (no catalog read here).
        body = {"success": False, "msg": "Instance not found", "errors": {}, "status": 404}
        content = ErrorContent(body, json_bytes(body), JSON, "en")  # type: ignore[arg-type]
        response = CatalogResponse(content, status=404)
        response["Content-Language"] = "en"

        def one_count() -> None:
            error_count(status=404, code="not_found", route=route)
            metrics_error_served(status=404, code="not_found", gap=False)

        def one_recording() -> None:
            sent = sent_of(
                request, response, request_id="0123abcd", user_id=None, language="en", gap=False
            )
            pending.append((time.time(), sent, error, route, None))

        counting = median_us(one_count, number, repeat, counts_discard)
        recording = median_us(one_recording, number, repeat, request_log_discard)
    print(f"counting + Prometheus sample: {counting:.2f} µs per error (median of {repeat})")
    print(f"request log recording: {recording:.2f} µs per error (median of {repeat})")
    print(f"together: {counting + recording:.2f} µs per error")


if __name__ == "__main__":
    main()
