"""
POST /oauth/token as Morpheus answers it, on django-oauth-toolkit.

Morpheus clients send client_id, grant_type and scope in the query string and the
credentials as a form body. oauthlib refuses query parameters on a token request,
so they are moved into the form body first. Errors answer from the catalog, with
the OAuth 2.0 members (RFC 6749 section 5.2) beside the Morpheus ones.
"""

import hashlib
import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.http.multipartparser import MultiPartParserError
from oauth2_provider.views import TokenView

from catalog.errors.formatter import error_response
from catalog.errors.oauth import oauth_error_response
from catalog.types import ApiError
from morpheus_errors.api.throttling import ratelimit_usage

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
CREDENTIALS = {"password", "refresh_token", "client_secret", "code"}


class MorpheusTokenView(TokenView):  # type: ignore[misc]
    http_method_names = ["post", "options"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.body and request.content_type not in FORM_TYPES:
            return oauth_error(request, "invalid_request")
        if CREDENTIALS & request.GET.keys():
            # RFC 6749 2.3.1, 3.2: credentials in a URL end up in access logs.
            return oauth_error(request, "invalid_request")
        try:
            move_query_into_form(request)
        except MultiPartParserError:  # e.g. multipart/form-data without a boundary
            return oauth_error_response(request, "invalid_request")
        if has_null_character(request.POST):
            return oauth_error(request, "invalid_request")  # PostgreSQL can't even look it up
        limited = token_request_limited(request)
        if limited is not None:
            return limited
        _url, headers, body, status = self.create_token_response(request)
        data = json.loads(body)
        if status != 200:
            return oauth_error(request, data.get("error", "invalid_request"))
        data["token_type"] = "bearer"  # noqa: S105 (Morpheus spells it in lowercase)
        response = JsonResponse(data)
        for header, value in headers.items():
            response[header] = value
        return response

    def http_method_not_allowed(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> HttpResponse:
        error = ApiError(405, "method_not_allowed", headers={"Allow": "POST, OPTIONS"})
        error.oauth_error = "invalid_request"
        return error_response(request, error)


def move_query_into_form(request: HttpRequest) -> None:
    form = request.POST.copy()
    for key, values in request.GET.lists():
        if key not in form:
            form.setlist(key, values)
    request.POST = form  # type: ignore[assignment]
    request.GET = QueryDict()
    request.META["QUERY_STRING"] = ""


def has_null_character(form: QueryDict) -> bool:
    return any("\x00" in value for values in form.lists() for value in values[1])


def token_request_limited(request: HttpRequest) -> HttpResponse | None:
    """
    Guessing meets 429 long before it succeeds, keyed only on what the sender controls:
    its address, its address with the username tried, the refresh token sent. Never a
    bare username (ten wrong passwords from one address would lock the real user out
    everywhere) nor an empty value (every refresh would share one bucket).
    """
    rate = settings.OAUTH_TOKEN_RATE_LIMIT
    for key in token_request_keys(request):
        usage = ratelimit_usage(request, group="oauth-token", key=lambda *_: key, rate=rate)
        if usage is not None:
            retry_after = str(max(1, usage["time_left"]))
            error = ApiError(429, "rate_limited", headers={"Retry-After": retry_after})
            error.oauth_error = "invalid_request"
            return error_response(request, error)
    return None


def token_request_keys(request: HttpRequest) -> list[str]:
    address = request.META.get("REMOTE_ADDR", "")
    keys = [f"ip:{address}"]
    if username := request.POST.get("username", ""):
        keys.append(f"ip-user:{address}:{hashlib.sha256(username.encode()).hexdigest()}")
    if refresh_token := request.POST.get("refresh_token", ""):
        keys.append(f"refresh:{hashlib.sha256(refresh_token.encode()).hexdigest()}")
    return keys


def oauth_error(request: HttpRequest, oauth_code: str) -> HttpResponse:
    grant_type = request.POST.get("grant_type", "")
    if oauth_code == "unsupported_grant_type" and not grant_type:
        # oauthlib calls a missing grant_type unsupported; it is a missing parameter
        # (RFC 6749 5.2), not a grant "Unsupported grant type: " could name.
        oauth_code = "invalid_request"
    return oauth_error_response(request, oauth_code, grant_type=grant_type)
