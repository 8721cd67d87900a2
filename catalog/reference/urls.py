"""
The JSON catalog, under the project's API prefix (never under a language prefix):

    urlpatterns += [path("api/", include("catalog.reference.urls"))]
"""

from django.urls import path

from catalog.reference import views

app_name = "catalog_json"

urlpatterns = [
    path("error-codes", views.ErrorCodeListView.as_view(), name="error-code-list"),
    path(
        "error-codes/<int:status>",
        views.ErrorCodeDetailView.as_view(),
        name="error-code-detail",
    ),
]
