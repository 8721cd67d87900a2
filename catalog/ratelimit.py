"""
django-ratelimit's decorator, raising an exception that knows its Retry-After.

The library's own Ratelimited carries no timing; this asks the library's usage
data for the seconds left in the window.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django_ratelimit import ALL
from django_ratelimit.core import get_usage

from catalog.exceptions import RateLimited

F = TypeVar("F", bound=Callable[..., Any])


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
            usage = get_usage(
                request, group=group, fn=view, key=key, rate=rate, method=method, increment=True
            )
            if usage is not None and usage["should_limit"]:
                request.limited = True
                raise RateLimited(wait=usage["time_left"])
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator
