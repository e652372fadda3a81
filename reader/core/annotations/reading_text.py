"""The article's reading text: what the reading pane shows, as plain text.

Highlights are anchored on this text (offsets of the W3C TextPositionSelector,
the quote of the TextQuoteSelector), so the command line can re-anchor them
exactly as the window does, without Qt. It is the title, then the rendered body:
one line per block (paragraph, heading, list item, table cell, line of code),
whitespace collapsed as a browser collapses it, images left out: a local image, and
the placeholder (``[its alt text]``) the pane shows for one that cannot show. An
image's alt text describes the image for who cannot see it; it is not the article's
prose, so a highlight never anchors on it and ``show --format text`` does not print
it. The byline is
not part of it: it is made by the app (and its language may change), not read
from the article. The window maps it onto its own document (``ui.text_map``).

It is made from the same render as the page (:func:`reading_text_of` a
``render.render_body``), so opening an article renders it once. An article shown as
plain text (a body over ``MAX_RENDER_CHARS``, or past the render's budgets) has its
paragraphs as lines, whitespace collapsed: a text file's as written, a Markdown file's
source with its markup.
"""

from __future__ import annotations

from html.parser import HTMLParser

from reader.core.articles.article import Article
from reader.core.render import IMAGE_ALT_CLASS, Rendered, render_body

_BLOCKS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "tr",
    "dt", "dd", "hr", "table", "ul", "ol", "dl", "div",
}  # fmt: skip
_SPACES = " \t\n\r\f"


def reading_text(article: Article) -> str:
    """Title and body as the reader sees them; the title alone for a file that failed
    to parse."""
    return reading_text_of(article, render_body(article))


def reading_text_of(article: Article, body: Rendered) -> str:
    """:func:`reading_text` from the article's body already rendered (``render_body``)."""
    if article.error:
        return article.title
    if body.paragraphs is not None:
        lines = body.paragraphs
    else:
        parser = _TextParser()
        parser.feed(body.html)
        parser.close()
        lines = tuple(parser.lines())
    return "\n".join(line for line in (" ".join(article.title.split()), *lines) if line)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._lines: list[str] = []
        self._current: list[str] = []
        self._pre = 0
        self._image_alt = 0  # depth inside a placeholder of an image (see the module)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._image_alt:
            self._image_alt += tag == "em"
            return
        if tag == "em" and ("class", IMAGE_ALT_CLASS) in attrs:
            self._image_alt = 1
            return
        if tag in _BLOCKS:
            self._break()
        if tag == "pre":
            self._pre += 1
        elif tag == "br":
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if self._image_alt:
            self._image_alt -= tag == "em"
            return
        if tag == "pre":
            self._pre = max(0, self._pre - 1)
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._image_alt:
            return
        if self._pre:
            first, *rest = data.split("\n")
            self._current.append(first)
            for line in rest:
                self._break(keep_spaces=True)
                self._current.append(line)
        else:
            self._current.append(data)

    def _break(self, keep_spaces: bool = False) -> None:
        text = "".join(self._current)
        self._current = []
        if self._pre or keep_spaces:
            line = text.rstrip(_SPACES)
        else:
            line = " ".join(text.replace("\xa0", " ").split())
        self._lines.append(line)

    def lines(self) -> list[str]:
        self._break()
        return self._lines
