from typing import Any

from oauth2_provider.models import AbstractAccessToken
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

READ_SCOPES = {"read", "write"}  # a write token reads too, as Morpheus clients expect
WRITE_SCOPES = {"write"}


class TokenScopeAllows(BasePermission):
    """
    A bearer token's scope decides what it may do: read (GET, HEAD, OPTIONS) with
    scope read or write, anything else with write. Refused: 403 insufficient_scope
    (RFC 6750 3.1). Requests not made with a token are left to the other permissions.
    """

    def has_permission(self, request: Request, view: Any) -> bool:
        token = request.auth
        if not isinstance(token, AbstractAccessToken):
            return True
        needed = READ_SCOPES if request.method in SAFE_METHODS else WRITE_SCOPES
        if needed & set(token.scope.split()):
            return True
        raise PermissionDenied(code="insufficient_scope")
