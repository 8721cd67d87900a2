"""
What counting adds to one error, in microseconds, without the noise of HTTP:
the in-process count and the Prometheus sample (multiprocess mode, as under
gunicorn). Usage: .venv/bin/python bench/counting_cost.py
"""

import os
import statistics
import sys
import tempfile
import timeit
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ["CATALOG_COUNTS_FLUSH_INTERVAL"] = "0"


def main(number: int = 100_000, repeat: int = 7) -> None:
    with tempfile.TemporaryDirectory(prefix="counting-cost-") as folder:
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = folder
        import django

        django.setup()
        from catalog.telemetry.counting import counts_discard, error_count
        from catalog.telemetry.metrics import metrics_error_served

        def one_error() -> None:
            error_count(status=404, code="not_found", route="api/instances/<int:pk>")
            metrics_error_served(status=404, code="not_found", gap=False)

        runs = timeit.repeat(one_error, number=number, repeat=repeat)
        counts_discard()
    per_error = statistics.median(runs) / number * 1e6
    print(f"counting + Prometheus sample: {per_error:.2f} µs per error (median of {repeat})")


if __name__ == "__main__":
    main()
