from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ApiConfig(AppConfig):
    name = "morpheus_errors.api"
    label = "api"
    verbose_name = "Sample Morpheus API"

    def ready(self) -> None:
        from morpheus_errors.api import schema, tokens  # noqa: F401  (OpenAPI extension, receivers)
        from morpheus_errors.api.catalog_examples import examples_fill
        from morpheus_errors.api.translations import translations_fill

        # After the catalog's own receiver (INSTALLED_APPS order), which seeds an empty catalog.
        post_migrate.connect(examples_fill, dispatch_uid="api_catalog_examples_fill")
        post_migrate.connect(translations_fill, dispatch_uid="api_catalog_translations_fill")
