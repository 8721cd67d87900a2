"""
The Morpheus Python SDK (morpheus-python-sdk on PyPI, generated from Morpheus's
OpenAPI document) against the demo over HTTP: what a generated client parses.
"""

import copy

import pytest

from tests.morpheus_examples import UPDATE_REQUEST, VMWARE_REQUEST

morpheus = pytest.importorskip("morpheus", reason="needs morpheus-python-sdk")
from morpheus.api.authentication_api import AuthenticationApi  # noqa: E402
from morpheus.api.instances_api import InstancesApi  # noqa: E402
from morpheus.api.ping_api import PingApi  # noqa: E402
from morpheus.models.add_instance_request import AddInstanceRequest  # noqa: E402
from morpheus.models.update_instance200_response import UpdateInstance200Response  # noqa: E402
from morpheus.models.update_instance_request import UpdateInstanceRequest  # noqa: E402
from pydantic import ValidationError  # noqa: E402

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def sdk(live_server, user, make_token):
    configuration = morpheus.Configuration(host=live_server.url, access_token=make_token(user))
    with morpheus.ApiClient(configuration) as client:
        yield client


def test_the_sdk_reads_ping_and_whoami(sdk, user):
    ping = PingApi(sdk).ping()
    whoami = AuthenticationApi(sdk).whoami()

    assert (ping.success, ping.build_version) == (True, "0.1.0")
    assert (whoami.user.id, whoami.user.username) == (user.pk, "jdoe")
    assert whoami.is_master_account is True
    assert whoami.appliance.build_version == "0.1.0"
    assert [permission.name for permission in whoami.permissions] == ["Instances", "Users"]


def test_the_sdk_creates_lists_gets_and_deletes_an_instance(sdk):
    instances = InstancesApi(sdk)

    created = instances.add_instance(AddInstanceRequest.from_dict(VMWARE_REQUEST))
    listed = instances.list_instances(max=10, name="test2")
    fetched = instances.get_instance(created.instance.id)
    deleted = instances.delete_instance(created.instance.id)

    assert created.success is True
    assert (created.instance.name, created.instance.max_memory) == ("test2", 512 * 1024**2)
    assert created.instance.plan.code == "vm-512"
    assert [instance.id for instance in listed.instances] == [created.instance.id]
    assert listed.meta.total == 1
    assert fetched.instance.uuid == created.instance.uuid
    assert deleted.success is True


# components/examples/instanceUpdateVmwareSuccess.json, cut to the members that matter
# here: Morpheus's own documented update answer has no "site".
MORPHEUS_UPDATE_ANSWER = {
    "instance": {
        "id": 430,
        "name": "test1",
        "instanceType": {"id": 9, "code": "ubuntu", "category": "os", "name": "Ubuntu"},
        "layout": {"id": 1399, "name": "VMware VM"},
        "plan": {"id": 362, "code": "vm-1024", "name": "1 CPU, 1GB Memory"},
    },
    "success": True,
}


def test_the_sdk_cannot_parse_morpheus_own_update_answer_so_it_is_read_raw(sdk):
    # The SDK's update answer model requires "site" (it reuses the create request's
    # instance); Morpheus's documented answer has none, and neither has the demo's.
    instances = InstancesApi(sdk)
    created = instances.add_instance(AddInstanceRequest.from_dict(VMWARE_REQUEST))
    request = UpdateInstanceRequest.from_dict(copy.deepcopy(UPDATE_REQUEST))

    with pytest.raises(ValidationError):
        UpdateInstance200Response.from_dict(MORPHEUS_UPDATE_ANSWER)
    with pytest.raises(ValidationError):
        instances.update_instance(created.instance.id, request)
    raw = instances.update_instance_without_preload_content(created.instance.id, request)

    assert raw.status == 200
    body = raw.json()
    assert body["success"] is True
    assert body["instance"]["description"] == "my new redis"
