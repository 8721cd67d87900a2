"""
Example requests as editors write them in the catalog, as HTTP text:

    POST /v1/books/
    Content-Type: application/json

    {"title": ""}

and, for a reason without one, a request made from the project's own URLconf.
"""

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
_HEADER_NAME = re.compile(r"^[A-Za-z0-9-]{1,64}$")
# A route's parameters: <int:pk>, <slug> (path()), (?P<pk>[^/.]+) (re_path(), DRF's routers).
_PARAMETER = re.compile(r"<(?:\w+:)?\w+>|\(\?P<\w+>[^)]*\)")
_REGEX_LEFT = re.compile(r"[\\()\[\]{}?*+|]")


@dataclass(frozen=True)
class ExampleRequest:
    method: str
    path: str  # with its query string
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""


def example_request_parse(text: str) -> ExampleRequest:
    """An example request from its HTTP text (example_request_errors() found none)."""
    head, _, body = text.replace("\r\n", "\n").strip().partition("\n\n")
    first, *lines = head.split("\n")
    method, target = first.split()[:2]
    headers = dict(_header(line) for line in lines if line.strip())
    return ExampleRequest(method, target, headers, body.strip())


def example_request_errors(text: str) -> list[str]:
    """What is wrong with an example request's text; [] when it can be shown and sent."""
    if not text.strip():
        return []
    head = text.replace("\r\n", "\n").strip().partition("\n\n")[0]
    first, *lines = head.split("\n")
    parts = first.split()
    errors = []
    if len(parts) not in (2, 3) or parts[0] not in METHODS or not parts[1].startswith("/"):
        errors.append(f"The first line is a method and a path ('GET /api/things/1'): {first!r}")
    for line in lines:
        name, colon, _ = line.partition(":")
        if not colon or not _HEADER_NAME.match(name.strip()):
            errors.append(f"A header line is 'Name: value': {line!r}")
    return errors


def _header(line: str) -> tuple[str, str]:
    name, _, value = line.partition(":")
    return name.strip(), value.strip()


@functools.lru_cache(maxsize=8)
def api_paths(urlconf: str | None) -> tuple[str, str]:
    """
    A collection path and an item path of the project's first DRF view with each
    shape ("/v1/books/", "/v1/books/999/"), read from its URLconf.
    """
    routes = list(_drf_routes(get_resolver(urlconf).url_patterns))
    collection = next((route for route in routes if "{}" not in route), None)
    item = next((route for route in routes if route.count("{}") == 1), None)
    collection = collection or (item.rsplit("{}", 1)[0] if item else "/")
    return collection, (item or collection.rstrip("/") + "/{}").replace("{}", "999")


def _drf_routes(patterns: list[Any], prefix: str = "/") -> Any:
    for pattern in patterns:
        route = _PARAMETER.sub("{}", str(pattern.pattern)).lstrip("^").rstrip("$")
        if _REGEX_LEFT.sub("", route.replace("{}", "")) != route.replace("{}", ""):
            continue  # a regex that is more than a literal path (format suffixes)
        if isinstance(pattern, URLResolver):
            yield from _drf_routes(pattern.url_patterns, prefix + route)
        elif isinstance(pattern, URLPattern) and route and _is_drf_view(pattern.callback):
            yield prefix + route  # (not a router's API root, at the prefix itself)


def _is_drf_view(callback: Any) -> bool:
    from rest_framework.views import APIView

    view_class = getattr(callback, "cls", None)
    return isinstance(view_class, type) and issubclass(view_class, APIView)
