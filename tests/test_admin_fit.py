"""An admin that fits (catalog/admin/error_summary.py, lists.py, forms.py's chips)."""

import pytest
from django.contrib.auth.models import User
from django.test import TestCase

from catalog.models import ErrorReason, ErrorStatus
from tests.admin_forms import change_url, client_for, status_post, user_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor() -> User:
    return user_create("editor", editor=True)


def post_404(editor: User, **changes: str):
    status = ErrorStatus.objects.get(status=404)
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client_for(editor).post(change_url(status), status_post(status, **changes))


def test_a_failed_save_lists_each_error_at_the_top_linked_to_its_field(editor):
    response = post_404(
        editor, title="", reason__not_found__message="{resource} not found at {path}"
    )

    html = response.content.decode()
    assert response.status_code == 200
    summary = html[
        html.index('id="catalog-error-summary"') : html.index(
            "</div>", html.index('id="catalog-error-summary"')
        )
    ]
    assert html.index('id="catalog-error-summary"') < html.index("<fieldset")
    assert "Please correct these 2 errors" in summary
    assert '<a href="#id_title">Title</a>: This field is required.' in summary
    assert (
        '<a href="#id_reasons-1-message">Error reason not_found: Message</a>: '
        "Unknown placeholder {path}; allowed: {detail}, {resource}." in summary
    )
    assert 'id="id_reasons-1-message"' in html  # the link's target


def test_a_failed_save_keeps_the_saved_name_in_the_header(editor):
    response = post_404(editor, title="Renamed", reason__not_found__message="{nope}")

    assert response.context["subtitle"] == "404 Not Found"
    assert "<h2>404 Not Found</h2>" in response.content.decode()


def test_a_saved_form_has_no_error_summary(editor):
    status = ErrorStatus.objects.get(status=404)

    html = client_for(editor).get(change_url(status)).content.decode()

    assert "catalog-error-summary" not in html


def test_save_is_at_the_top_of_long_change_forms_too(editor):
    status = ErrorStatus.objects.get(status=404)
    reason = ErrorReason.objects.get(code="not_found")

    for url in (change_url(status), f"/admin/catalog/errorreason/{reason.pk}/change/"):
        html = client_for(editor).get(url).content.decode()
        assert html.count('name="_save"') == 2
        assert html.index('name="_save"') < html.index("<fieldset")


def test_the_placeholders_of_a_seeded_reason_read_as_fixed_chips(editor):
    reason = ErrorReason.objects.get(code="endpoint_not_found")

    html = (
        client_for(editor).get(f"/admin/catalog/errorreason/{reason.pk}/change/").content.decode()
    )

    assert (
        '<span class="placeholder-chips"><code class="placeholder-chip">{method}</code> '
        '<code class="placeholder-chip">{path}</code></span>' in html
    )
    assert 'name="placeholders"' not in html


def test_long_descriptions_are_truncated_in_the_list_with_the_whole_text_in_the_title(editor):
    status = ErrorStatus.objects.get(status=401)
    status.description = "Your API key is invalid. " * 4
    status.save()

    html = client_for(editor).get("/admin/catalog/errorstatus/").content.decode()

    assert (
        f'<span title="{status.description}">Your API key is invalid. Your API key is invalid. Your API …</span>'
        in html
    )
