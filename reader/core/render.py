"""Article → sanitized HTML for the reading pane.

Articles are untrusted: markdown is rendered, then cleaned with nh3 (no
scripts, no styles, no event handlers, no remote images). Quotes, apostrophes
and accents are kept exactly as written (no "smart" substitutions).
"""

from __future__ import annotations

import html
from datetime import date

import markdown
import nh3

from reader.core.article import Article

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "u", "ul", "dl", "dt", "dd",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "th": {"align"},
               "td": {"align"}}  # fmt: skip
_LINK_SCHEMES = {"http", "https", "mailto"}
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _keep_local_images(element: str, attribute: str, value: str) -> str | None:
    """Drop remote image sources: a tracking pixel must never load."""
    if element == "img" and attribute == "src" and ":" in value.split("/", 1)[0]:
        return None
    return value


def markdown_to_html(body: str) -> str:
    raw = markdown.markdown(body, extensions=["extra", "sane_lists"], output_format="html")
    return nh3.clean(
        raw,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_LINK_SCHEMES,
        attribute_filter=_keep_local_images,
        link_rel="noopener noreferrer",
    )


def format_date(iso: str | None) -> str:
    """``2023-07-28`` → ``Friday 28 July 2023``; reduced dates stay as precise as given."""
    if not iso:
        return ""
    try:
        if len(iso) == 10:
            day = date.fromisoformat(iso)
            return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"
        if len(iso) == 7:
            return f"{_MONTHS[int(iso[5:]) - 1]} {iso[:4]}"
    except (ValueError, IndexError):
        pass
    return iso


def byline_text(article: Article) -> str:
    parts = [format_date(article.date), article.source]
    if article.words:
        parts.append(f"{article.reading_minutes} min read")
    return " · ".join(part for part in parts if part)


def render_article(article: Article) -> str:
    """The HTML body of the reading pane: title, byline, then the article."""
    title = f'<h1 class="title">{html.escape(article.title)}</h1>'
    byline = byline_text(article)
    byline_html = f'<p class="byline">{html.escape(byline)}</p>' if byline else ""
    if article.error:
        message = html.escape(f"This file cannot be shown: {article.error}.")
        where = f'<p class="byline">{html.escape(article.path)}</p>'
        return f'{title}<p class="error">{message}</p>{where}'
    return f"{title}{byline_html}{markdown_to_html(article.body)}"
