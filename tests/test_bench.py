"""The benchmark's comparison views (bench/) answer what they stand for."""

import pytest
from django.test import override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.urls("bench.urls")]


def test_drf_default_handler_answers_drfs_own_404(client):
    response = client.get("/api/bench/drf-default/missing")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_catalog_case_answers_the_catalog_404(client):
    response = client.get("/api/bench/catalog/missing")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_naive_case_queries_the_catalog_once_per_error(client, django_assert_num_queries):
    client.get("/api/bench/naive/missing")

    with django_assert_num_queries(1):
        response = client.get("/api/bench/naive/missing")

    assert response.json()["msg"] == "Resource not found"


@override_settings(MIDDLEWARE=["bench.views.WorkerPidMiddleware"])
def test_django_default_404_is_djangos_built_in_page(client):
    response = client.get("/nowhere/at-all")

    assert response.status_code == 404
    assert b"<h1>Not Found</h1>" in response.content
    assert response["X-Worker-PID"].isdigit()
