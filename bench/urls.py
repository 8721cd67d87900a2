from django.urls import path, re_path

from bench import views
from catalog.handlers import endpoint_not_found
from morpheus_errors.urls import urlpatterns as project_urlpatterns

catch_all = [p for p in project_urlpatterns if getattr(p, "callback", None) is endpoint_not_found]
urlpatterns = [
    *[p for p in project_urlpatterns if p not in catch_all],
    path("api/bench/drf-default/missing", views.DrfDefaultMissingView.as_view()),
    path("api/bench/catalog/missing", views.MissingView.as_view()),
    path("api/bench/naive/missing", views.NaiveCatalogMissingView.as_view()),
    path("api/bench/item", views.ItemView.as_view()),
    *catch_all,
    # Last, like the catch-all: both are reached after every other pattern failed.
    re_path(r"^nowhere/", views.django_default_404),
]

handler400 = "catalog.handlers.bad_request"
handler403 = "catalog.handlers.permission_denied"
handler404 = "catalog.handlers.page_not_found"
handler500 = "catalog.handlers.server_error"
