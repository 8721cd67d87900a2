from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
)
from django.db import models
from simple_history.models import HistoricalRecords

from catalog.errors.languages import translation_languages
from catalog.errors.templating import template_errors
from catalog.reference.requests import example_request_errors

# Form fields enforce a TextField's max_length; these make full_clean() (a catalog
# import, any code) enforce it too.
TEXT_LIMIT = MaxLengthValidator(5000)
MARKDOWN_HELP = (
    "Markdown: **bold**, `code`, [links](https://example.com), blank line between paragraphs."
)


class ErrorStatus(models.Model):
    """One HTTP status of the catalog, as on the error-reference page."""

    status = models.PositiveSmallIntegerField(
        unique=True, validators=[MinValueValidator(400), MaxValueValidator(599)]
    )
    title = models.CharField(
        max_length=100, help_text="Shown as the error's title, e.g. Not Found."
    )
    description = models.CharField(
        max_length=300, help_text="One sentence, as in the table of codes."
    )
    troubleshooting = models.TextField(
        blank=True, max_length=5000, validators=[TEXT_LIMIT], help_text=MARKDOWN_HELP
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["status"]
        verbose_name = "error status"
        verbose_name_plural = "error statuses"

    def __str__(self) -> str:
        return f"{self.status} {self.title}"


def placeholder_names(text: str) -> tuple[str, ...]:
    """The names of a reason's comma-separated placeholders field."""
    return tuple(name.strip() for name in text.split(",") if name.strip())


class ErrorReason(models.Model):
    """A reason under a status: the stable machine code clients match, and its message."""

    status = models.ForeignKey(ErrorStatus, on_delete=models.CASCADE, related_name="reasons")
    code = models.CharField(
        max_length=64,
        unique=True,
        validators=[RegexValidator(r"^[a-z][a-z0-9_]*$", "Use lowercase letters, digits and _.")],
        help_text="The stable machine code clients match on. It never changes once created.",
    )
    message = models.CharField(
        max_length=300,
        help_text="The error's msg. Placeholders in braces, e.g. {resource}, are filled "
        "per request.",
    )
    placeholders = models.CharField(
        max_length=200,
        blank=True,
        help_text="Comma-separated placeholder names the code fills for this reason.",
    )
    troubleshooting = models.TextField(
        blank=True, max_length=5000, validators=[TEXT_LIMIT], help_text=MARKDOWN_HELP
    )
    example_request = models.TextField(
        blank=True,
        max_length=2000,
        validators=[MaxLengthValidator(2000)],
        help_text="The request the reference page shows for this reason, as HTTP: "
        "'GET /api/things/999', then header lines, a blank line and the body. "
        "Blank: a request to one of the API's own paths.",
    )
    overrides_detail = models.BooleanField(
        default=False,
        help_text="Answer this message even when the code raising the error gives a "
        "message of its own (which {detail} can still show). Off: the code's own message.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["status__status", "code"]

    def __str__(self) -> str:
        return self.code

    @property
    def placeholder_names(self) -> tuple[str, ...]:
        return placeholder_names(self.placeholders)

    def clean(self) -> None:
        errors = {
            "message": template_errors(self.message, allowed=self.placeholder_names),
            "example_request": example_request_errors(self.example_request),
        }
        if any(errors.values()):
            raise ValidationError({field: found for field, found in errors.items() if found})


LANGUAGE_HELP = "One of the LANGUAGES setting; English is the catalog's own text."
FALLBACK_HELP = "Blank: the English text is served."


class ErrorStatusTranslation(models.Model):
    """A status's text in another language; a blank field falls back to English."""

    status = models.ForeignKey(ErrorStatus, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(
        max_length=15, choices=translation_languages, help_text=LANGUAGE_HELP
    )
    title = models.CharField(max_length=100, blank=True, help_text=FALLBACK_HELP)
    description = models.CharField(max_length=300, blank=True, help_text=FALLBACK_HELP)
    troubleshooting = models.TextField(
        blank=True, max_length=5000, validators=[TEXT_LIMIT], help_text=MARKDOWN_HELP
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["status__status", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["status", "language"], name="catalog_statustranslation_unique"
            )
        ]
        verbose_name = "status translation"

    def __str__(self) -> str:
        return f"{self.status.status} ({self.language})"


class ErrorReasonTranslation(models.Model):
    """
    A reason's text in another language; a blank field falls back to English. The
    message may use only the placeholders its reason declares.
    """

    reason = models.ForeignKey(ErrorReason, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(
        max_length=15, choices=translation_languages, help_text=LANGUAGE_HELP
    )
    message = models.CharField(max_length=300, blank=True, help_text=FALLBACK_HELP)
    troubleshooting = models.TextField(
        blank=True, max_length=5000, validators=[TEXT_LIMIT], help_text=MARKDOWN_HELP
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["reason__code", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["reason", "language"], name="catalog_reasontranslation_unique"
            )
        ]
        verbose_name = "reason translation"

    def __str__(self) -> str:
        return f"{self.reason.code} ({self.language})"

    def clean(self) -> None:
        try:
            reason = self.reason  # set by the admin's inline even before the reason is saved
        except ErrorReason.DoesNotExist:
            return
        if not self.message.strip():
            return
        errors = template_errors(self.message, allowed=reason.placeholder_names)
        if errors:
            raise ValidationError({"message": errors})


class CatalogVersion(models.Model):
    """
    A single row whose version moves with every committed catalog change.

    Processes compare it with the version of their in-process snapshot. The
    maintenance switch lives here too, so it reaches every process the same way.
    """

    version = models.PositiveBigIntegerField(default=1)
    maintenance = models.BooleanField(
        default=False,
        help_text="While on, every API request except the exempt ones (ping) answers 503.",
    )
    maintenance_retry_after = models.PositiveIntegerField(
        default=300, help_text="Seconds sent in Retry-After while in maintenance."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "maintenance mode"
        verbose_name_plural = "maintenance mode"

    def __str__(self) -> str:
        state = "on" if self.maintenance else "off"
        return f"Maintenance {state} (catalog version {self.version})"


class ErrorCount(models.Model):
    """How often an error was served, per hour, status, reason code and route pattern."""

    hour = models.DateTimeField(help_text="The start of the hour (UTC).")
    status = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=100)
    route = models.CharField(max_length=255, help_text="The URL pattern, never the raw path.")
    count = models.PositiveBigIntegerField(default=0)
    last_seen = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["hour", "status", "code", "route"], name="catalog_errorcount_unique"
            )
        ]
        indexes = [models.Index(fields=["status", "code", "hour"])]
        verbose_name = "error count"

    def __str__(self) -> str:
        return f"{self.status} {self.code} {self.route} @ {self.hour:%Y-%m-%d %H}h: {self.count}"


class CatalogGap(ErrorCount):
    """Errors served with no catalog entry (status or reason missing), for the admin."""

    class Meta:
        proxy = True
        verbose_name = "catalog gap"


class ServedError(models.Model):
    """
    One error response as its client got it, for support to find by the requestId the
    client quotes. Written in batches by each process's flusher (never on the error
    path) and pruned to CATALOG_REQUEST_LOG_DAYS and CATALOG_REQUEST_LOG_MAX_ROWS.
    """

    request_id = models.CharField(max_length=128, db_index=True)
    served_at = models.DateTimeField(db_index=True)
    status = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=100)
    route = models.CharField(max_length=255, help_text="The URL pattern, never the raw path.")
    method = models.CharField(max_length=16)
    user_id = models.CharField(max_length=64, blank=True, help_text="Blank: anonymous.")
    language = models.CharField(max_length=15, help_text="The response's Content-Language.")
    msg = models.TextField(help_text="The msg exactly as the client got it.")
    catalog_version = models.PositiveBigIntegerField()
    catalog_gap = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["code", "served_at"])]
        verbose_name = "served error"

    def __str__(self) -> str:
        return f"{self.request_id}: {self.status} {self.code}"


class ErrorTrend(ErrorCount):
    """The admin's dashboard: the reasons rising in the last 24 hours, and the gaps."""

    class Meta:
        proxy = True
        verbose_name = "error trends dashboard"
        verbose_name_plural = "error trends dashboard"
