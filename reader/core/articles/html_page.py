"""A saved web page → its article: the text without the page's navigation, ads and
comments, as Markdown, with the page's own title, date, source and language.

Decision: trafilatura extracts the article (README, "Saved web pages": compared with
readability-lxml on real pages; precision and recall measured by
``python -m tests.bench.extraction``). It runs in its fast mode (no second
opinion from its fallback extractors: the same text on every page tried, in half
the time), without comments, with tables, images, links and emphasis; its metadata
extraction is not used (htmldate is slow): :mod:`reader.core.articles.html_meta`
reads the few tags we need from the tree we parsed once.

A page without an article (a sign-in form, an index of links) is listed with the
reason, as any file that cannot be read.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

import lxml.html
from lxml.etree import ParserError, _Element
from lxml.html import HtmlElement

from reader.core.articles.article import Article, count_words, markdown_excerpt
from reader.core.articles.bylines import fold
from reader.core.articles.decoding import DecodeError
from reader.core.articles.html_markdown import Converted, strip_links, to_markdown
from reader.core.articles.html_meta import page_meta
from reader.core.articles.html_source import MHTML_SUFFIXES, decode_page, mhtml_page
from reader.core.articles.names import display_stem
from reader.core.limits import MAX_FIELD_CHARS, MAX_PAGE_ELEMENTS, MIN_PAGE_ARTICLE_WORDS

PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", *MHTML_SUFFIXES})
NO_ARTICLE = "no article found in this page"
# A news page's dateline as the article's first paragraph ("AFP, publié le samedi 16 mai
# 2020 à 09h46"): the byline shows the date and source already.
_DATELINE = re.compile(r"\b(?:publi[ée]e?s?|published|posted|mis a jour|updated)\b.*\d", re.I)
_DATELINE_WORDS = 16
_SENTENCE_WORDS = 8
_NEVER_SHOWN = ("iframe", "noscript", "template", "object", "embed", "frameset", "frame")
_FIRST_BLOCKS = frozenset({"head", "p", "list", "quote", "graphic", "code"})  # not table: layout


# Trafilatura logs each page it finds nothing in as a warning: here that is a result.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


class PageError(ValueError):
    """The page cannot be read as an article; the message says why, in one line."""


@dataclass
class _Extracted:
    body: Converted
    words: int


def parse_page(rel: str, data: bytes) -> Article:
    """The article of a saved page (``.html``, ``.htm``, ``.xhtml``, ``.mhtml``).

    Raises :class:`PageError` when there is none, with the reason; the caller lists
    the file with it. ``Article.lang`` is the page's declared language, or "".
    """
    try:
        if PurePosixPath(rel).suffix.lower() in MHTML_SUFFIXES:
            decoded = mhtml_page(data)
        else:
            decoded = decode_page(data)
    except DecodeError as exc:
        raise PageError(str(exc)) from None
    root = _parse_tree(decoded.text)
    meta = page_meta(root)
    title = meta.title or display_stem(rel)
    body = _extract(root, title, sign_in=_has_password_field(root))
    return Article(
        path=rel,
        title=title[:MAX_FIELD_CHARS],
        body=body.body.markdown,
        date=meta.date,
        source=meta.source,
        lang=meta.lang,
        words=body.words,
        excerpt=markdown_excerpt(strip_links(body.body.markdown)),
        format="html",
        encoding=decoded.encoding,
    )


def _parse_tree(text: str) -> HtmlElement:
    if not text.strip():
        raise PageError("empty file")
    try:
        root = lxml.html.document_fromstring(text)
    except (ParserError, ValueError) as exc:
        raise PageError(f"not a web page ({' '.join(str(exc).split())[:100]})") from None
    size = sum(1 for _ in root.iter())
    if size > MAX_PAGE_ELEMENTS:
        raise PageError(f"page too complex ({size:,} elements; limit {MAX_PAGE_ELEMENTS:,})")
    return root


def _has_password_field(root: HtmlElement) -> bool:
    return any((field.get("type") or "").lower() == "password" for field in root.iter("input"))


def _extract(root: HtmlElement, title: str, sign_in: bool) -> _Extracted:
    from trafilatura import bare_extraction  # 0.5 s to import: only once a page is read

    for caption in root.iter("figcaption"):
        caption.tag = "p"  # trafilatura drops captions; a caption is part of the article
    for hidden in list(root.iter(*_NEVER_SHOWN)):
        if hidden.getparent() is not None:  # what is inside is never shown as text
            hidden.drop_tree()
    document = bare_extraction(
        root,
        fast=False,
        include_comments=False,
        include_tables=True,
        include_images=True,
        include_links=True,
        include_formatting=True,
        with_metadata=False,
    )
    body = getattr(document, "body", None)
    if body is None:
        raise PageError(_no_article(sign_in))
    _drop_repeated_title(body, title)
    _drop_dateline(body)
    prose = _prose_words(body)
    if prose < MIN_PAGE_ARTICLE_WORDS or (sign_in and prose < 4 * MIN_PAGE_ARTICLE_WORDS):
        raise PageError(_no_article(sign_in))
    converted = to_markdown(body)
    return _Extracted(converted, count_words(strip_links(converted.markdown)))


def _prose_words(body: _Element) -> int:
    """Words in the body's sentences: lines of paragraphs and quotes of at least
    ``_SENTENCE_WORDS`` words. An index of headlines (a line each) has none."""
    words = 0
    for paragraph in body.iter("p", "quote"):
        if paragraph.tag == "quote" and paragraph.find(".//p") is not None:
            continue  # its paragraphs count
        for line in "".join(paragraph.itertext()).split("\n"):
            count = len(line.split())
            words += count if count >= _SENTENCE_WORDS else 0
    return words


def _no_article(sign_in: bool) -> str:
    return f"{NO_ARTICLE} (a sign-in page)" if sign_in else NO_ARTICLE


def _drop_repeated_title(body: _Element, title: str) -> None:
    """The article's own heading, when it repeats the title the pane shows above it."""
    first = next((e for e in body.iter() if e.tag in _FIRST_BLOCKS), None)
    if first is not None and first.tag == "head" and _same("".join(first.itertext()), title):
        _remove(first)


def _drop_dateline(body: _Element) -> None:
    """A first paragraph that only says who published it when (the byline says so)."""
    first = next(iter(body), None)
    if first is None or first.tag != "p":
        return
    text = " ".join("".join(first.itertext()).split())
    if len(text.split()) <= _DATELINE_WORDS and _DATELINE.search(fold(text)):
        _remove(first)


def _same(a: str, b: str) -> bool:
    return " ".join(fold(a).split()) == " ".join(fold(b).split())


def _remove(element: _Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if element.tail and element.tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
