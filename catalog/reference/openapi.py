"""
drf-spectacular's ``extend_schema`` when it is installed (the ``openapi`` extra),
else a decorator that leaves the view as it is: the app runs without it.
"""

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

__all__ = ["extend_schema"]

try:
    from drf_spectacular.utils import extend_schema
except ImportError:  # pragma: no cover (installed in this project's own environments)

    def extend_schema(*args: Any, **kwargs: Any) -> Callable[[F], F]:  # type: ignore[misc]
        def decorator(view: F) -> F:
            return view

        return decorator
