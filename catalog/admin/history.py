from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    """
    django-simple-history's history, diff and revert views with the catalog's own
    templates: a project adopting the app needs no "simple_history" in INSTALLED_APPS.
    """

    object_history_template = "admin/catalog/history/object_history.html"
    object_history_list_template = "admin/catalog/history/object_history_list.html"
    object_history_form_template = "admin/catalog/history/object_history_form.html"
