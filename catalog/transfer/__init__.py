"""Moving the catalog between environments: `manage.py catalog export/import`."""
