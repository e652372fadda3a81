"""One article file read on its own, outside any library: what the window opens when the
reader asks for a file that is not in the library they have open (a drop, "Open with",
``article-reader FILE``). Rendered exactly as a library's article is, with nothing of
the reader's (no highlights, stars or position: those belong to a library)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from reader.core.annotations.reading_text import reading_text_of
from reader.core.articles.formats import parse_file
from reader.core.articles.suffixes import ARTICLE_SUFFIXES, is_article_name
from reader.core.operations import OpenedArticle
from reader.core.render import byline_text, page_html, render_body

LONE_ID = -1  # no catalog gives this article an id


# Why a path cannot be opened (the window says it in the reader's language).
Refusal = Literal["missing", "not-article", "too-broad", ""]


def refusal(path: Path) -> Refusal:
    """Why ``path`` cannot be opened ("" when it can): a folder opens as a library, an
    article file (by its name, as a library lists it) opens to read; nothing else does.

    A folder that holds the whole disk or the user's home folder (``/``, ``/home``) is
    refused: as a library it would be every file of the machine, read and indexed, which
    no reader means (and another program handing it over must not make the app do)."""
    if path.is_dir():
        return "too-broad" if too_broad(path) else ""
    if not path.exists():
        return "missing"
    if not path.is_file() or not is_article_name(path.name):
        return "not-article"
    return ""


def too_broad(folder: Path) -> bool:
    """Whether ``folder`` is the file system's root or holds the user's home folder."""
    real = folder.resolve()
    if real == Path(real.anchor):
        return True
    home = Path.home().resolve()
    return home != real and home.is_relative_to(real)


def article_kinds() -> str:
    """The file names that are articles, for a message: ".htm, .html, .md…"."""
    return ", ".join(sorted(ARTICLE_SUFFIXES))


def open_file(path: Path, lang: str = "en") -> OpenedArticle:
    """Read and render ``path`` (the byline in the interface language ``lang``); an
    article whose file is gone comes back with no HTML, as a library's does."""
    try:
        article = parse_file(path.parent, path.name)
    except FileNotFoundError:
        return OpenedArticle(LONE_ID, "")
    body = render_body(article)
    page = page_html(article, body, lang)
    return OpenedArticle(
        id=LONE_ID,
        html=page.html,
        fallback=page.fallback,
        text=reading_text_of(article, body),
        byline=byline_text(article, lang),
        fingerprint=article.fingerprint,
    )
