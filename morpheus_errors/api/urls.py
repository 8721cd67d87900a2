from django.urls import path

from morpheus_errors.api import views

urlpatterns = [
    path("ping", views.ping, name="ping"),
]
