from django import template
from django.utils.safestring import SafeString

from catalog.reference.rendering import markdown_html

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    """Catalog Markdown as sanitized HTML: {{ status.troubleshooting|markdown }}."""
    return markdown_html(text)
