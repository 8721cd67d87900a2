"""
Ship German and French for the seeded statuses and reasons that have none yet,
each with a history record, so the admin shows them and can revert them. Numbered
apart from this app's schema migrations, which it never depends on by name.
"""

from django.db import migrations

from morpheus_errors.api.translations import translations_ship, translations_withdraw


def ship(apps, schema_editor):
    translations_ship(apps=apps, using=schema_editor.connection.alias)


def withdraw(apps, schema_editor):
    translations_withdraw(apps=apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0015_seed_misspellings_corrected"),
        ("api", "0003_morpheus_members"),
    ]

    operations = [migrations.RunPython(ship, withdraw)]
