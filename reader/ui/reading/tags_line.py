"""An article's tags under its byline in the pane: one line of plain text, escaped into
the page's HTML, taken out of what highlights anchor on (as the byline is)."""

from __future__ import annotations

import html
import re

TAGS_CLASS = "tags"
_TAGS_P = re.compile(r'<p class="tags">.*?</p>', re.DOTALL)
_BYLINE_END = re.compile(r'<p class="byline">.*?</p>', re.DOTALL)


def with_tags_line(page: str, line: str) -> str:
    """``page`` with its tags line (``line``, plain text) under the byline, or none."""
    page = _TAGS_P.sub("", page, count=1)
    if not line:
        return page
    paragraph = f'<p class="{TAGS_CLASS}">{html.escape(line)}</p>'
    byline = _BYLINE_END.search(page)
    if byline is not None:
        return page[: byline.end()] + paragraph + page[byline.end() :]
    title = page.find("</h1>")
    if title >= 0:
        return page[: title + 5] + paragraph + page[title + 5 :]
    return paragraph + page
