"""The catalog's admin works in this project, and what is edited there is what the API says."""

import pytest

from catalog.models import ErrorReason, ErrorStatus


@pytest.fixture
def admin_site(client, django_user_model):
    superuser = django_user_model.objects.create_superuser(
        "root", "root@example.com", "pw-root-1234"
    )
    client.force_login(superuser)
    return client


@pytest.fixture
def not_found():
    return ErrorReason.objects.get(code="not_found")


def change_form_data(response):
    """What the browser would post back from an admin change form, unchanged."""
    data = {"_save": "Save"}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update(
            {management.add_prefix(name): management[name].value() for name in management.fields}
        )
        data[management.add_prefix("TOTAL_FORMS")] = len(formset.initial_forms)
        forms += formset.initial_forms
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is not None:
                data[form.add_prefix(name)] = value
    return data


def test_the_status_changelist_opens(admin_site):
    assert admin_site.get("/admin/catalog/errorstatus/").status_code == 200


def test_a_status_change_form_opens(admin_site):
    status = ErrorStatus.objects.get(status=404)
    assert admin_site.get(f"/admin/catalog/errorstatus/{status.pk}/change/").status_code == 200


def test_a_reason_change_form_opens(admin_site, not_found):
    assert admin_site.get(f"/admin/catalog/errorreason/{not_found.pk}/change/").status_code == 200


def test_a_reason_history_page_opens(admin_site, not_found):
    assert admin_site.get(f"/admin/catalog/errorreason/{not_found.pk}/history/").status_code == 200


def test_a_reason_edited_in_the_admin_is_saved_with_its_history(admin_site, not_found):
    url = f"/admin/catalog/errorreason/{not_found.pk}/change/"
    data = {
        **change_form_data(admin_site.get(url)),
        "message": "No such {resource} on our shelves",
    }
    assert admin_site.post(url, data).status_code == 302
    not_found.refresh_from_db()
    assert not_found.message == "No such {resource} on our shelves"
    assert not_found.history.count() >= 1
    history = admin_site.get(f"/admin/catalog/errorreason/{not_found.pk}/history/")
    assert "No such {resource} on our shelves" in history.content.decode()


@pytest.mark.django_db(transaction=True)  # the edit commits, as in production
def test_a_reason_edited_in_the_admin_changes_the_api_message(admin_site, not_found, api):
    assert api.get("/v1/books/999/").json()["msg"] == "Book not found"
    url = f"/admin/catalog/errorreason/{not_found.pk}/change/"
    data = {
        **change_form_data(admin_site.get(url)),
        "message": "No such {resource} on our shelves",
    }
    assert admin_site.post(url, data).status_code == 302
    assert api.get("/v1/books/999/").json()["msg"] == "No such book on our shelves"
