"""Catalog models (catalog/models.py)."""

import pytest
from django.core.exceptions import ValidationError

from catalog.models import ErrorReason, ErrorStatus

pytestmark = pytest.mark.django_db


def test_a_message_may_use_only_the_placeholders_its_reason_declares():
    reason = ErrorReason.objects.get(code="not_found")
    reason.message = "{resource} not found at {path}"

    with pytest.raises(ValidationError) as raised:
        reason.full_clean()

    assert raised.value.message_dict == {
        "message": ["Unknown placeholder {path}; allowed: {detail}, {resource}."]
    }


def test_codes_are_lowercase_machine_codes():
    reason = ErrorReason(status=ErrorStatus.objects.get(status=404), code="Not Found", message="x")

    with pytest.raises(ValidationError) as raised:
        reason.full_clean()

    assert list(raised.value.message_dict) == ["code"]


def test_statuses_are_http_error_statuses():
    with pytest.raises(ValidationError) as raised:
        ErrorStatus(status=200, title="OK", description="Fine.").full_clean()

    assert list(raised.value.message_dict) == ["status"]


def test_entries_read_as_their_status_and_code():
    assert str(ErrorStatus.objects.get(status=404)) == "404 Not Found"
    assert str(ErrorReason.objects.get(code="teapot")) == "teapot"
