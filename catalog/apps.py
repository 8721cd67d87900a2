from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = "Error catalog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from catalog import checks, signals  # noqa: F401  (registers checks and receivers)

        post_migrate.connect(_seed_empty_catalog, sender=self)


def _seed_empty_catalog(*, using: str, **kwargs: Any) -> None:
    from catalog.seeding import catalog_seed_if_empty

    catalog_seed_if_empty(using=using)
