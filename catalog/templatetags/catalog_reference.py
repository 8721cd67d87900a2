from django import template
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from catalog.conf import catalog_settings
from catalog.reference.rendering import markdown_html

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    """Catalog Markdown as sanitized HTML: {{ status.troubleshooting|markdown }}."""
    return markdown_html(text)


@register.simple_tag
def catalog_site() -> dict[str, str]:
    """The site's name, the page's title and the link home, from the CATALOG_* settings."""
    return {
        "name": catalog_settings.SITE_NAME,
        "page_title": catalog_settings.PAGE_TITLE or gettext("Errors"),
        "home_url": catalog_settings.HOME_URL,
    }
