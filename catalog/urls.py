from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from catalog.reference import views

app_name = "catalog"

# The reference page is in catalog.page_urls: it has one URL per language.
urlpatterns = [
    path("api/error-codes", views.ErrorCodeListView.as_view(), name="error-code-list"),
    path(
        "api/error-codes/<int:status>",
        views.ErrorCodeDetailView.as_view(),
        name="error-code-detail",
    ),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file: no inline script (CSP).
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="catalog:schema"),
        name="api-docs",
    ),
]
