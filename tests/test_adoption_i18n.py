"""The adopter's URLconf with the page per language: i18n_patterns (tests/test_adoption.py)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from tests.test_adoption import router

urlpatterns = [
    path("v1/", include(router.urls)),
    *i18n_patterns(path("errors/", include("catalog.urls")), prefix_default_language=False),
]
