"""
The sample API against Morpheus's published OpenAPI document (the gomorpheus/morpheus-openapi
repository): its own example requests, sent unchanged, and the statuses, envelopes and
members it documents. Each test names the spec file it follows.
"""

import copy
import json

import pytest

from catalog.reference.requests import example_request_errors, example_request_parse
from morpheus_errors.api.catalog_examples import EXAMPLES as CATALOG_EXAMPLES
from morpheus_errors.api.models import Instance
from tests.asserts import assert_catalog_error
from tests.morpheus_examples import (
    AWS_REQUEST,
    AZURE_REQUEST,
    GCP_REQUEST,
    UPDATE_REQUEST,
    VMWARE_REQUEST,
)

pytestmark = pytest.mark.django_db

GB = 1024**3
MB = 1024**2

# The members of components/schemas/instance.yaml the demo answers.
INSTANCE_MEMBERS = {
    "id",
    "uuid",
    "accountId",
    "tenant",
    "instanceType",
    "group",
    "cloud",
    "layout",
    "plan",
    "name",
    "displayName",
    "description",
    "hostName",
    "instanceContext",
    "config",
    "volumes",
    "interfaces",
    "labels",
    "tags",
    "maxMemory",
    "maxCores",
    "maxStorage",
    "status",
    "dateCreated",
    "lastUpdated",
    "createdBy",
    "owner",
}
# (request, cores, memory in MB) per example: the plans' own figures.
EXAMPLES = {
    "vmware": (VMWARE_REQUEST, 1, 512),
    "azure": (AZURE_REQUEST, 1, 2048),
    "aws": (AWS_REQUEST, 1, 2048),
    "gcp": (GCP_REQUEST, 1, 3840),
}


def assert_invalid(response, resource, *messages):
    """A 400 invalid body listing each (field, code, message), in the serializer's order."""
    errors: dict[str, str] = {}
    for field, _, message in messages:
        errors[field] = f"{errors[field]} {message}" if field in errors else message
    assert_catalog_error(
        response,
        status=400,
        code="invalid",
        msg=f"Unable to save {resource}",
        title="Bad Request",
        errors=errors,
        field_errors=[
            {"field": field, "code": code, "message": message} for field, code, message in messages
        ],
    )


def post(client, path, body):
    return client.post(path, body, content_type="application/json")


def create(api, request=VMWARE_REQUEST, **instance):
    body = copy.deepcopy(request)
    body["instance"].update(instance)
    response = post(api, "/api/instances", body)
    assert response.status_code == 200, response.content
    return response.json()["instance"]


@pytest.mark.parametrize("example", list(EXAMPLES))
def test_morpheus_example_create_requests_answer_200_with_what_they_gave(api, user, example):
    # paths/api@instances.yaml: POST answers 200 {"instance": ..., "success": true}.
    request, cores, memory_mb = EXAMPLES[example]

    response = post(api, "/api/instances", request)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"success", "instance"}
    assert body["success"] is True
    instance = body["instance"]
    assert set(instance) == INSTANCE_MEMBERS
    given = request["instance"]
    assert instance["name"] == instance["displayName"] == instance["hostName"] == given["name"]
    assert instance["cloud"] == {"id": request["zoneId"], "name": given["cloud"]}
    assert instance["group"] == {"id": given["site"]["id"], "name": None}
    assert instance["layout"] == given["layout"]
    assert instance["plan"] == given["plan"]
    assert instance["instanceType"] == {
        "id": 9,
        "code": "ubuntu",
        "category": "os",
        "name": "Ubuntu",
    }
    assert instance["maxCores"] == cores
    assert instance["maxMemory"] == memory_mb * MB
    size = request["volumes"][0]["size"]
    assert instance["maxStorage"] == size * GB
    volume = request["volumes"][0]
    datastore = None if volume["datastoreId"] is None else str(volume["datastoreId"])
    # instance.yaml types an answered datastoreId as a string (its example: "auto").
    assert instance["volumes"] == [{**volume, "datastoreId": datastore, "maxStorage": size * GB}]
    assert instance["config"] == request["config"]
    assert instance["labels"] == given.get("labels", [])
    assert instance["instanceContext"] == given.get("instanceContext")
    assert instance["owner"] == instance["createdBy"] == {"id": user.pk, "username": "jdoe"}


def test_an_interface_network_is_answered_by_number_as_morpheus_does(api):
    # components/examples/instanceCreateVmwareSuccess.json: "network-110" comes back as id 110.
    instance = create(api)

    assert instance["interfaces"] == [
        {
            "id": None,
            "network": {"id": 110},
            "ipAddress": None,
            "ipMode": "dhcp",
            "networkInterfaceTypeId": 4,
        }
    ]


def test_the_instance_type_code_is_case_insensitive(api):
    # components/schemas/instanceCreate.yaml gives "Ubuntu" as its example code.
    instance = create(api, instanceType={"code": "Ubuntu"})

    assert instance["instanceType"]["code"] == "ubuntu"


def test_an_instance_reads_back_as_it_was_created(api):
    # paths/api@instances@id.yaml: GET answers {"instance": ...}, no success member.
    created = create(api)

    response = api.get(f"/api/instances/{created['id']}")

    assert response.status_code == 200
    assert response.json() == {"instance": created}


def test_tags_and_volumes_without_a_size_take_the_plans(api):
    # instanceCreateVolume.yaml: size "Uses default from service plan".
    body = {**VMWARE_REQUEST, "volumes": [{"name": "root"}], "tags": [{"name": "env"}]}

    instance = create(api, body)

    assert instance["volumes"][0]["size"] == 10
    assert instance["maxStorage"] == 10 * GB
    assert instance["tags"] == [{"name": "env", "value": ""}]


def test_the_morpheus_update_example_edits_tags_and_merges_config(api):
    # paths/api@instances@id.yaml PUT with components/examples/instanceUpdate.json.
    created = create(api)
    Instance.objects.filter(pk=created["id"]).update(
        tags=[{"name": "oldTag", "value": "x"}, {"name": "hello", "value": "there"}]
    )

    response = api.put(
        f"/api/instances/{created['id']}", UPDATE_REQUEST, content_type="application/json"
    )

    assert response.status_code == 200
    body = response.json()
    assert body["success"] is True
    instance = body["instance"]
    assert instance["description"] == "my new redis"
    assert instance["tags"] == [
        {"name": "hello", "value": "world"},
        {"name": "flash", "value": "bang"},
    ]
    assert instance["config"] == {
        **VMWARE_REQUEST["config"],
        "customOptions": {"dbfoldername": "data"},
    }


def test_an_update_may_send_only_its_config(api):
    # components/schemas/instanceUpdate.yaml requires neither member.
    created = create(api)

    response = api.put(
        f"/api/instances/{created['id']}",
        {"config": {"customOptions": {"tier": "db"}}},
        content_type="application/json",
    )

    assert response.status_code == 200
    assert response.json()["instance"]["config"]["customOptions"] == {"tier": "db"}
    assert response.json()["instance"]["name"] == "test2"


def test_an_update_whose_instance_is_not_an_object_is_invalid(api):
    created = create(api)

    response = api.put(
        f"/api/instances/{created['id']}", {"instance": "x"}, content_type="application/json"
    )

    assert_invalid(
        response,
        "instance",
        ("instance", "invalid", "Invalid data. Expected a dictionary, but got str."),
    )


def test_deleting_an_instance_answers_200_success(api):
    # paths/api@instances@id.yaml DELETE: 200 with components/examples/success.json.
    created = create(api)

    response = api.delete(f"/api/instances/{created['id']}")

    assert (response.status_code, response.json()) == (200, {"success": True})


def test_invalid_new_fields_answer_invalid_naming_each_field(api):
    body = copy.deepcopy(VMWARE_REQUEST)
    body["zoneId"] = "fifteen"
    body["config"] = ["not", "an", "object"]
    body["volumes"] = [{"size": "big", "storageType": [1]}]
    body["networkInterfaces"] = [{"network": {}, "ipMode": "static"}, {"network": {"id": "n"}}]
    body["instance"]["tags"] = [{"value": "x"}]
    body["instance"]["site"] = {"id": 0}

    response = post(api, "/api/instances", body)

    assert_invalid(
        response,
        "instance",
        ("site.id", "min_value", "Ensure this value is greater than or equal to 1."),
        ("tags.0.name", "required", "This field is required."),
        ("config", "not_a_dict", 'Expected a dictionary of items but got type "list".'),
        ("zoneId", "invalid", "A valid integer is required."),
        ("volumes.0.size", "invalid", "A valid integer is required."),
        ("volumes.0.storageType", "invalid", "Must be an integer, a string or null."),
        ("networkInterfaces.0.network.id", "required", "This field is required."),
    )
    assert Instance.objects.count() == 0


def test_a_static_interface_needs_its_address(api):
    body = {**VMWARE_REQUEST, "networkInterfaces": [{"network": {"id": "n"}, "ipMode": "static"}]}

    response = post(api, "/api/instances", body)

    assert_invalid(
        response,
        "instance",
        ("networkInterfaces.0.ipAddress", "invalid", "Required when ipMode is static."),
    )


def test_an_oversized_config_is_refused(api):
    body = {**VMWARE_REQUEST, "config": {"notes": "x" * 20_000}}

    response = post(api, "/api/instances", body)

    assert_invalid(
        response,
        "instance",
        ("config", "too_large", "Ensure this object has no more than 16384 characters."),
    )


def test_the_list_filters_by_name_and_phrase_on_name_or_description(api):
    # paths/api@instances.yaml: name (components/parameters/name.yaml) and phrase
    # ("partial matches on name or description", components/parameters/phrase.yaml).
    create(api, name="web-1")
    create(api, name="web-2", description="the database's front")
    create(api, name="db-1")

    by_name = api.get("/api/instances", {"name": "WEB-1"}).json()["instances"]
    by_phrase = api.get("/api/instances", {"phrase": "FRONT"}).json()["instances"]

    assert [instance["name"] for instance in by_name] == ["web-1"]
    assert [instance["name"] for instance in by_phrase] == ["web-2"]


# paths/api@users.yaml, paths/api@users@id.yaml: admins only (the admin-users permission).


@pytest.fixture
def admin_api(api, user):
    user.is_staff = True
    user.save()
    return api


def test_users_sort_by_username_by_default_and_phrase_matches_email(admin_api, django_user_model):
    django_user_model.objects.create_user("zed", email="zed@example.com")
    django_user_model.objects.create_user("amy", email="amy@corp.example")

    listed = admin_api.get("/api/users").json()
    by_email = admin_api.get("/api/users", {"phrase": "corp.example"}).json()
    sorted_desc = admin_api.get(
        "/api/users", {"sort": "username", "direction": "desc", "max": 2, "offset": 1}
    ).json()

    assert [row["username"] for row in listed["users"]] == ["amy", "jdoe", "zed"]
    assert [row["username"] for row in by_email["users"]] == ["amy"]
    assert [row["username"] for row in sorted_desc["users"]] == ["jdoe", "amy"]
    assert sorted_desc["meta"] == {"offset": 1, "max": 2, "size": 2, "total": 3}


def test_creating_a_user_answers_200_and_the_user(admin_api, django_user_model):
    # The request body is paths/api@users.yaml's own example values.
    body = {
        "user": {
            "firstName": "John",
            "lastName": "Smith",
            "username": "jsmith",
            "email": "jsmith@email.com",
            "password": "Passw0rd!",
            "roles": [{"id": 2}],
        }
    }

    response = post(admin_api, "/api/users", body)

    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is True
    created = django_user_model.objects.get(username="jsmith")
    assert created.check_password("Passw0rd!")
    assert answer["user"]["id"] == created.pk
    assert answer["user"]["displayName"] == "John Smith"
    assert answer["user"]["roles"] == [
        {"id": 2, "authority": "User", "description": "Provisions and manages instances"}
    ]
    assert "password" not in answer["user"]


def test_an_invalid_user_answers_invalid_naming_each_field(admin_api):
    body = {"user": {"username": "JDOE", "email": "nope", "password": "12345678", "roles": [{}]}}

    response = post(admin_api, "/api/users", body)

    assert_invalid(
        response,
        "user",
        ("username", "unique", "A user with that username already exists."),
        ("email", "invalid", "Enter a valid email address."),
        ("roles.0.id", "required", "This field is required."),
    )


def test_a_weak_password_answers_the_password_validators_messages(admin_api):
    body = {"user": {"username": "new", "email": "new@example.com", "password": "12345678"}}

    response = post(admin_api, "/api/users", body)

    assert_invalid(
        response,
        "user",
        ("password", "password_too_common", "This password is too common."),
        ("password", "password_entirely_numeric", "This password is entirely numeric."),
    )


def test_a_body_without_the_user_object_is_invalid(admin_api):
    response = post(admin_api, "/api/users", {"username": "x"})

    assert_invalid(response, "user", ("user", "required", "This field is required."))


def test_a_user_reads_and_deletes_as_morpheus_answers(admin_api, django_user_model):
    other = django_user_model.objects.create_user("amy", email="amy@example.com")

    fetched = admin_api.get(f"/api/users/{other.pk}")
    deleted = admin_api.delete(f"/api/users/{other.pk}")

    assert fetched.status_code == 200
    assert set(fetched.json()) == {"user"}
    assert fetched.json()["user"]["username"] == "amy"
    assert (deleted.status_code, deleted.json()) == (200, {"success": True})
    assert not django_user_model.objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize("user_id", ["424242", "abc", "9" * 30])
def test_an_unknown_user_answers_user_not_found(admin_api, user_id):
    response = admin_api.get(f"/api/users/{user_id}")

    assert_catalog_error(
        response, status=404, code="not_found", msg="User not found", title="Not Found"
    )


def test_deleting_oneself_or_an_owner_of_instances_is_refused(admin_api, user, django_user_model):
    owner = django_user_model.objects.create_user("amy")
    Instance.objects.create(name="kept", owner=owner)

    own = admin_api.delete(f"/api/users/{user.pk}")
    owners = admin_api.delete(f"/api/users/{owner.pk}")

    assert_invalid(own, "user", ("id", "invalid", "You can't delete your own user."))
    assert_invalid(owners, "user", ("instances", "invalid", "This user still owns instances."))
    assert django_user_model.objects.filter(pk__in=[user.pk, owner.pk]).count() == 2


@pytest.mark.parametrize(
    ("method", "path"),
    [("post", "/api/users"), ("get", "/api/users/1"), ("delete", "/api/users/1")],
)
def test_the_user_endpoints_refuse_a_token_without_the_admin_role(api, method, path):
    response = getattr(api, method)(path, {}, content_type="application/json")

    assert_catalog_error(
        response,
        status=403,
        code="permission_denied",
        msg="You do not have permissions to access this api endpoint",
        title="Forbidden",
    )


def test_whoami_has_the_members_the_go_sdk_reads(admin_api):
    # paths/api@whoami.yaml; the Go SDK reads isMasterAccount, appliance.buildVersion and
    # permissions[].name. isAdmin is not documented and is gone.
    body = admin_api.get("/api/whoami").json()

    assert body["isMasterAccount"] is True
    assert body["appliance"] == {"buildVersion": "0.1.0"}
    assert [permission["name"] for permission in body["permissions"]] == ["Instances", "Users"]
    assert body["permissions"][1]["access"] == "full"
    assert "isAdmin" not in body["user"]
    assert body["user"]["roles"][0]["authority"] == "System Admin"


def test_the_schema_documents_the_real_statuses_and_limits(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    instances = schema["paths"]["/api/instances"]
    instance = schema["paths"]["/api/instances/{instance_id}"]
    users = schema["paths"]["/api/users"]
    max_parameter = next(p for p in instances["get"]["parameters"] if p["name"] == "max")
    names = {p["name"] for p in instances["get"]["parameters"]}
    create_body = instances["post"]["requestBody"]["content"]["application/json"]["schema"]

    assert "200" in instances["post"]["responses"]
    assert "201" not in instances["post"]["responses"]
    assert instance["delete"]["responses"]["200"]["content"]["application/json"]["schema"] == {
        "type": "object",
        "properties": {"success": {"type": "boolean"}},
    }
    assert max_parameter["schema"]["minimum"] == 1
    assert {"name", "phrase", "sort", "direction", "offset"} <= names
    assert "200" in users["post"]["responses"]
    assert "/api/users/{user_id}" in schema["paths"]
    labels = resolve(schema, create_body)["properties"]["labels"]
    assert (labels["maxItems"], labels["items"]["maxLength"]) == (20, 40)


def resolve(schema, node):
    if "$ref" in node:
        return schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def test_the_catalogs_invalid_example_is_a_morpheus_request_answering_invalid(api):
    # morpheus_errors/api/catalog_examples.py: the reference page's example for "invalid".
    example = example_request_parse(CATALOG_EXAMPLES["invalid"])

    response = post(api, example.path, json.loads(example.body))

    assert example_request_errors(CATALOG_EXAMPLES["invalid"]) == []
    assert_invalid(response, "instance", ("name", "blank", "This field may not be blank."))
