"""
Correct the seed page's misspellings in catalogs seeded with them, where the text is
still the seed's; each corrected row gets a history record, so the original shows.
"""

from django.db import migrations
from django.db.models import F
from django.utils import timezone

from catalog.errors.seed import seed_text_corrected

TEXT_FIELDS = {
    "ErrorStatus": ("description", "troubleshooting"),
    "ErrorReason": ("message", "troubleshooting"),
}


def correct_misspellings(apps, schema_editor):
    now = timezone.now()
    for model_name, fields in TEXT_FIELDS.items():
        Model = apps.get_model("catalog", model_name)
        Historical = apps.get_model("catalog", f"Historical{model_name}")
        for row in Model.objects.all():
            corrected = {field: seed_text_corrected(getattr(row, field)) for field in fields}
            if all(getattr(row, field) == text for field, text in corrected.items()):
                continue
            for field, text in corrected.items():
                setattr(row, field, text)
            row.save()
            values = {f.attname: getattr(row, f.attname) for f in Model._meta.concrete_fields}
            Historical.objects.create(
                history_date=now,
                history_type="~",
                history_change_reason="seed misspellings corrected",
                **values,
            )
    apps.get_model("catalog", "CatalogVersion").objects.filter(pk=1).update(
        version=F("version") + 1
    )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0014_text_limits_validated")]

    operations = [migrations.RunPython(correct_misspellings, migrations.RunPython.noop)]
