"""
The catalog's admin: statuses with their reasons inline, reasons on their own,
translations (edited inline, each with its own page and history), the maintenance switch,
and the errors served (the request log, read-only).
"""

from catalog.admin.dashboard import ErrorTrendAdmin
from catalog.admin.gaps import CatalogGapAdmin
from catalog.admin.maintenance import MaintenanceModeAdmin
from catalog.admin.reasons import ErrorReasonAdmin
from catalog.admin.served_errors import ServedErrorAdmin
from catalog.admin.statuses import ErrorReasonInline, ErrorStatusAdmin
from catalog.admin.translations import ErrorReasonTranslationAdmin, ErrorStatusTranslationAdmin

__all__ = [
    "CatalogGapAdmin",
    "ErrorReasonAdmin",
    "ErrorReasonInline",
    "ErrorReasonTranslationAdmin",
    "ErrorStatusAdmin",
    "ErrorStatusTranslationAdmin",
    "ErrorTrendAdmin",
    "MaintenanceModeAdmin",
    "ServedErrorAdmin",
]
