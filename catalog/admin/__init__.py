"""The catalog's admin: statuses with their reasons inline, and reasons on their own."""

from catalog.admin.reasons import ErrorReasonAdmin
from catalog.admin.statuses import ErrorReasonInline, ErrorStatusAdmin

__all__ = ["ErrorReasonAdmin", "ErrorReasonInline", "ErrorStatusAdmin"]
