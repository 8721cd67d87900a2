"""
The demo's fixed inventory: the instance types and service plans a create request
may name. Morpheus keeps these in its database; the plans are the ones its own
example requests use (components/examples/instanceCreate*Request.json).
"""

from typing import NamedTuple

MB = 1024 * 1024
GB = 1024 * MB


class InstanceType(NamedTuple):
    id: int
    name: str
    category: str


class Plan(NamedTuple):
    code: str
    name: str
    cores: int
    memory_mb: int
    storage_gb: int


# Codes are matched case-insensitively, as Morpheus does ("Ubuntu" in its create schema).
INSTANCE_TYPES = {
    "ubuntu": InstanceType(9, "Ubuntu", "os"),
    "centos": InstanceType(10, "CentOS", "os"),
    "debian": InstanceType(11, "Debian", "os"),
    "windows": InstanceType(12, "Windows", "os"),
    "nginx": InstanceType(20, "NGINX", "web"),
    "redis": InstanceType(21, "Redis", "cache"),
    "mysql": InstanceType(22, "MySQL", "sql"),
    "postgres": InstanceType(23, "PostgreSQL", "sql"),
}

PLANS = {
    3: Plan("amazon-t2.small", "T2 Small - 1 Core, 2GB Memory", 1, 2048, 20),
    50: Plan("google-standard-1", "n1-standard-1 - 1 vCPU, 3.75GB Memory", 1, 3840, 10),
    361: Plan("vm-512", "1 CPU, 512MB Memory", 1, 512, 10),
    362: Plan("vm-1024", "1 CPU, 1GB Memory", 1, 1024, 10),
    363: Plan("vm-2048", "2 CPU, 2GB Memory", 2, 2048, 20),
    364: Plan("vm-4096", "2 CPU, 4GB Memory", 2, 4096, 40),
    821: Plan(
        "azure.plan.eastus.Standard_A1_v2", "Standard_A1_v2 (1 Core, 2GB Memory)", 1, 2048, 32
    ),
}
