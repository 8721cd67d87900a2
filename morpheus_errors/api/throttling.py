"""
Rate limits counted by django-ratelimit in the shared cache, so with Redis the
limit holds across every worker and host.

Raised through DRF's throttle hook, so an over-the-limit request answers the
catalog's 429 ``rate_limited`` with Retry-After (the seconds left in the window).
"""

import logging
from typing import Any

from django.conf import settings
from django_ratelimit.core import get_usage
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle

logger = logging.getLogger(__name__)


def user_or_ip(group: str, request: Request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{request.META.get('REMOTE_ADDR', '')}"


def ratelimit_usage(request: Any, *, group: str, key: Any, rate: str) -> dict[str, Any] | None:
    """
    Count one request; None when it is not limited. If the cache is unreachable the
    request passes when RATELIMIT_FAIL_OPEN is on (the default here) and is limited
    otherwise, as django-ratelimit itself does when the cache answers nothing.
    """
    try:
        usage: dict[str, Any] | None = get_usage(
            request, group=group, key=key, rate=rate, increment=True
        )
    except Exception:
        logger.warning("rate limit: cache unreachable, failing %s", _fail_mode())
        if getattr(settings, "RATELIMIT_FAIL_OPEN", False):
            return None
        usage = {"should_limit": True, "time_left": -1}
    return usage if usage is not None and usage["should_limit"] else None


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


def _fail_mode() -> str:
    return "open" if getattr(settings, "RATELIMIT_FAIL_OPEN", False) else "closed"
