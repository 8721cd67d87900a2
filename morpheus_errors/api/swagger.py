from drf_spectacular.views import SpectacularSwaggerSplitView


class SwaggerView(SpectacularSwaggerSplitView):
    """Swagger UI: GET and HEAD only (OPTIONS rendered its metadata into the page template)."""

    http_method_names = ["get", "head"]
