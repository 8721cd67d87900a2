"""
The "Catalog editors" group may view, add, change and delete translations: they are
catalog text like the rest, and none is seeded, so deleting one only brings English
back. Idempotent and reversible.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS_GROUP = "Catalog editors"
TRANSLATION_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("errorstatustranslation", "errorreasontranslation")
    for action in ("view", "add", "change", "delete")
]


def _permissions(apps):
    catalog_config = apps.get_app_config("catalog")
    previous = getattr(catalog_config, "models_module", None)
    catalog_config.models_module = True
    create_permissions(catalog_config, apps=apps, verbosity=0)
    catalog_config.models_module = previous  # None in a migration's state apps
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="catalog", codename__in=TRANSLATION_PERMISSIONS
    )


def grant(apps, schema_editor):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=EDITORS_GROUP).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [("catalog", "0008_translations")]

    operations = [migrations.RunPython(grant, revoke)]
