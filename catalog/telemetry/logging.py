import logging

from django.http import HttpRequest

from catalog.errors.requests import request_id_get


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to log records, from the request Django attaches to them."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            request = getattr(record, "request", None)
            if isinstance(request, HttpRequest):
                record.request_id = request_id_get(request)
            else:
                record.request_id = "-"
        return True
