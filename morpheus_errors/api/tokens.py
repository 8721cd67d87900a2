"""
Tokens of deactivated users: refused, and revoked when the user is deactivated.

django-oauth-toolkit checks is_active for the password grant only; its bearer
check and its refresh grant do not.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.dispatch import receiver
from oauth2_provider.models import get_access_token_model, get_refresh_token_model
from oauth2_provider.oauth2_validators import OAuth2Validator


class ActiveUsersValidator(OAuth2Validator):  # type: ignore[misc]
    """OAUTH2_VALIDATOR_CLASS: the refresh grant mints nothing for a deactivated user."""

    def validate_refresh_token(
        self, refresh_token: str, client: Any, request: Any, *args: Any, **kwargs: Any
    ) -> bool:
        valid = super().validate_refresh_token(refresh_token, client, request, *args, **kwargs)
        return bool(valid) and bool(getattr(request.user, "is_active", False))


def tokens_revoke(*, user: Any) -> None:
    """Every access and refresh token of a user, revoked."""
    for refresh_token in get_refresh_token_model().objects.filter(user=user, revoked__isnull=True):
        refresh_token.revoke()
    get_access_token_model().objects.filter(user=user).delete()


@receiver(post_save, sender=get_user_model())
def _deactivated_user_tokens_revoke(sender: Any, instance: Any, **kwargs: Any) -> None:
    if not instance.is_active:
        tokens_revoke(user=instance)
