from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from catalog.selectors import catalog_get


def reference(request: HttpRequest) -> HttpResponse:
    """The error-reference page: every status and reason of the live catalog."""
    catalog = catalog_get()
    statuses = [catalog.statuses[status] for status in sorted(catalog.statuses)]
    return render(request, "catalog/reference.html", {"statuses": statuses})
