"""
Rate limits counted by django-ratelimit in the shared cache, so with Redis the
limit holds across every worker and host.

Raised through DRF's throttle hook, so an over-the-limit request answers the
catalog's 429 ``rate_limited`` with Retry-After (the seconds left in the window).
"""

from typing import Any

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle

from catalog.errors.ratelimit import ratelimit_usage

__all__ = ["RatelimitThrottle", "ratelimit_usage", "user_or_ip"]


def user_or_ip(group: str, request: Request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{request.META.get('REMOTE_ADDR', '')}"


class RatelimitThrottle(BaseThrottle):
    """Every API view: API_RATE_LIMIT requests per user (per client IP when anonymous)."""

    group = "api"

    def allow_request(self, request: Request, view: Any) -> bool:
        rate = getattr(view, "rate_limit", None) or settings.API_RATE_LIMIT
        usage = ratelimit_usage(request, group=self.group, key=user_or_ip, rate=rate)
        self.time_left = max(1, usage["time_left"]) if usage else None
        return usage is None

    def wait(self) -> float | None:
        return self.time_left
