"""
Morpheus's own example requests, copied as data from its published OpenAPI document
(the gomorpheus/morpheus-openapi repository); each names its file.
"""

# components/examples/instanceCreateVmwareRequest.json, copied as published.
VMWARE_REQUEST = {
    "zoneId": 15,
    "instance": {
        "name": "test2",
        "cloud": "vcenter1 - homelab",
        "site": {"id": 1},
        "type": "ubuntu",
        "instanceType": {"code": "ubuntu"},
        "instanceContext": "dev",
        "labels": ["ubuntuserver"],
        "layout": {"id": 1399, "code": "vmware-ubuntu-20.04-single"},
        "plan": {"id": 361, "code": "vm-512", "name": "1 CPU, 512MB Memory"},
        "userGroup": {"id": 1},
    },
    "config": {
        "resourcePoolId": 75,
        "hostId": "",
        "vmwareFolderId": "group-v90002",
        "nestedVirtualization": "off",
        "createUser": True,
    },
    "volumes": [
        {
            "id": -1,
            "rootVolume": True,
            "name": "root",
            "size": 10,
            "sizeId": None,
            "storageType": 1,
            "datastoreId": 59,
        }
    ],
    "networkInterfaces": [
        {"network": {"id": "network-110"}, "networkInterfaceTypeId": 4, "ipMode": "dhcp"}
    ],
    "layoutSize": 1,
}
# components/examples/instanceCreateAzureRequest.json
AZURE_REQUEST = {
    "zoneId": 26,
    "instance": {
        "name": "sadf",
        "cloud": "azpersonal",
        "site": {"id": 1},
        "type": "ubuntu",
        "instanceType": {"code": "ubuntu"},
        "layout": {"id": 1532, "code": "ubuntu-azure-20.04-single"},
        "plan": {
            "id": 821,
            "code": "azure.plan.eastus.Standard_A1_v2",
            "name": "Standard_A1_v2 (1 Core, 2GB Memory)",
        },
    },
    "config": {
        "resourcePoolId": 95,
        "availabilityOptions": "",
        "azurefloatingIp": "off",
        "bootDiagnostics": "off",
        "osGuestDiagnostics": "off",
        "diagnosticsStorageAccount": "fece1b52b93a1490f835960",
        "createUser": True,
    },
    "volumes": [
        {
            "id": -1,
            "rootVolume": True,
            "name": "root",
            "size": 32,
            "sizeId": None,
            "storageType": 27,
            "datastoreId": 85,
        }
    ],
    "networkInterfaces": [{"network": {"id": "subnet-28"}}],
    "layoutSize": 1,
}
# components/examples/instanceCreateAwsRequest.json
AWS_REQUEST = {
    "zoneId": 12,
    "instance": {
        "name": "nctest3",
        "cloud": "AWS",
        "site": {"id": 2},
        "type": "ubuntu",
        "instanceType": {"code": "ubuntu"},
        "layout": {"id": 2136, "code": "ubuntu-amazon-20.04"},
        "plan": {"id": 3, "code": "amazon-t2.small", "name": "T2 Small - 1 Core, 2GB Memory"},
    },
    "config": {
        "resourcePoolId": 129,
        "isEC2": "false",
        "publicIpType": "elasticIp",
        "kmsKeyId": "asf",
        "createUser": True,
    },
    "volumes": [
        {
            "id": -1,
            "rootVolume": True,
            "name": "root",
            "size": 20,
            "sizeId": None,
            "storageType": 68,
            "datastoreId": None,
        }
    ],
    "networkInterfaces": [{"network": {"id": "network-57802"}}],
    "securityGroups": [{"id": "sg-d58a6eba"}, {"id": "sg-43572f26"}],
    "layoutSize": 1,
}
# components/examples/instanceCreateGcpRequest.json
GCP_REQUEST = {
    "zoneId": 143,
    "instance": {
        "name": "nctest1",
        "cloud": "Google Labs",
        "site": {"id": 2},
        "type": "ubuntu",
        "instanceType": {"code": "ubuntu"},
        "instanceContext": "dev",
        "labels": ["label1"],
        "layout": {"id": 2677, "code": "google.layout.public.template.20.04.ubuntu"},
        "plan": {
            "id": 50,
            "code": "google-standard-1",
            "name": "n1-standard-1 - 1 vCPU, 3.75GB Memory",
        },
    },
    "config": {
        "googleZoneId": 71,
        "resourcePoolId": 3772,
        "externalIpType": -1,
        "serviceAccount": "default",
        "accessScope": "default",
        "createUser": True,
    },
    "volumes": [
        {
            "id": -1,
            "rootVolume": True,
            "name": "root",
            "size": 100,
            "sizeId": None,
            "storageType": 70,
            "datastoreId": None,
        }
    ],
    "networkInterfaces": [{"network": {"id": "subnet-12542"}}],
    "layoutSize": 1,
}
# components/examples/instanceUpdate.json
UPDATE_REQUEST = {
    "instance": {
        "description": "my new redis",
        "addTags": [{"name": "hello", "value": "world"}, {"name": "flash", "value": "bang"}],
        "removeTags": [{"name": "oldTag"}],
    },
    "config": {"customOptions": {"dbfoldername": "data"}},
}
