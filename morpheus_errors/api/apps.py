from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "morpheus_errors.api"
    label = "api"
    verbose_name = "Sample Morpheus API"
