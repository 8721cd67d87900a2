"""
Any committed change to the catalog or the maintenance switch, from the admin,
manage.py or a shell, moves the version stamp. (QuerySet.update() sends no signal: call
catalog.services.catalog_version_bump() after one.)
"""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from catalog.models import (
    CatalogVersion,
    ErrorReason,
    ErrorReasonTranslation,
    ErrorStatus,
    ErrorStatusTranslation,
)
from catalog.services import catalog_version_bump


@receiver(post_save, sender=CatalogVersion)
@receiver(post_save, sender=ErrorStatus)
@receiver(post_save, sender=ErrorReason)
@receiver(post_delete, sender=ErrorStatus)
@receiver(post_delete, sender=ErrorReason)
@receiver(post_save, sender=ErrorStatusTranslation)
@receiver(post_save, sender=ErrorReasonTranslation)
@receiver(post_delete, sender=ErrorStatusTranslation)
@receiver(post_delete, sender=ErrorReasonTranslation)
def catalog_changed(sender: type, **kwargs: Any) -> None:
    # catalog_version_bump() moves the stamp with QuerySet.update(), which sends no
    # signal, so saving CatalogVersion here cannot recurse.
    if kwargs.get("raw"):
        return
    catalog_version_bump()
