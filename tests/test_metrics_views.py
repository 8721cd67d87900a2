"""/metrics (catalog/telemetry/views.py): off by default, refuses unauthorized callers plainly."""

import pytest
from prometheus_client import REGISTRY

TOKEN = "metrics-token-0123456789"


def teapots_counted() -> float:
    labels = {"status": "418", "code": "teapot"}
    return REGISTRY.get_sample_value("catalog_error_responses_total", labels) or 0.0


@pytest.mark.django_db
def test_metrics_are_off_without_a_token_or_addresses(client):
    response = client.get("/metrics")

    assert response.status_code == 404
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content == b"Not Found\n"


@pytest.mark.django_db
@pytest.mark.parametrize("authorization", [None, "Bearer wrong-token", f"Basic {TOKEN}", "Bearer"])
def test_a_caller_without_the_token_is_refused_with_a_bearer_challenge(
    client, settings, authorization
):
    settings.CATALOG_METRICS_TOKEN = TOKEN
    headers = {"Authorization": authorization} if authorization else {}

    response = client.get("/metrics", headers=headers)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="metrics"'
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content == b"Unauthorized\n"
    assert b"catalog_" not in response.content


@pytest.mark.django_db
def test_a_caller_from_an_address_not_allowed_is_forbidden_even_with_the_token(client, settings):
    settings.CATALOG_METRICS_TOKEN = TOKEN
    settings.CATALOG_METRICS_ALLOWED_IPS = ["10.1.2.3"]

    response = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})

    assert response.status_code == 403
    assert response.content == b"Forbidden\n"


@pytest.mark.django_db
def test_an_allowed_address_needs_no_token_when_none_is_set(client, settings):
    settings.CATALOG_METRICS_ALLOWED_IPS = ["127.0.0.1"]

    response = client.get("/metrics")

    assert response.status_code == 200


@pytest.mark.django_db
def test_the_metrics_count_error_responses_by_status_and_code(client, settings):
    settings.CATALOG_METRICS_TOKEN = TOKEN
    before = teapots_counted()
    client.get("/api/teapot")
    client.get("/api/teapot")

    response = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    assert response["Cache-Control"] == "no-store"
    text = response.content.decode()
    assert teapots_counted() == before + 2
    assert 'catalog_error_responses_total{code="teapot",status="418"}' in text
    assert "catalog_snapshot_reloads_total" in text
    assert "catalog_version " in text


@pytest.mark.django_db
def test_metrics_answer_only_get(client, settings):
    settings.CATALOG_METRICS_TOKEN = TOKEN

    response = client.post("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})

    assert response.status_code == 405
