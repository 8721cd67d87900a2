"""
Add the seeded reasons that came after 0002 (the OAuth token endpoint's), without
touching the text of entries that exist: editors may have changed it.
"""

from django.db import migrations
from django.db.models import F

from catalog.errors.seed import SEED_STATUSES_PUBLISHED as SEED_STATUSES


def add_missing_seed_entries(apps, schema_editor):
    ErrorStatus = apps.get_model("catalog", "ErrorStatus")
    ErrorReason = apps.get_model("catalog", "ErrorReason")
    CatalogVersion = apps.get_model("catalog", "CatalogVersion")
    for entry in SEED_STATUSES:
        status, _ = ErrorStatus.objects.get_or_create(
            status=entry.status,
            defaults={
                "title": entry.title,
                "description": entry.description,
                "troubleshooting": entry.troubleshooting,
            },
        )
        for reason in entry.reasons:
            ErrorReason.objects.get_or_create(
                code=reason.code,
                defaults={
                    "status": status,
                    "message": reason.message,
                    "placeholders": ",".join(reason.placeholders),
                    "troubleshooting": reason.troubleshooting,
                },
            )
    CatalogVersion.objects.filter(pk=1).update(version=F("version") + 1)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0003_maintenance_mode")]

    operations = [migrations.RunPython(add_missing_seed_entries, migrations.RunPython.noop)]
