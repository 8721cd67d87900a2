from django.conf import settings
from django.db import models


class Instance(models.Model):
    """A Morpheus instance, reduced to what the sample API needs."""

    name = models.CharField(max_length=80)
    description = models.CharField(max_length=255, blank=True)
    instance_type = models.CharField(max_length=50, default="ubuntu")
    status = models.CharField(max_length=20, default="running")
    cpu = models.PositiveSmallIntegerField(default=1)
    memory_mb = models.PositiveIntegerField(default=1024)
    labels = models.JSONField(default=list, blank=True)
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
