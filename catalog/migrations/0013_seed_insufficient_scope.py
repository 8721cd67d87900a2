"""Seed the reasons added since 0012 (insufficient_scope), leaving existing text alone."""

from importlib import import_module

from django.db import migrations

seed_missing = import_module("catalog.migrations.0004_seed_oauth_reasons").add_missing_seed_entries


class Migration(migrations.Migration):
    dependencies = [("catalog", "0012_overrides_detail_and_drf_codes")]

    operations = [migrations.RunPython(seed_missing, migrations.RunPython.noop)]
