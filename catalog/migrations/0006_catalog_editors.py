"""
The "Catalog editors" group: may view and change catalog text, nothing else.

Also gives every existing status and reason a first history record, so that the
first edit in the admin already shows as a diff against the seed text.
Idempotent and reversible.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils import timezone

EDITORS_GROUP = "Catalog editors"
EDITOR_PERMISSIONS = [
    "view_errorstatus",
    "change_errorstatus",
    "view_errorreason",
    "change_errorreason",
]
STATUS_FIELDS = ["id", "status", "title", "description", "troubleshooting", "updated_at"]
REASON_FIELDS = [
    "id",
    "status_id",
    "code",
    "message",
    "placeholders",
    "troubleshooting",
    "updated_at",
]


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure ours exist now.
    catalog_config = apps.get_app_config("catalog")
    previous = getattr(catalog_config, "models_module", None)
    catalog_config.models_module = True
    create_permissions(catalog_config, apps=apps, verbosity=0)
    catalog_config.models_module = previous  # None in a migration's state apps
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="catalog", codename__in=EDITOR_PERMISSIONS
        )
    )


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS_GROUP).delete()


def record_baseline_history(apps, schema_editor):
    now = timezone.now()
    for model_name, fields in (("ErrorStatus", STATUS_FIELDS), ("ErrorReason", REASON_FIELDS)):
        Model = apps.get_model("catalog", model_name)
        Historical = apps.get_model("catalog", f"Historical{model_name}")
        recorded = set(Historical.objects.values_list("id", flat=True))
        Historical.objects.bulk_create(
            Historical(
                history_date=now,
                history_type="+",
                history_change_reason="seed",
                **{field: getattr(row, field) for field in fields},
            )
            for row in Model.objects.exclude(id__in=recorded)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0005_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_editors_group, remove_editors_group),
        migrations.RunPython(record_baseline_history, migrations.RunPython.noop),
    ]
