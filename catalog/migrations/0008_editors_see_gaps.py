"""Catalog editors may see the catalog gaps view (they are the ones who fill the gaps)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS_GROUP = "Catalog editors"
GAPS_PERMISSION = "view_cataloggap"


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure ours exist now.
    catalog_config = apps.get_app_config("catalog")
    catalog_config.models_module = True
    create_permissions(catalog_config, apps=apps, verbosity=0)
    catalog_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="catalog", codename=GAPS_PERMISSION)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=EDITORS_GROUP):
        group.permissions.remove(*Permission.objects.filter(codename=GAPS_PERMISSION))


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0007_error_counts"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
