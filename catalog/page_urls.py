"""
The catalog's pages, one URL per language: include them in the root URLconf under
i18n_patterns(..., prefix_default_language=False), so that /errors/ is English and
/de/errors/ German (see morpheus_errors/urls.py). Their own namespace, because
the catalog's API URLs (catalog.urls) must not get a language prefix.
"""

from django.urls import path

from catalog.reference import views

app_name = "catalog_pages"

urlpatterns = [
    path("errors/", views.reference, name="reference"),
]
