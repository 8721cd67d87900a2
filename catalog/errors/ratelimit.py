"""
django-ratelimit's decorator, raising an exception that knows its Retry-After.

The library's own Ratelimited carries no timing; this asks the library's usage
data for the seconds left in the window. With the cache unreachable, requests
pass when RATELIMIT_FAIL_OPEN is on and are limited otherwise (the library
itself raises the cache's connection error, which would be a 500).
"""

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django_ratelimit import ALL
from django_ratelimit.core import get_usage

from catalog.exceptions import RateLimited

F = TypeVar("F", bound=Callable[..., Any])
logger = logging.getLogger(__name__)


def ratelimit_usage(request: Any, **usage_kwargs: Any) -> dict[str, Any] | None:
    """
    Count one request (django-ratelimit's get_usage arguments); the usage when the
    request is over the limit, None otherwise. If the cache is unreachable the request
    passes when RATELIMIT_FAIL_OPEN is on and is limited otherwise, as django-ratelimit
    itself does when the cache answers nothing.
    """
    try:
        usage: dict[str, Any] | None = get_usage(request, increment=True, **usage_kwargs)
    except Exception:
        fail_open = getattr(settings, "RATELIMIT_FAIL_OPEN", False)
        logger.warning(
            "rate limit: cache unreachable, failing %s", "open" if fail_open else "closed"
        )
        if fail_open:
            return None
        usage = {"should_limit": True, "time_left": -1}
    return usage if usage is not None and usage["should_limit"] else None


def ratelimit(
    *,
    key: str | Callable[..., str],
    rate: str | Callable[..., Any],
    group: str | None = None,
    method: Any = ALL,
) -> Callable[[F], F]:
    """Like django_ratelimit.decorators.ratelimit(block=True), for function views."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(request: Any, *args: Any, **kwargs: Any) -> Any:
            usage = ratelimit_usage(
                request, group=group, fn=view, key=key, rate=rate, method=method
            )
            if usage is not None:
                request.limited = True
                raise RateLimited(wait=max(1, usage["time_left"]))
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator
