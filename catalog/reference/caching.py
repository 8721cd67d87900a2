"""
Rendered pages and JSON of the catalog, cached per catalog version.

The key holds the catalog version, so a committed edit (which moves the version)
drops every cached rendering at once; the response carries an ETag of its bytes
and the catalog's Last-Modified, and a revalidation with either answers 304.
"""

import hashlib
import logging
import secrets
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

from catalog.conf import catalog_settings
from catalog.types import Catalog

logger = logging.getLogger(__name__)

RENDER_TIMEOUT = 24 * 60 * 60
# Renderings also depend on the code, templates and hashed static names of the
# release: a process of a new deploy never reuses what an older one cached.
PROCESS_TOKEN = secrets.token_hex(4)


def cache_key(*, name: str, catalog: Catalog, request: HttpRequest) -> str:
    """Per rendering, catalog version and origin (pages hold absolute helpUrls)."""
    origin = hashlib.sha256(request_origin(request).encode()).hexdigest()
    return f"catalog:render:{name}:v{catalog.version}:{origin[:16]}:{PROCESS_TOKEN}"


def request_origin(request: HttpRequest) -> str:
    """The scheme and host, the host in lower case (HOST and host are one origin)."""
    return f"{request.scheme}://{request.get_host().lower()}"


# ALLOWED_HOSTS lets any port (and, with a wildcard, any subdomain) through: so that a
# client varying them can't fill the shared cache, each process stores the renderings
# of at most MAX_ORIGINS origins per catalog version there; others are rendered only.
MAX_ORIGINS = 8
_origins: dict[int, set[str]] = {}


def _origin_shared(origin: str, version: int) -> bool:
    if version not in _origins:
        _origins.clear()  # a new version: the older ones' keys are never asked for again
    seen = _origins.setdefault(version, set())
    if origin not in seen and len(seen) < MAX_ORIGINS:
        seen.add(origin)
    return origin in seen


@dataclass(frozen=True)
class Rendering:
    content: bytes
    etag: str


# The latest renderings of this process, so a revalidation (304) neither fetches the
# page from the shared cache nor hashes it again: measured, that cost grew with the
# catalog (0.42x with 1,000 reasons). Keys hold the version, so edits never hit.
_renderings: OrderedDict[str, Rendering] = OrderedDict()
MAX_RENDERINGS = 16


def rendered_get(
    *, name: str, catalog: Catalog, request: HttpRequest, build: Callable[[], bytes]
) -> Rendering:
    """The cached rendering, built and stored on a miss; a broken cache only costs a render."""
    key = cache_key(name=name, catalog=catalog, request=request)
    rendering = _renderings.get(key)
    if rendering is None:
        shared = _origin_shared(request_origin(request), catalog.version)
        content = _shared_rendering(key, name, build) if shared else build()
        rendering = Rendering(content, etag_of(content))
        _renderings[key] = rendering
        while len(_renderings) > MAX_RENDERINGS:
            _renderings.popitem(last=False)
    return rendering


def renderings_clear() -> None:
    """Forget this process's renderings (tests; a database restored to an older version)."""
    _renderings.clear()
    _origins.clear()


def etag_of(content: bytes) -> str:
    return quote_etag(hashlib.sha256(content).hexdigest()[:32])


def _shared_rendering(key: str, name: str, build: Callable[[], bytes]) -> bytes:
    cache = caches[catalog_settings.CACHE_ALIAS]
    try:
        content: bytes | None = cache.get(key)
    except Exception:
        logger.warning("catalog: cache unreachable, rendering %s without it", name)
        return build()
    if content is None:
        content = build()
        try:
            cache.set(key, content, RENDER_TIMEOUT)
        except Exception:
            logger.warning("catalog: could not cache the rendering of %s", name)
    return content


def conditional_response(
    request: HttpRequest, response: HttpResponse, *, catalog: Catalog, etag: str
) -> HttpResponse:
    """Adds ETag and Last-Modified, and answers 304 when the client's copy is current."""
    response["ETag"] = etag
    last_modified = catalog.updated_at.timestamp() if catalog.updated_at else None
    if last_modified is not None:
        response["Last-Modified"] = http_date(int(last_modified))
    # Revalidate every time: an edit in the admin must show at once.
    patch_cache_control(response, no_cache=True, public=True)
    conditional = get_conditional_response(
        request, etag=etag, last_modified=int(last_modified or 0) or None, response=response
    )
    return conditional or response
