import hashlib
from typing import Any

from oauth2_provider.contrib.rest_framework import OAuth2Authentication
from oauth2_provider.models import get_access_token_model
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request


class BearerTokenAuthentication(OAuth2Authentication):  # type: ignore[misc]
    """
    django-oauth-toolkit's bearer tokens, telling apart the three 401s Morpheus
    clients see: no header (not_authenticated), an unknown or revoked token
    (invalid_token) and an expired one (token_expired).
    """

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        token = bearer_token(request)
        if token is None:
            return None
        result = super().authenticate(request)
        if result is not None and not result[0].is_active:
            raise AuthenticationFailed(code="invalid_token")  # a deactivated user's token
        if result is not None:
            return result  # type: ignore[no-any-return]
        code = "token_expired" if token_expired(token) else "invalid_token"
        raise AuthenticationFailed(code=code)

    def authenticate_header(self, request: Request) -> str:
        """
        django-oauth-toolkit's challenge, naming invalid_token whenever the request sent
        a token (RFC 6750 3.1), also for a request it has not looked at itself (the
        reference page's examples): the catalog then words its error_description.
        """
        if bearer_token(request) and not getattr(request, "oauth2_error", None):
            request.oauth2_error = {"error": "invalid_token"}  # type: ignore[attr-defined]
        return str(super().authenticate_header(request))


def bearer_token(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header (any case of Bearer)."""
    scheme, _, token = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def token_expired(token: str) -> bool:
    # Looked up as the library does: tokens are stored hashed, by checksum.
    checksum = hashlib.sha256(token.encode("utf-8")).hexdigest()
    access_token = get_access_token_model().objects.filter(token_checksum=checksum).first()
    return access_token is not None and access_token.is_expired()


class QuietBearerTokenAuthentication(BearerTokenAuthentication):
    """For public endpoints (ping): a valid token authenticates, any other is ignored."""

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        try:
            return super().authenticate(request)
        except AuthenticationFailed:
            return None
