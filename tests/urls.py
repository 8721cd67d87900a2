from django.urls import path

from catalog.handlers import endpoint_not_found
from morpheus_errors.urls import urlpatterns as project_urlpatterns
from tests import views

test_urlpatterns = [
    path("api/test/raise/<str:name>", views.RaiseView.as_view()),
    path("api/test/bearer-raise/<str:name>", views.BearerRaiseView.as_view()),
    path("api/test/instances", views.InstanceView.as_view()),
    path("api/test/users", views.UserCountView.as_view()),
    path("api/test/ratelimited", views.rate_limited_view),
    path("api/test/library-ratelimited", views.library_rate_limited_view),
    path("api/test/django-boom", views.django_boom),
    path("api/test/django-suspicious", views.django_suspicious),
    path("api/test/django-database", views.django_database_count),
    path("api/test/form", views.form_post),
    path("api/test/write-then-raise", views.WriteThenRaiseView.as_view()),
    path("pages/boom", views.django_boom),
    path("pages/database", views.django_database_count),
    path("pages/form", views.form_post),
    path("pages/plain-gone", views.plain_gone),
]

# The test views go before the project's catch-all for /api/.
catch_all = [p for p in project_urlpatterns if getattr(p, "callback", None) is endpoint_not_found]
urlpatterns = [
    *[p for p in project_urlpatterns if p not in catch_all],
    *test_urlpatterns,
    *catch_all,
]
assert len(catch_all) == 1, "the project URLconf must end with the /api/ catch-all"

handler400 = "catalog.handlers.bad_request"
handler403 = "catalog.handlers.permission_denied"
handler404 = "catalog.handlers.page_not_found"
handler500 = "catalog.handlers.server_error"
