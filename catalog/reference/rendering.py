"""
Catalog text (Markdown, written in the admin) as safe HTML.

markdown-it-py renders CommonMark with raw HTML switched off; nh3 (the Rust
ammonia sanitizer) then keeps only the tags, attributes and URL schemes that
documentation needs, so that no catalog text can inject script or handlers.
"""

from functools import lru_cache

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "a", "ul", "ol", "li", "blockquote",
    "h4", "h5", "h6", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # "js-default" is CommonMark with raw HTML off and the link validator on.
    return MarkdownIt("js-default")


# After an edit every page is rendered again, most of its text unchanged: the
# latest texts' HTML is kept (a bounded number; Markdown is most of a page's cost).
@lru_cache(maxsize=1024)
def markdown_html(text: str) -> SafeString:
    """Markdown rendered and sanitized; safe to put in a page as is."""
    html = _markdown().render(text or "")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitized by nh3 just above


def schema_text(text: str) -> str:
    """
    Catalog text for an OpenAPI description or summary, which Swagger UI renders as
    Markdown with HTML: tags and Markdown images shown as text, never loaded.
    """
    return escape(text).replace("![", "!\\[")
