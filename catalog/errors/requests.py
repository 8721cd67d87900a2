import re
import secrets

from django.http import HttpRequest
from django.http.response import HttpResponseBase

from catalog.conf import catalog_settings

REQUEST_ID_HEADER = "X-Request-ID"
_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")


# Set by RequestIdMiddleware when a request enters it (for durationMs); it also tells
# that the middleware will put X-Request-ID on the response on its way out.
STARTED_ATTRIBUTE = "catalog_started"


def request_id_header_set(
    request: HttpRequest, response: HttpResponseBase, request_id: str
) -> None:
    """X-Request-ID on an error response, unless RequestIdMiddleware will set it anyway."""
    if STARTED_ATTRIBUTE not in request.__dict__:
        response[REQUEST_ID_HEADER] = request_id


def request_id_get(request: HttpRequest) -> str:
    """The request's id: the client's X-Request-ID when it is sane, otherwise a new one."""
    request_id: str | None = getattr(request, "request_id", None)
    if request_id is None:
        sent = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = sent if _SANE_REQUEST_ID.match(sent) else secrets.token_hex(8)
        request.request_id = request_id  # type: ignore[attr-defined]
    return request_id


def is_api_request(request: HttpRequest) -> bool:
    """Whether errors of this request answer JSON (rather than an HTML page)."""
    return getattr(request, "catalog_api", False) or request.path_info.startswith(
        tuple(catalog_settings.API_PATH_PREFIXES)
    )


def is_oauth_request(request: HttpRequest) -> bool:
    """Whether errors of this request also carry the OAuth 2.0 members."""
    return request.path_info.startswith(tuple(catalog_settings.OAUTH_PATH_PREFIXES))
