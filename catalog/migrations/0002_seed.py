"""
Seed the catalog with the Morpheus API "Errors" page (catalog/errors/seed.py).

Idempotent: running it again puts the seed text back on the seeded entries and
leaves other entries alone. Reversible: unapplying removes the seeded entries.
"""

from django.db import migrations

from catalog.errors.seed import SEED_STATUSES_PUBLISHED as SEED_STATUSES


def seed_catalog(apps, schema_editor):
    ErrorStatus = apps.get_model("catalog", "ErrorStatus")
    ErrorReason = apps.get_model("catalog", "ErrorReason")
    CatalogVersion = apps.get_model("catalog", "CatalogVersion")
    for entry in SEED_STATUSES:
        status, _ = ErrorStatus.objects.update_or_create(
            status=entry.status,
            defaults={
                "title": entry.title,
                "description": entry.description,
                "troubleshooting": entry.troubleshooting,
            },
        )
        for reason in entry.reasons:
            ErrorReason.objects.update_or_create(
                code=reason.code,
                defaults={
                    "status": status,
                    "message": reason.message,
                    "placeholders": ",".join(reason.placeholders),
                    "troubleshooting": reason.troubleshooting,
                },
            )
    version, created = CatalogVersion.objects.get_or_create(pk=1)
    if not created:
        version.version += 1
        version.save()


def unseed_catalog(apps, schema_editor):
    ErrorStatus = apps.get_model("catalog", "ErrorStatus")
    ErrorReason = apps.get_model("catalog", "ErrorReason")
    codes = [reason.code for entry in SEED_STATUSES for reason in entry.reasons]
    ErrorReason.objects.filter(code__in=codes).delete()
    ErrorStatus.objects.filter(
        status__in=[entry.status for entry in SEED_STATUSES], reasons__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [migrations.RunPython(seed_catalog, unseed_catalog)]
