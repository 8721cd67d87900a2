from django.urls import path, re_path

from morpheus_errors.api import views

urlpatterns = [
    path("ping", views.PingView.as_view(), name="ping"),
    path("whoami", views.WhoamiView.as_view(), name="whoami"),
    path("instances", views.InstanceListView.as_view(), name="instance-list"),
    # Any id reaches the view, which answers 404 for ids that can't exist.
    re_path(
        r"^instances/(?P<instance_id>[^/]+)$",
        views.InstanceDetailView.as_view(),
        name="instance-detail",
    ),
    path("users", views.UserListView.as_view(), name="user-list"),
    re_path(r"^users/(?P<user_id>[^/]+)$", views.UserDetailView.as_view(), name="user-detail"),
    path("teapot", views.TeapotView.as_view(), name="teapot"),
]
