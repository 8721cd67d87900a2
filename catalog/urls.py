from django.urls import path

from catalog import views

app_name = "catalog"

urlpatterns = [
    path("errors/", views.reference, name="reference"),
]
