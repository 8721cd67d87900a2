"""
/metrics for Prometheus, behind CATALOG_METRICS_TOKEN and/or CATALOG_METRICS_ALLOWED_IPS.

/metrics is not part of the Morpheus API: its callers are scrapers, not API
clients, so refusals are plain text (401 with a Bearer challenge for a missing or
wrong token, 403 for an address not allowed) and, with neither setting, the
endpoint is off and answers a plain 404.
"""

import hmac

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from catalog.conf import catalog_settings
from catalog.telemetry.metrics import metrics_render

CHALLENGE = 'Bearer realm="metrics"'


@require_GET
def metrics_view(request: HttpRequest) -> HttpResponse:
    token, allowed_ips = catalog_settings.METRICS_TOKEN, catalog_settings.METRICS_ALLOWED_IPS
    if not token and not allowed_ips:
        return _plain(404, "Not Found")
    if allowed_ips and request.META.get("REMOTE_ADDR") not in allowed_ips:
        return _plain(403, "Forbidden")
    if token and not _token_matches(request, token):
        response = _plain(401, "Unauthorized")
        response["WWW-Authenticate"] = CHALLENGE
        return response
    content, content_type = metrics_render()
    response = HttpResponse(content, content_type=content_type)
    response["Cache-Control"] = "no-store"
    return response


def _token_matches(request: HttpRequest, token: str) -> bool:
    scheme, _, sent = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        sent.strip().encode(), token.encode()
    )


def _plain(status: int, text: str) -> HttpResponse:
    return HttpResponse(f"{text}\n", status=status, content_type="text/plain; charset=utf-8")
