"""
The client's address behind a reverse proxy, for per-address rate limits.

Behind a proxy every request comes from the proxy's address, so per-address limits
would become one global limit. With DJANGO_TRUSTED_PROXIES set, a request from one
of them takes its client's address from X-Forwarded-For: the rightmost address that
is not a trusted proxy (the ones left of it are the client's to invent). Without it,
X-Forwarded-For is ignored: no client can pick its own address.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class TrustedProxyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        trusted = set(settings.TRUSTED_PROXIES)
        if request.META.get("REMOTE_ADDR") in trusted:
            forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
            hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
            client = next((hop for hop in reversed(hops) if hop not in trusted), None)
            if client is not None:
                request.META["REMOTE_ADDR"] = client
        return self.get_response(request)
