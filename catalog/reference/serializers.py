"""
The JSON catalog and the error body, as DRF serializers: they shape the
responses and give drf-spectacular the OpenAPI components (ErrorCode, Error).
"""

from typing import Any

from rest_framework import serializers

from catalog.errors.formatter import help_url
from catalog.types import Reason, Status


class _HelpUrlMixin:
    context: dict[str, Any]

    def _help_url(self, anchor: str) -> str:
        return help_url(self.context["request"], anchor)


class ErrorReasonSerializer(_HelpUrlMixin, serializers.Serializer[Reason]):
    code = serializers.CharField(help_text="The stable machine code clients match on.")
    message = serializers.CharField(help_text="The msg template; {placeholders} are filled.")
    placeholders = serializers.ListField(child=serializers.CharField())
    troubleshooting = serializers.CharField(help_text="Markdown.")
    helpUrl = serializers.SerializerMethodField()

    def get_helpUrl(self, reason: Reason) -> str:
        return self._help_url(reason.code)


class ErrorCodeSerializer(_HelpUrlMixin, serializers.Serializer[Status]):
    status = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField()
    troubleshooting = serializers.CharField(help_text="Markdown.")
    helpUrl = serializers.SerializerMethodField()
    reasons = ErrorReasonSerializer(many=True)

    def get_helpUrl(self, entry: Status) -> str:
        return self._help_url(str(entry.status))


class ListMetaSerializer(serializers.Serializer[Any]):
    offset = serializers.IntegerField()
    max = serializers.IntegerField()
    size = serializers.IntegerField()
    total = serializers.IntegerField()


class ErrorCodePageSerializer(serializers.Serializer[Any]):
    """A page of a list, as Morpheus lists take it. A max over the cap is cut to it."""

    MAX = 100

    max = serializers.IntegerField(
        min_value=1, default=25, help_text="How many statuses, 25 unless asked; at most 100."
    )
    offset = serializers.IntegerField(
        min_value=0, max_value=1000, default=0, help_text="How many statuses to skip."
    )

    def validate_max(self, value: int) -> int:
        return min(value, self.MAX)


class ErrorCodeListSerializer(serializers.Serializer[Any]):
    errorCodes = ErrorCodeSerializer(many=True)
    meta = ListMetaSerializer()


class ErrorCodeDetailSerializer(serializers.Serializer[Any]):
    errorCode = ErrorCodeSerializer()


class FieldErrorSerializer(serializers.Serializer[Any]):
    """One validation message of a field, with DRF's machine code."""

    field = serializers.CharField(help_text="The field, as keyed in errors (parent.key).")
    code = serializers.CharField(help_text="DRF's code: required, invalid, max_length, ...")
    message = serializers.CharField()


class ErrorSerializer(serializers.Serializer[Any]):
    """The Morpheus error body (schema component ``Error``)."""

    success = serializers.BooleanField(help_text="Always false.")
    msg = serializers.CharField(
        help_text="The catalog message, placeholders filled, in the Accept-Language asked for."
    )
    status = serializers.IntegerField(help_text="The HTTP status.")
    code = serializers.CharField(help_text="The reason's stable machine code.")
    title = serializers.CharField()
    helpUrl = serializers.CharField(help_text="The reason's anchor on the reference page.")
    requestId = serializers.CharField(help_text="Equals the X-Request-ID header.")
    fieldErrors = FieldErrorSerializer(
        many=True, required=False, help_text="Each field message with its code (400 invalid)."
    )
    errorsOmitted = serializers.IntegerField(
        required=False, help_text="How many more field messages there were (a cap)."
    )
    error = serializers.CharField(
        required=False, help_text="OAuth 2.0 error (bearer requests, /oauth/)."
    )
    error_description = serializers.CharField(required=False, help_text="OAuth 2.0: the msg.")
    msgEnglish = serializers.CharField(
        required=False, help_text="The English msg, when msg is in another language."
    )

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        # "errors" is a member of the body but the name of a Serializer property.
        fields = super().get_fields()
        errors = serializers.DictField(
            child=serializers.CharField(), help_text="Per-field messages of a 400 invalid."
        )
        ordered = list(fields.items())
        ordered.insert(2, ("errors", errors))
        return dict(ordered)


class ProblemSerializer(serializers.Serializer[Any]):
    """The same error as RFC 9457 problem details (schema component ``Problem``), sent to
    a client that asks for application/problem+json."""

    type = serializers.CharField(help_text="The reason's anchor on the reference page.")
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField(help_text="The catalog message (the Error body's msg).")
    instance = serializers.CharField(help_text="The request's path.")
    code = serializers.CharField(help_text="The reason's stable machine code.")
    requestId = serializers.CharField(help_text="Equals the X-Request-ID header.")
    fieldErrors = FieldErrorSerializer(many=True, required=False)
    errorsOmitted = serializers.IntegerField(required=False)
    error = serializers.CharField(required=False)
    error_description = serializers.CharField(required=False)
    msgEnglish = serializers.CharField(required=False)

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        # "errors", as in ErrorSerializer: a member here, a Serializer property there.
        fields = super().get_fields()
        errors = serializers.DictField(child=serializers.CharField())
        ordered = list(fields.items())
        ordered.insert(6, ("errors", errors))
        return dict(ordered)
