"""The admin preview of what the API answers (catalog/preview.py)."""

import json

import pytest
from django.contrib.auth.models import User

from catalog.models import ErrorReason, ErrorStatus
from catalog.rendering import markdown_html
from tests.admin_forms import change_url, client_for, status_post, user_create
from tests.asserts import assert_no_leak

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor() -> User:
    return user_create("editor", editor=True)


def preview_url(status: ErrorStatus) -> str:
    return f"/admin/catalog/errorstatus/{status.pk}/preview/"


def previewed_body(response, code: str) -> dict:
    reason = next(r for r in response.context["preview"].reasons if r.code == code)
    return json.loads(reason.body_json)


def test_the_change_page_previews_the_exact_json_body_of_each_reason(editor):
    status = ErrorStatus.objects.get(status=404)

    response = client_for(editor).get(change_url(status))

    assert previewed_body(response, "endpoint_not_found") == {
        "success": False,
        "msg": "Unable to find api endpoint GET /api/example",
        "errors": {},
        "status": 404,
        "code": "endpoint_not_found",
        "title": "Not Found",
        "helpUrl": "http://testserver/errors/#endpoint_not_found",
        "requestId": "preview",
    }
    assert previewed_body(response, "not_found")["msg"] == "<resource> not found"
    assert 'id="catalog-preview"' in response.content.decode()


def test_the_preview_shows_unsaved_values_and_saves_nothing(editor):
    status = ErrorStatus.objects.get(status=404)
    data = status_post(
        status, title="Nowhere", reason__endpoint_not_found__message="No {method} at {path}"
    )

    response = client_for(editor).post(preview_url(status), data)

    body = previewed_body(response, "endpoint_not_found")
    assert response.status_code == 200
    assert body["msg"] == "No GET at /api/example"
    assert body["title"] == "Nowhere"
    assert ErrorReason.objects.get(code="endpoint_not_found").message.startswith("Unable")


def test_the_preview_names_a_broken_template_and_answers_without_failing(editor):
    status = ErrorStatus.objects.get(status=404)
    data = status_post(status, reason__not_found__message="{resource not found")

    response = client_for(editor).post(preview_url(status), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Braces are unbalanced: write {{ and }} for literal braces." in page


def test_the_preview_renders_troubleshooting_markdown(editor):
    status = ErrorStatus.objects.get(status=404)
    data = status_post(status, troubleshooting="Check the **path** and `method`.")

    response = client_for(editor).post(preview_url(status), data)

    assert "<p>Check the <strong>path</strong> and <code>method</code>.</p>" in (
        response.content.decode()
    )


def test_markdown_escapes_raw_html_and_refuses_javascript_links():
    html = markdown_html("<script>alert(1)</script> [x](javascript:alert(1))")

    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript:' not in html


def test_the_preview_is_only_for_staff_with_catalog_rights():
    status = ErrorStatus.objects.get(status=404)
    outsider = user_create("outsider", staff=True)

    response = client_for(outsider).post(preview_url(status), status_post(status))

    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")
    assert "Unable to find api endpoint" not in response.content.decode()
    assert_no_leak(response)


def test_the_preview_refuses_get(editor):
    status = ErrorStatus.objects.get(status=404)

    response = client_for(editor).get(preview_url(status))

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert_no_leak(response)


def test_the_preview_of_a_missing_status_is_a_404(editor):
    response = client_for(editor).post(preview_url(ErrorStatus(pk=999999)), {})

    assert response.status_code == 404
    assert_no_leak(response)


def test_a_refused_save_previews_the_posted_values_with_the_problem(editor):
    status = ErrorStatus.objects.get(status=404)
    data = status_post(status, reason__not_found__message="{resource not found")

    response = client_for(editor).post(change_url(status), data)

    reason = next(r for r in response.context["preview"].reasons if r.code == "not_found")
    assert response.status_code == 200
    assert reason.problems == ("Braces are unbalanced: write {{ and }} for literal braces.",)
    assert "(unsaved values)" in response.content.decode()
