"""What the reading pane shows of an opened article, made on the worker that opened it.

* Its images, read there (:mod:`reader.ui.session.article_images`): the pane never
  opens a file on the GUI thread.
* A cap: an article whose reading text is over ``MAX_SHOWN_CHARS`` is shown as its
  first that-many characters, as plain paragraphs, under a notice saying so (Qt lays
  out text on the GUI thread: a huge paragraph would freeze the window). The pane's
  text is then exactly the start of the reading text (``text_end`` characters of it),
  so highlights there are drawn where they belong and those further on stay stored,
  only not drawn.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

from reader.core.limits import MAX_SHOWN_CHARS
from reader.ui.session.article_images import load_images

if TYPE_CHECKING:  # the library's modules load on the lanes (see library_session)
    from reader.core.operations import OpenedArticle

_ELLIPSIS = "…"
_BACK_TO_SPACE = 200  # a cut inside a paragraph moves back at most this far to a space


@dataclass(frozen=True)
class Notices:
    """The pane's notices, translated on the GUI thread (the worker never calls Qt's tr)."""

    capped: str = "Showing the first {0} characters of {1}: this article is too long to show whole."
    plain: str = "Shown as plain text: this article is too complex to render."
    french_numbers: bool = False  # 1 234 567, not 1,234,567


@dataclass(frozen=True)
class ShownArticle:
    opened: OpenedArticle
    html: str  # what the pane shows: the article's HTML, or the start of a long one
    folder: Path | None = None  # where its images are (None: no images)
    images: dict[Path, QImage] = field(default_factory=dict)
    text_end: int = -1  # the pane shows the reading text up to here (-1: all of it)
    fallback: str = ""  # why it is shown as plain text, if it is ("" if it is not)

    @property
    def id(self) -> int:
        return self.opened.id

    @property
    def shown_text(self) -> str:
        """The part of the reading text the pane shows."""
        text = self.opened.text
        return text if self.text_end < 0 else text[: self.text_end]


def shown_article(
    opened: OpenedArticle, folder: Path, notices: Notices, limit: int | None = None
) -> ShownArticle:
    """What the pane shows of ``opened`` (call it on a worker: it reads image files);
    ``limit``: characters of reading text shown at most (``MAX_SHOWN_CHARS``)."""
    limit = MAX_SHOWN_CHARS if limit is None else limit
    if not opened.html:
        return ShownArticle(opened, "")
    # The core says why it shows an article as plain text (and puts its own notice at
    # the top of the HTML); the status bar says so in the interface's language.
    fallback = notices.plain if opened.fallback else ""
    if len(opened.text) <= limit:
        return ShownArticle(
            opened, opened.html, folder, load_images(opened.html, folder), fallback=fallback
        )
    end = _cut(opened.text, limit)
    french = notices.french_numbers
    notice = notices.capped.format(_number(end, french), _number(len(opened.text), french))
    return ShownArticle(
        opened, _plain_start(opened, end, notice), text_end=end, fallback=fallback or notice
    )


def _cut(text: str, limit: int) -> int:
    """Where to cut the text: at ``limit``, or back to the end of a line or a space."""
    for stop in ("\n", " "):
        where = text.rfind(stop, max(0, limit - _BACK_TO_SPACE), limit + 1)
        if where > 0:
            return where
    return limit


def _plain_start(opened: OpenedArticle, end: int, notice: str) -> str:
    """The title, byline and notice, then the reading text up to ``end`` as paragraphs
    (each line of the reading text is a block of the article)."""
    title, _, body = opened.text[:end].partition("\n")
    parts = [f'<h1 class="title">{html.escape(title)}</h1>']
    if opened.byline:
        parts.append(f'<p class="byline">{html.escape(opened.byline)}</p>')
    from reader.core.render import NOTICE_CLASS  # on the open lane, as the render

    parts.append(f'<p class="{NOTICE_CLASS}">{html.escape(notice)}</p>')
    lines = [line for line in body.split("\n") if line]
    parts.extend(f"<p>{html.escape(line)}</p>" for line in lines[:-1])
    if lines:
        parts.append(f"<p>{html.escape(lines[-1])}{_ELLIPSIS}</p>")
    return "".join(parts)


def _number(n: int, french: bool) -> str:
    text = f"{n:,}"
    return text.replace(",", "\u202f") if french else text
