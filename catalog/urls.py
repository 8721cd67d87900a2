"""
The error-reference page, at wherever the project mounts it (helpUrl follows):

    urlpatterns += [path("errors/", include("catalog.urls"))]

One page per language (/errors/, /de/errors/) by mounting it under
``i18n_patterns(..., prefix_default_language=False)`` instead.
"""

from django.urls import path

from catalog.reference import views

app_name = "catalog"

urlpatterns = [
    path("", views.reference, name="reference"),
]
