"""
The shapes the catalog deals in: catalog entries, an error on its way out, and
the bodies on the wire.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any, NotRequired, TypedDict


@dataclass(frozen=True)
class Reason:
    """One reason under a status: the stable machine code and its message."""

    code: str
    status: int
    message: str
    placeholders: tuple[str, ...] = ()
    troubleshooting: str = ""
    # {language: {field: text}}, only the fields translated (message, troubleshooting)
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    example_request: str = ""  # as HTTP text; blank: one made from the project's URLconf
    overrides_detail: bool = False  # the message even when the raising code gave its own


@dataclass(frozen=True)
class Status:
    """One HTTP status of the catalog."""

    status: int
    title: str
    description: str
    troubleshooting: str = ""
    reasons: tuple[Reason, ...] = ()
    # {language: {field: text}}, only the fields translated (title, description, troubleshooting)
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Catalog:
    """An immutable snapshot of the whole catalog, shared by the requests of a process."""

    version: int
    statuses: Mapping[int, Status]
    reasons: Mapping[str, Reason]
    maintenance_retry_after: int | None = None  # None: not in maintenance
    updated_at: datetime | None = None  # when the version stamp last moved (Last-Modified)

    @cached_property
    def languages(self) -> frozenset[str]:
        """The languages some status or reason is translated into."""
        statuses = [code for entry in self.statuses.values() for code in entry.translations]
        reasons = [code for entry in self.reasons.values() for code in entry.translations]
        return frozenset(statuses + reasons)

    @classmethod
    def from_statuses(
        cls,
        statuses: list[Status],
        *,
        version: int,
        maintenance_retry_after: int | None = None,
        updated_at: datetime | None = None,
    ) -> "Catalog":
        return cls(
            version=version,
            statuses={entry.status: entry for entry in statuses},
            reasons={reason.code: reason for entry in statuses for reason in entry.reasons},
            maintenance_retry_after=maintenance_retry_after,
            updated_at=updated_at,
        )


class FieldError(TypedDict):
    """One validation message of a field, with DRF's machine code (required, invalid...)."""

    field: str
    code: str
    message: str


@dataclass
class ApiError:
    """An error decided on, before the catalog turns it into a response."""

    status: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    oauth_error: str | None = None
    # The exception's own message: kept when the raising code gave one of its own
    # (custom), or when the catalog has no reason for the code.
    detail: str | None = None
    custom_detail: bool = False
    field_errors: list[FieldError] = field(default_factory=list)
    errors_omitted: int = 0  # field messages beyond CATALOG_MAX_FIELD_ERRORS


class ErrorBody(TypedDict):
    """The Morpheus error body (OpenAPI ``Error``: success, msg, errors) plus catalog fields."""

    success: bool
    msg: str
    errors: dict[str, str]
    status: int
    code: str
    title: str
    helpUrl: str
    requestId: str
    error: NotRequired[str]
    error_description: NotRequired[str]
    msgEnglish: NotRequired[str]  # the English msg, when msg is in another language
    fieldErrors: NotRequired[list[FieldError]]  # beside errors, on validation errors
    errorsOmitted: NotRequired[int]  # how many field messages were left out (a cap)
    requestLogUrl: NotRequired[str]  # the admin's page of this request (CATALOG_REQUEST_LOG_URL)


class ProblemBody(TypedDict):
    """RFC 9457 problem details, with the catalog's extension members."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    code: str
    errors: dict[str, str]
    requestId: str
    error: NotRequired[str]
    error_description: NotRequired[str]
    msgEnglish: NotRequired[str]
    fieldErrors: NotRequired[list[FieldError]]
    errorsOmitted: NotRequired[int]
    requestLogUrl: NotRequired[str]
