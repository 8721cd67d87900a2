import uuid

from django.db import migrations, models


def uuids_fill(apps, schema_editor):
    Instance = apps.get_model("api", "Instance")
    for instance in Instance.objects.filter(uuid__isnull=True).only("pk"):
        Instance.objects.filter(pk=instance.pk).update(uuid=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0002_morph_api_client"),
    ]

    operations = [
        migrations.AddField(
            model_name="instance",
            name="cloud_id",
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="instance",
            name="cloud_name",
            field=models.CharField(blank=True, max_length=255),
        ),
        migrations.AddField(
            model_name="instance",
            name="config",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name="instance",
            name="display_name",
            field=models.CharField(blank=True, max_length=255),
        ),
        migrations.AddField(
            model_name="instance",
            name="group_id",
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="instance",
            name="host_name",
            field=models.CharField(blank=True, max_length=255),
        ),
        migrations.AddField(
            model_name="instance",
            name="instance_context",
            field=models.CharField(blank=True, max_length=80),
        ),
        migrations.AddField(
            model_name="instance",
            name="interfaces",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="instance",
            name="layout_code",
            field=models.CharField(blank=True, max_length=255),
        ),
        migrations.AddField(
            model_name="instance",
            name="layout_id",
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="instance",
            name="plan_id",
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="instance",
            name="storage_gb",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="instance",
            name="tags",
            field=models.JSONField(blank=True, default=list),
        ),
        # A unique column added in three steps, so that existing rows get a uuid each.
        migrations.AddField(
            model_name="instance",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, null=True),
        ),
        migrations.RunPython(uuids_fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="instance",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AddField(
            model_name="instance",
            name="volumes",
            field=models.JSONField(blank=True, default=list),
        ),
    ]
