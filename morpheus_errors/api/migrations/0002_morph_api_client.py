"""The public OAuth client Morpheus clients use: client_id=morph-api, password grant."""

from django.db import migrations
from oauth2_provider.settings import oauth2_settings

CLIENT_ID = "morph-api"


def create_client(apps, schema_editor):
    app_label, model_name = oauth2_settings.APPLICATION_MODEL.split(".")
    Application = apps.get_model(app_label, model_name)
    Application.objects.update_or_create(
        client_id=CLIENT_ID,
        defaults={
            "name": "Morpheus API clients",
            "client_type": "public",
            "authorization_grant_type": "password",
            "client_secret": "",
            "skip_authorization": True,
        },
    )


def remove_client(apps, schema_editor):
    app_label, model_name = oauth2_settings.APPLICATION_MODEL.split(".")
    apps.get_model(app_label, model_name).objects.filter(client_id=CLIENT_ID).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
        migrations.swappable_dependency(oauth2_settings.APPLICATION_MODEL),
    ]

    operations = [migrations.RunPython(create_client, remove_client)]
