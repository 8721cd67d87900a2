from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = "Error catalog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from catalog import checks, signals  # noqa: F401  (registers checks and receivers)

        post_migrate.connect(_seed_empty_catalog, dispatch_uid="catalog_seed_empty_catalog")


def _seed_empty_catalog(*, app_config: AppConfig, using: str, **kwargs: Any) -> None:
    # By label, not sender=self: a test run may swap the registry's AppConfig instances.
    if app_config.label != "catalog":
        return
    from catalog.seeding import catalog_seed_if_empty

    catalog_seed_if_empty(using=using)
