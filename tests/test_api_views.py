"""The sample Morpheus API (morpheus_errors/api/views.py): its answers and every error it reaches."""

import pytest

from morpheus_errors.api.models import Instance
from tests.asserts import assert_catalog_error

pytestmark = pytest.mark.django_db

# A Morpheus create request (its own example, components/examples/instanceCreateVmwareRequest.json,
# cut to the members the demo stores); tests/test_api_morpheus.py sends the examples whole.
NEW_INSTANCE = {
    "zoneId": 15,
    "instance": {
        "name": "web-1",
        "site": {"id": 1},
        "instanceType": {"code": "ubuntu"},
        "layout": {"id": 1399, "code": "vmware-ubuntu-20.04-single"},
        "plan": {"id": 364, "code": "vm-4096"},
        "labels": ["prod"],
    },
    "volumes": [{"id": -1, "rootVolume": True, "name": "root", "size": 20}],
}


def create_instance(api, **overrides):
    payload = {**NEW_INSTANCE, "instance": {**NEW_INSTANCE["instance"], **overrides}}
    response = api.post("/api/instances", payload, content_type="application/json")
    assert response.status_code == 200
    return response.json()["instance"]


def test_ping_without_a_token_hides_the_build_version(client):
    response = client.get("/api/ping")

    assert response.status_code == 200
    assert response.json() == {"success": True, "buildVersion": ""}


def test_ping_with_a_token_shows_the_build_version(api):
    assert api.get("/api/ping").json() == {"success": True, "buildVersion": "0.1.0"}


def test_ping_ignores_a_token_it_cannot_use(client):
    response = client.get("/api/ping", HTTP_AUTHORIZATION="Bearer not-a-token")

    assert response.status_code == 200
    assert response.json() == {"success": True, "buildVersion": ""}


def test_whoami_describes_the_tokens_user(api, user):
    response = api.get("/api/whoami")

    assert response.status_code == 200
    assert response.json() == {
        "user": {
            "id": user.pk,
            "accountId": 1,
            "username": "jdoe",
            "displayName": "jdoe",
            "email": "",
            "firstName": "",
            "lastName": "",
            "enabled": True,
            "accountExpired": False,
            "accountLocked": False,
            "passwordExpired": False,
            "lastLoginDate": None,
            "roles": [
                {"id": 2, "authority": "User", "description": "Provisions and manages instances"}
            ],
            "account": {"id": 1, "name": "mastertenant"},
            "dateCreated": user.date_joined.isoformat().replace("+00:00", "Z"),
        },
        "isMasterAccount": True,
        "permissions": [
            {"name": "Instances", "code": "instances", "access": "full"},
            {"name": "Users", "code": "admin-users", "access": "none"},
        ],
        "appliance": {"buildVersion": "0.1.0"},
    }


def test_creating_an_instance_answers_200_and_it_in_the_morpheus_shape(api, user):
    response = api.post("/api/instances", NEW_INSTANCE, content_type="application/json")

    assert response.status_code == 200
    body = response.json()
    assert body["success"] is True
    instance = body["instance"]
    assert instance["name"] == instance["displayName"] == "web-1"
    assert instance["instanceType"] == {
        "id": 9,
        "code": "ubuntu",
        "category": "os",
        "name": "Ubuntu",
    }
    assert instance["plan"] == {"id": 364, "code": "vm-4096", "name": "2 CPU, 4GB Memory"}
    assert (instance["maxCores"], instance["maxMemory"]) == (2, 4 * 1024**3)
    assert instance["maxStorage"] == 20 * 1024**3
    assert instance["labels"] == ["prod"]
    assert instance["owner"] == instance["createdBy"] == {"id": user.pk, "username": "jdoe"}
    assert instance["status"] == "running"


def test_invalid_instance_answers_unable_to_save_instance_with_field_errors(api):
    payload = {
        "instance": {"name": "", "instanceType": {"code": "Not A Code"}, "plan": {"id": 0}},
        "volumes": [{"size": 0}],
    }

    response = api.post("/api/instances", payload, content_type="application/json")

    assert_catalog_error(
        response,
        status=400,
        code="invalid",
        msg="Unable to save instance",
        title="Bad Request",
        errors={
            "name": "This field may not be blank.",
            "site": "This field is required.",
            "instanceType.code": '"Not A Code" is not a valid choice.',
            "layout": "This field is required.",
            "plan.id": '"0" is not a valid choice.',
            "volumes.0.size": "Ensure this value is greater than or equal to 1.",
        },
        field_errors=[
            {"field": "name", "code": "blank", "message": "This field may not be blank."},
            {"field": "site", "code": "required", "message": "This field is required."},
            {
                "field": "instanceType.code",
                "code": "invalid_choice",
                "message": '"Not A Code" is not a valid choice.',
            },
            {"field": "layout", "code": "required", "message": "This field is required."},
            {
                "field": "plan.id",
                "code": "invalid_choice",
                "message": '"0" is not a valid choice.',
            },
            {
                "field": "volumes.0.size",
                "code": "min_value",
                "message": "Ensure this value is greater than or equal to 1.",
            },
        ],
    )
    assert Instance.objects.count() == 0


def test_a_body_without_the_instance_object_is_invalid(api):
    response = api.post("/api/instances", {"name": "web-1"}, content_type="application/json")

    assert_catalog_error(
        response,
        status=400,
        code="invalid",
        msg="Unable to save instance",
        title="Bad Request",
        errors={"instance": "This field is required."},
        field_errors=[
            {"field": "instance", "code": "required", "message": "This field is required."}
        ],
    )


def test_listing_pages_sorts_and_filters_like_morpheus(api):
    for name in ("db-1", "web-2", "web-1", "web-3"):
        create_instance(api, name=name)

    response = api.get(
        "/api/instances",
        {"max": 2, "offset": 1, "sort": "name", "direction": "desc", "phrase": "web"},
    )

    body = response.json()
    assert [instance["name"] for instance in body["instances"]] == ["web-2", "web-1"]
    assert body["meta"] == {"offset": 1, "max": 2, "size": 2, "total": 3}


def test_list_size_is_capped_and_defaults_to_25(api):
    assert api.get("/api/instances", {"max": "100000"}).json()["meta"]["max"] == 100
    assert api.get("/api/instances").json()["meta"] == {
        "offset": 0,
        "max": 25,
        "size": 0,
        "total": 0,
    }


def test_unusable_list_parameters_answer_invalid_parameters_naming_each(api):
    response = api.get(
        "/api/instances", {"max": "abc", "offset": "-3", "sort": "password", "phrase": "x" * 201}
    )

    assert_catalog_error(
        response,
        status=400,
        code="invalid_parameters",
        msg="Invalid query parameters",
        title="Bad Request",
        errors={
            "max": "A valid integer is required.",
            "offset": "Ensure this value is greater than or equal to 0.",
            "sort": '"password" is not a valid choice.',
            "phrase": "Ensure this field has no more than 200 characters.",
        },
        field_errors=[
            {"field": "max", "code": "invalid", "message": "A valid integer is required."},
            {
                "field": "offset",
                "code": "min_value",
                "message": "Ensure this value is greater than or equal to 0.",
            },
            {
                "field": "sort",
                "code": "invalid_choice",
                "message": '"password" is not a valid choice.',
            },
            {
                "field": "phrase",
                "code": "max_length",
                "message": "Ensure this field has no more than 200 characters.",
            },
        ],
    )


def test_getting_and_updating_an_instance(api):
    instance = create_instance(api)

    response = api.put(
        f"/api/instances/{instance['id']}",
        {"instance": {"description": "front end"}, "config": {"customOptions": {"tier": "web"}}},
        content_type="application/json",
    )

    assert response.status_code == 200
    fetched = api.get(f"/api/instances/{instance['id']}").json()["instance"]
    assert fetched["description"] == "front end"
    assert fetched["config"] == {"customOptions": {"tier": "web"}}
    assert fetched["name"] == "web-1"
    assert fetched["maxCores"] == 2


def test_an_unknown_instance_answers_instance_not_found(api):
    response = api.get("/api/instances/424242")

    assert_catalog_error(
        response, status=404, code="not_found", msg="Instance not found", title="Not Found"
    )


@pytest.mark.parametrize("instance_id", ["abc", "-1", "1.5", "9" * 40, "%00", "%E2%82%AC", "0x10"])
def test_ids_that_cannot_exist_answer_404_never_500(api, instance_id):
    response = api.get(f"/api/instances/{instance_id}")

    assert_catalog_error(
        response, status=404, code="not_found", msg="Instance not found", title="Not Found"
    )


def test_a_removed_instance_answers_410_gone_from_then_on(api):
    instance = create_instance(api)
    path = f"/api/instances/{instance['id']}"

    assert api.delete(path).json() == {"success": True}

    for method in ("get", "put", "delete"):
        response = getattr(api, method)(path, content_type="application/json")
        assert_catalog_error(
            response,
            status=410,
            code="gone",
            msg="The entity requested has been removed from our servers.",
            title="Gone",
        )
    assert api.get("/api/instances").json()["meta"]["total"] == 0


def test_users_is_for_admins(api, user):
    user.is_staff = True
    user.save()

    response = api.get("/api/users")

    assert response.status_code == 200
    assert [row["username"] for row in response.json()["users"]] == ["jdoe"]


def test_users_refuses_a_token_without_the_admin_role(api):
    response = api.get("/api/users")

    assert_catalog_error(
        response,
        status=403,
        code="permission_denied",
        msg="You do not have permissions to access this api endpoint",
        title="Forbidden",
    )


def test_the_teapot_is_a_teapot(client):
    response = client.get("/api/teapot")

    assert_catalog_error(
        response, status=418, code="teapot", msg="I'm a teapot.", title="I'm a Teapot"
    )


def test_a_missing_authorization_header_answers_not_authenticated(client):
    response = client.get("/api/whoami")

    body = assert_catalog_error(
        response,
        status=401,
        code="not_authenticated",
        msg="Full authentication is required to access this resource",
        title="Unauthorized",
        oauth=True,
    )
    assert body["error"] == "unauthorized"
    assert response["WWW-Authenticate"].startswith('Bearer realm="api"')


def test_an_unknown_token_answers_invalid_token(client):
    response = client.get("/api/whoami", HTTP_AUTHORIZATION="Bearer not-a-token")

    body = assert_catalog_error(
        response,
        status=401,
        code="invalid_token",
        msg="Invalid access token",
        title="Unauthorized",
        oauth=True,
    )
    assert body["error"] == "invalid_token"
    assert 'error="invalid_token"' in response["WWW-Authenticate"]


def test_an_expired_token_answers_token_expired(client, user, make_token):
    token = make_token(user, expires_in=-60)

    response = client.get("/api/whoami", HTTP_AUTHORIZATION=f"Bearer {token}")

    assert_catalog_error(
        response,
        status=401,
        code="token_expired",
        msg="Access token expired",
        title="Unauthorized",
        oauth=True,
    )


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BEARER"])
def test_the_bearer_scheme_is_case_insensitive(client, user, make_token, scheme):
    token = make_token(user)

    response = client.get("/api/whoami", HTTP_AUTHORIZATION=f"{scheme} {token}")

    assert response.status_code == 200


def test_wrong_method_answers_405_listing_the_real_methods(api):
    response = api.patch("/api/whoami")

    assert_catalog_error(
        response,
        status=405,
        code="method_not_allowed",
        msg="You tried to access a resource with an invalid method.",
        title="Method Not Allowed",
    )
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("accept", ["text/csv", "application/xml"])
def test_a_format_that_is_not_json_answers_406(api, accept):
    response = api.get("/api/instances", HTTP_ACCEPT=accept)

    assert_catalog_error(
        response,
        status=406,
        code="not_acceptable",
        msg="You requested a format that isn't json.",
        title="Not Acceptable",
    )


def test_an_unhandled_error_in_the_api_answers_500(api):
    # Bad data written behind the API's back: the serializer can't represent it.
    instance = create_instance(api)
    Instance.objects.filter(pk=instance["id"]).update(labels=5)

    response = api.get(f"/api/instances/{instance['id']}")

    assert_catalog_error(
        response,
        status=500,
        code="server_error",
        msg="We had a problem with our server. Try again later.",
        title="Internal Server Error",
    )
