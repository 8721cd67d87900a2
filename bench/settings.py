"""
Benchmark-only settings: the production settings plus the comparison views of
bench/urls.py (DRF's default handler, a naive per-error-query catalog, Django's
default 404) and a header naming the worker process. Never used in production.
"""

from morpheus_errors.settings import *  # noqa: F403
from morpheus_errors.settings import MIDDLEWARE

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = [*MIDDLEWARE, "bench.views.WorkerPidMiddleware"]
