from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path

from catalog.handlers import endpoint_not_found
from catalog.reference.schema_views import CatalogSchemaView
from catalog.telemetry.views import metrics_view
from morpheus_errors.admin_login import admin_login
from morpheus_errors.api.oauth import MorpheusTokenView
from morpheus_errors.api.swagger import SwaggerView

urlpatterns = [
    path("admin/login/", admin_login, name="admin-login"),  # throttled (before the admin's own)
    path("admin/", admin.site.urls),
    # The reference page per language: /errors/ (English), /de/errors/, /fr/errors/.
    *i18n_patterns(path("errors/", include("catalog.urls")), prefix_default_language=False),
    path("api/", include("catalog.reference.urls")),
    path("api/schema/", CatalogSchemaView.as_view(), name="schema"),
    # The split view serves its start-up script as a file: no inline script (CSP).
    path("api/docs/", SwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("oauth/token", MorpheusTokenView.as_view(), name="oauth-token"),
    path("api/", include("morpheus_errors.api.urls")),
    path("metrics", metrics_view, name="metrics"),
    # Last: any other /api/ path answers the catalog's 404 JSON, for any method and
    # even with DEBUG on (when Django would show its technical 404 page instead).
    re_path(r"^api/", endpoint_not_found),
]

handler400 = "catalog.handlers.bad_request"
handler403 = "catalog.handlers.permission_denied"
handler404 = "catalog.handlers.page_not_found"
handler500 = "catalog.handlers.server_error"
