"""
The catalog's admin: statuses with their reasons inline, reasons on their own,
and the maintenance switch.
"""

from catalog.admin.gaps import CatalogGapAdmin
from catalog.admin.maintenance import MaintenanceModeAdmin
from catalog.admin.reasons import ErrorReasonAdmin
from catalog.admin.statuses import ErrorReasonInline, ErrorStatusAdmin

__all__ = [
    "CatalogGapAdmin",
    "ErrorReasonAdmin",
    "ErrorReasonInline",
    "ErrorStatusAdmin",
    "MaintenanceModeAdmin",
]
