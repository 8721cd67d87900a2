import logging

from django.http import HttpRequest

from catalog.requests import request_id_get

LOGGED_ATTRIBUTE = "catalog_logged"


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


class CatalogLoggedFilter(logging.Filter):
    """
    For django.request: drops Django's "Not Found: /path" warning for a 4xx the
    catalog has logged already as its JSON line (catalog/telemetry.py), so that a
    4xx is logged once. Any other 4xx, and every 5xx, Django still logs.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR:
            return True
        return not getattr(getattr(record, "request", None), LOGGED_ATTRIBUTE, False)
