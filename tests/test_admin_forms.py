"""The admin's validation keeps the API safe (catalog/admin/forms.py)."""

import pytest
from django.contrib.auth.models import User
from django.test import TestCase

from catalog.models import ErrorReason, ErrorStatus
from tests.admin_forms import (
    change_url,
    client_for,
    inline_management,
    status_post,
    user_create,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor() -> User:
    return user_create("editor", editor=True)


def post_404(editor: User, **changes: str):
    """Saves the 404 change form, running the on-commit hooks as a real commit would."""
    status = ErrorStatus.objects.get(status=404)
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client_for(editor).post(change_url(status), status_post(status, **changes))


def reason_errors(response, code: str) -> dict[str, list[str]]:
    formset = response.context["inline_admin_formsets"][0].formset
    for form in formset.forms:
        if form.instance.code == code:
            return {field: list(errors) for field, errors in form.errors.items()}
    raise AssertionError(f"no form for {code}")


def message_of(code: str) -> str:
    return ErrorReason.objects.get(code=code).message


def test_a_valid_message_is_saved():
    editor = user_create("editor", editor=True)

    response = post_404(editor, reason__not_found__message="No {resource} here")

    assert response.status_code == 302
    assert message_of("not_found") == "No {resource} here"


def test_an_unknown_placeholder_is_a_form_error_and_nothing_is_saved(editor):
    before = message_of("not_found")

    response = post_404(
        editor,
        title="Changed too",
        reason__not_found__message="{resource} not found at {path}",
    )

    assert response.status_code == 200
    assert reason_errors(response, "not_found") == {
        "message": ["Unknown placeholder {path}; allowed: {detail}, {resource}."]
    }
    assert message_of("not_found") == before
    assert ErrorStatus.objects.get(status=404).title == "Not Found"


def test_unbalanced_braces_are_a_form_error(editor):
    response = post_404(editor, reason__not_found__message="{resource not found")

    assert response.status_code == 200
    assert reason_errors(response, "not_found") == {
        "message": ["Braces are unbalanced: write {{ and }} for literal braces."]
    }
    assert message_of("not_found") == "{resource} not found"


def test_a_lone_closing_brace_is_a_form_error(editor):
    response = post_404(editor, reason__not_found__message="resource} not found")

    assert reason_errors(response, "not_found") == {
        "message": ["Braces are unbalanced: write {{ and }} for literal braces."]
    }


def test_attribute_access_in_a_placeholder_is_a_form_error(editor):
    response = post_404(editor, reason__not_found__message="{resource.__class__}")

    assert reason_errors(response, "not_found") == {
        "message": ["'{resource.__class__}' is not a plain placeholder such as {resource}."]
    }
    assert message_of("not_found") == "{resource} not found"


def test_an_empty_message_is_a_form_error(editor):
    response = post_404(editor, reason__not_found__message="   ")

    assert reason_errors(response, "not_found")["message"][0] == "This field is required."
    assert message_of("not_found") == "{resource} not found"


def test_an_over_long_message_is_a_form_error(editor):
    response = post_404(editor, reason__not_found__message="x" * 301)

    assert reason_errors(response, "not_found") == {
        "message": ["Ensure this value has at most 300 characters (it has 301)."]
    }


def test_an_over_long_troubleshooting_text_is_a_form_error(editor):
    response = post_404(editor, troubleshooting="x" * 5001)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "troubleshooting": ["Ensure this value has at most 5000 characters (it has 5001)."]
    }
    assert ErrorStatus.objects.get(status=404).troubleshooting != "x" * 5001


def test_an_empty_title_is_a_form_error(editor):
    response = post_404(editor, title="")

    assert response.context["adminform"].form.errors == {"title": ["This field is required."]}


def test_a_code_cannot_be_changed_once_created(editor):
    response = post_404(editor, reason__not_found__code="renamed")

    assert response.status_code == 302
    assert ErrorReason.objects.filter(code="not_found").exists()
    assert not ErrorReason.objects.filter(code="renamed").exists()


def test_the_status_number_cannot_be_changed_once_created(editor):
    response = post_404(editor, status="410")

    assert response.status_code == 302
    assert ErrorStatus.objects.filter(status=404).exists()


def test_seeded_reasons_placeholders_cannot_be_changed(editor):
    response = post_404(
        editor,
        reason__not_found__placeholders="resource,path",
        reason__not_found__message="{resource} not found at {path}",
    )

    assert reason_errors(response, "not_found") == {
        "message": ["Unknown placeholder {path}; allowed: {detail}, {resource}."]
    }
    assert ErrorReason.objects.get(code="not_found").placeholders == "resource"


def test_placeholders_of_a_new_reason_must_be_plain_names():
    superuser = User.objects.create_superuser("root", password="pw")
    status = ErrorStatus.objects.get(status=404)

    response = client_for(superuser).post(
        "/admin/catalog/errorreason/add/",
        {"status": status.pk, "code": "gone_file", "message": "{a-b}", "placeholders": "a-b, c"},
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["placeholders"] == [
        "Placeholder names are plain words such as resource: a-b is not."
    ]
    assert not ErrorReason.objects.filter(code="gone_file").exists()


def test_a_new_reason_with_declared_placeholders_is_saved_normalised():
    superuser = User.objects.create_superuser("root", password="pw")
    status = ErrorStatus.objects.get(status=404)

    response = client_for(superuser).post(
        "/admin/catalog/errorreason/add/",
        {
            "status": status.pk,
            "code": "file_missing",
            "message": "No file {name} in {folder}",
            "placeholders": " name , folder,name",
            **inline_management("translations", 0),
        },
    )

    assert response.status_code == 302
    assert ErrorReason.objects.get(code="file_missing").placeholders == "name,folder"


def test_a_saved_message_with_literal_braces_is_served_as_written(editor, client):
    post_404(editor, reason__endpoint_not_found__message="No {{route}} for {method} {path} (100%)")

    response = client.get("/api/nope")

    assert response.status_code == 404
    assert response.json()["msg"] == "No {route} for GET /api/nope (100%)"
    assert response.json()["code"] == "endpoint_not_found"
