from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "morpheus_errors.api"
    label = "api"
    verbose_name = "Sample Morpheus API"

    def ready(self) -> None:
        from morpheus_errors.api import schema  # noqa: F401  (registers the OpenAPI extension)
