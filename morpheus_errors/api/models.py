import uuid

from django.conf import settings
from django.db import models


class Instance(models.Model):
    """A Morpheus instance, with what a create request gives and clients read back."""

    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    name = models.CharField(max_length=80)
    display_name = models.CharField(max_length=255, blank=True)
    description = models.CharField(max_length=255, blank=True)
    host_name = models.CharField(max_length=255, blank=True)
    instance_context = models.CharField(max_length=80, blank=True)
    instance_type = models.CharField(max_length=50, default="ubuntu")
    status = models.CharField(max_length=20, default="running")
    group_id = models.PositiveBigIntegerField(null=True, blank=True)
    cloud_id = models.PositiveBigIntegerField(null=True, blank=True)
    cloud_name = models.CharField(max_length=255, blank=True)
    plan_id = models.PositiveBigIntegerField(null=True, blank=True)
    layout_id = models.PositiveBigIntegerField(null=True, blank=True)
    layout_code = models.CharField(max_length=255, blank=True)
    cpu = models.PositiveSmallIntegerField(default=1)
    memory_mb = models.PositiveIntegerField(default=1024)
    storage_gb = models.PositiveIntegerField(default=0)
    labels = models.JSONField(default=list, blank=True)
    tags = models.JSONField(default=list, blank=True)
    config = models.JSONField(default=dict, blank=True)
    volumes = models.JSONField(default=list, blank=True)
    interfaces = models.JSONField(default=list, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="instances"
    )
    date_created = models.DateTimeField(auto_now_add=True)
    last_updated = models.DateTimeField(auto_now=True)
    removed_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name
