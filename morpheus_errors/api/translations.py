"""
Shipping the demo's German and French (catalog_translations.py) into the catalog:
by migration api.0004, with a history record per row so that an editor changes or
reverts them in the admin like any edit, and again into a test database that was
flushed and seeded again.
"""

from typing import Any

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.models import F
from django.utils import timezone

from catalog.errors.seed import SEED_STATUSES
from morpheus_errors.api.catalog_translations import REASONS, STATUSES

CHANGE_REASON = "German and French shipped"
WITHDRAWN_REASON = "German and French withdrawn"

# What is shipped for each kind of entry: its translation model, the translation's
# foreign key, the entry's key field, the shipped text, and the seed's English per key.
SHIPPED: tuple[tuple[str, str, str, dict[Any, dict[str, dict[str, str]]], dict[Any, Any]], ...] = (
    (
        "ErrorStatusTranslation",
        "status",
        "status",
        STATUSES,
        {entry.status: entry for entry in SEED_STATUSES},
    ),
    (
        "ErrorReasonTranslation",
        "reason",
        "code",
        REASONS,
        {reason.code: reason for entry in SEED_STATUSES for reason in entry.reasons},
    ),
)
FIELDS = {
    "ErrorStatusTranslation": ("title", "description", "troubleshooting"),
    "ErrorReasonTranslation": ("message", "troubleshooting"),
}


def translations_ship(*, apps: Any = global_apps, using: str = DEFAULT_DB_ALIAS) -> int:
    """
    Add the shipped German and French of the statuses and reasons that have no
    translation in that language yet, each with a history record, and move the
    catalog version; returns how many translations were added. A field whose English
    an editor has changed is left blank (it falls back to that English): its shipped
    text translates the seed's.
    """
    now = timezone.now()
    added = 0
    for model_name, parent_field, key_field, texts, seeds in SHIPPED:
        Model = apps.get_model("catalog", model_name)
        Parent = Model._meta.get_field(parent_field).related_model
        rows = []
        for parent in Parent.objects.using(using).filter(**{f"{key_field}__in": list(texts)}):
            key = getattr(parent, key_field)
            translated = set(
                Model.objects.using(using)
                .filter(**{parent_field: parent})
                .values_list("language", flat=True)
            )
            for language, shipped in texts[key].items():
                values = {
                    field: shipped.get(field, "")
                    if getattr(parent, field) == getattr(seeds[key], field)
                    else ""
                    for field in FIELDS[model_name]
                }
                if language not in translated and any(values.values()):
                    rows.append(Model(language=language, **{parent_field: parent}, **values))
        Model.objects.using(using).bulk_create(rows)
        _history(apps, using, model_name, rows, "+", CHANGE_REASON, now)
        added += len(rows)
    if added:
        _version_bump(apps, using)
    return added


def translations_withdraw(*, apps: Any = global_apps, using: str = DEFAULT_DB_ALIAS) -> int:
    """
    Delete the shipped translations still as shipped (each field the shipped text or
    blank), each with a history record; an edited translation stays. Returns how many.
    """
    now = timezone.now()
    removed = 0
    for model_name, parent_field, key_field, texts, _seeds in SHIPPED:
        Model = apps.get_model("catalog", model_name)
        rows = [
            row
            for row in Model.objects.using(using)
            .filter(**{f"{parent_field}__{key_field}__in": list(texts)})
            .select_related(parent_field)
            if _as_shipped(row, texts[getattr(getattr(row, parent_field), key_field)], model_name)
        ]
        _history(apps, using, model_name, rows, "-", WITHDRAWN_REASON, now)
        Model.objects.using(using).filter(pk__in=[row.pk for row in rows]).delete()
        removed += len(rows)
    if removed:
        _version_bump(apps, using)
    return removed


def _as_shipped(row: Any, shipped: dict[str, dict[str, str]], model_name: str) -> bool:
    if row.language not in shipped:
        return False
    texts = shipped[row.language]
    return all(getattr(row, field) in ("", texts.get(field, "")) for field in FIELDS[model_name])


def _history(
    apps: Any, using: str, model_name: str, rows: list[Any], kind: str, reason: str, when: Any
) -> None:
    """History records as simple_history writes them, so the admin shows and reverts them."""
    Model = apps.get_model("catalog", model_name)
    Historical = apps.get_model("catalog", f"Historical{model_name}")
    Historical.objects.using(using).bulk_create(
        Historical(
            history_date=when,
            history_type=kind,
            history_change_reason=reason,
            **{
                field.attname: getattr(row, field.attname) for field in Model._meta.concrete_fields
            },
        )
        for row in rows
    )


def _version_bump(apps: Any, using: str) -> None:
    apps.get_model("catalog", "CatalogVersion").objects.using(using).filter(pk=1).update(
        version=F("version") + 1
    )


def translations_fill(
    *, app_config: Any = None, using: str = DEFAULT_DB_ALIAS, **kwargs: Any
) -> None:
    """
    post_migrate: ship the translations again into a test database that was flushed
    and seeded again. Only where they were never shipped (no history of it), so a
    translation an editor deleted does not come back on the next migrate.
    """
    if app_config is not None and app_config.label != "api":
        return
    if not _shippable(using):
        return
    with transaction.atomic(using=using):
        if _shipped_before(using) or not translations_ship(using=using):
            return
        from catalog.services import catalog_version_publish

        transaction.on_commit(catalog_version_publish, using=using)


def _shippable(using: str) -> bool:
    """Whether the catalog and this app are migrated (post_migrate follows partial migrates)."""
    loader = MigrationLoader(connections[using])
    leaves = {*loader.graph.leaf_nodes("catalog"), ("api", "0004_catalog_translations")}
    return leaves <= loader.applied_migrations.keys()


def _shipped_before(using: str) -> bool:
    return any(
        global_apps.get_model("catalog", f"Historical{model_name}")
        .objects.using(using)
        .filter(history_change_reason=CHANGE_REASON)
        .exists()
        for model_name in FIELDS
    )
