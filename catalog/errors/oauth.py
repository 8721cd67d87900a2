"""
Errors of an OAuth 2.0 token endpoint (RFC 6749 section 5.2), answered from the
catalog: the Morpheus members and the OAuth ``error``/``error_description``.
"""

from django.http import HttpRequest, HttpResponse

from catalog.errors.formatter import error_response
from catalog.types import ApiError

# The OAuth error -> (status, catalog code); anything else is an invalid_request.
OAUTH_ERRORS = {
    "invalid_grant": (400, "invalid_grant"),
    "invalid_client": (401, "invalid_client"),
    "unsupported_grant_type": (400, "unsupported_grant_type"),
}


def oauth_error_response(
    request: HttpRequest, oauth_code: str, *, grant_type: str = ""
) -> HttpResponse:
    status, code = OAUTH_ERRORS.get(oauth_code, (400, "invalid_request"))
    error = ApiError(status, code, params={"grant_type": grant_type[:50]}, oauth_error=oauth_code)
    if status == 401:
        error.headers["WWW-Authenticate"] = 'Basic realm="oauth"'
    response = error_response(request, error)
    response["Cache-Control"] = "no-store"
    return response
