"""
gunicorn settings, read from the working directory.

gunicorn refuses an over-long request line or header itself, before Django sees
it. The limits stay finite (unlimited, gunicorn's own parsing of a 10 MB line took
20 s of a worker), and the refusal answers a fixed JSON body in the catalog's shape
(morpheus_errors/gunicorn_worker.py), never gunicorn's HTML.
"""

import contextlib
import os
import shutil
import tempfile
from typing import Any

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
worker_class = "morpheus_errors.gunicorn_worker.CatalogSyncWorker"
limit_request_line = 8190  # gunicorn's largest finite limit; longer lines answer 414 JSON
limit_request_fields = 200
limit_request_field_size = 16384  # a longer header line answers 431 JSON
accesslog = "-"
# gunicorn's default access line, but the path without its query string: a client that
# puts a password or token in the URL is refused (400), and its secret must not be
# written to the log either (%(U)s is the path, where the default's %(r)s is the line).
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(f)s" "%(a)s"'
# The scheme a proxy in front says it received: X-Forwarded-Proto only, and trusted only
# behind HTTPS (DJANGO_HTTPS=1); on plain HTTP no client may claim it.
https = os.environ.get("DJANGO_HTTPS", "0").lower() in ("1", "true", "yes", "on")
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1" if https else "")
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}

# Prometheus multiprocess mode: each worker writes its metrics to files in this
# folder and /metrics sums them. Set here, in the master, before any worker
# imports prometheus_client; emptied at start so a restart begins from zero.
made_multiproc_dir = not os.environ.get("PROMETHEUS_MULTIPROC_DIR")
if made_multiproc_dir:
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="morpheus-errors-metrics-")
multiproc_dir = os.environ["PROMETHEUS_MULTIPROC_DIR"]


def on_starting(server: Any) -> None:
    os.makedirs(multiproc_dir, exist_ok=True)
    for name in os.listdir(multiproc_dir):
        if name.endswith(".db"):
            os.remove(os.path.join(multiproc_dir, name))


def on_exit(server: Any) -> None:
    if made_multiproc_dir:
        shutil.rmtree(multiproc_dir, ignore_errors=True)


def worker_exit(server: Any, worker: Any) -> None:
    # A worker stopped on purpose (restart, max_requests) hands over its last counts.
    from catalog.telemetry.counting import counts_flush_all

    with contextlib.suppress(Exception):
        counts_flush_all()


def child_exit(server: Any, worker: Any) -> None:
    # The catalog_version gauge counts live workers only.
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
