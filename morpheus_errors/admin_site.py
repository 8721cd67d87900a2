"""
The demo's admin site: the error catalog first on the index and in the sidebar,
then users and groups, the OAuth toolkit's models last. Only the order changes.
"""

from typing import Any

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest


class MorpheusAdminSite(admin.AdminSite):
    app_order = ["catalog", "auth"]  # the rest after these, in Django's order

    def get_app_list(self, request: HttpRequest, app_label: str | None = None) -> list[Any]:
        apps = super().get_app_list(request, app_label)
        rank = {label: index for index, label in enumerate(self.app_order)}
        return sorted(apps, key=lambda app: rank.get(app["app_label"], len(rank)))


class MorpheusAdminConfig(AdminConfig):
    default_site = "morpheus_errors.admin_site.MorpheusAdminSite"
