"""A saved web page → its article: the text without the page's navigation, ads and
comments, as Markdown, with the page's own title, date, source and language.

Decision (docs/decisions.md): trafilatura extracts the article; precision and recall
are measured by ``python -m tests.bench.extraction`` (``--dev``: against trafilatura's
own default and best configurations). It runs with its fallback extractors
(``fast=False``: its fast mode loses the lists and headings of pages whose article is
in plain ``<div>`` elements), without comments, with tables. It runs twice: the
article's text is what it keeps without images, links and emphasis (asked for them,
it keeps figure credits and thumbnails of related stories, splits paragraphs at links
and loses spaces after bold words); those of a second run that keeps them are put
back into that text (:mod:`reader.core.articles.html_figures`). Its metadata extraction is not used
(htmldate is slow): :mod:`reader.core.articles.html_meta` reads the few tags we need
from the tree we parsed once.

A page's own sign-in box (a password field in its header, menus, side column or
footer) does not make it a sign-in page.

A page without an article (a sign-in form, an index of links) is listed with the
reason, as any file that cannot be read.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, TypeVar

import lxml.html
from lxml.etree import ParserError, _Element
from lxml.html import HtmlElement

from reader.core.articles.article import Article, count_words, markdown_excerpt
from reader.core.articles.bylines import fold
from reader.core.articles.decoding import DecodeError
from reader.core.articles.html_figures import carry_figures
from reader.core.articles.html_markdown import Converted, only_links, strip_links, to_markdown
from reader.core.articles.html_meta import PageMeta, page_meta
from reader.core.articles.html_source import decode_page, mhtml_page
from reader.core.articles.names import display_stem
from reader.core.articles.suffixes import MHTML_SUFFIXES
from reader.core.limits import (
    MAX_FIELD_CHARS,
    MAX_PAGE_ELEMENTS,
    MAX_PAGE_SECONDS,
    MAX_PAGE_TEXT_RUNS,
    MIN_PAGE_ARTICLE_WORDS,
)
from reader.core.work_budget import OverBudget, within

NO_ARTICLE = "no article found in this page"
# A news page's dateline as the article's first paragraph ("AFP, publié le samedi 16 mai
# 2020 à 09h46"): the byline shows the date and source already.
_DATELINE = re.compile(r"\b(?:publi[ée]e?s?|published|posted|mis a jour|updated)\b.*\d", re.I)
_DATELINE_WORDS = 16
_SENTENCE_WORDS = 8
_SOFT_HYPHEN = "\xad"
_CREDIT_MARK = (
    r"(?:©|\(c\)|(?:photo|foto|bild|image|picture|quelle|source|credit|cr[ée]dit)s?"
    r"(?:\s+photos?)?\s*:)"
)
_CREDIT = re.compile(rf"\(?\s*{_CREDIT_MARK}", re.IGNORECASE)
# "A stag at dusk. (Foto: J. Roe/DJV)": the credit in brackets that ends a caption.
_TRAILING_CREDIT = re.compile(rf"\s*\(\s*{_CREDIT_MARK}[^()]*\)\s*$", re.IGNORECASE)
_CREDIT_WORDS = 8
_CREDIT_TAGS = ("figcaption", "p", "span", "small", "div", "cite", "em", "i")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # kana, Han
# Trafilatura removes frames, scripts' fallbacks and embeds itself (and its choice of the
# article depends on seeing them); it would keep a template's inert content.
_NEVER_SHOWN = ("template",)
# Trafilatura's options for both extractions (see the module's docstring).
_OPTIONS: dict[str, Any] = {
    "fast": False, "include_comments": False, "include_tables": True, "with_metadata": False
}  # fmt: skip
_SITE_CHROME = frozenset({"header", "nav", "aside", "footer"})
_FIRST_BLOCKS = frozenset({"head", "p", "list", "quote", "graphic", "code"})  # not table: layout
_T = TypeVar("_T")


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
    sign_in = _has_password_field(root)
    body = _within_seconds(lambda: _extract(root, title, meta, sign_in), MAX_PAGE_SECONDS)
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
        url=meta.url,
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
    runs = sum(_text_runs(paragraph) for paragraph in root.iter("p"))
    if runs > MAX_PAGE_TEXT_RUNS:
        raise PageError(
            f"page too complex ({runs:,} runs of text in paragraphs; limit {MAX_PAGE_TEXT_RUNS:,})"
        )
    return root


def _text_runs(paragraph: HtmlElement) -> int:
    """The paragraph's own text, and each text and tail inside it (its links, emphasis)."""
    return bool(paragraph.text) + sum(
        bool(inner.text) + bool(inner.tail) for inner in paragraph.iterdescendants()
    )


def _within_seconds(work: Callable[[], _T], seconds: float) -> _T:
    """``work()``, stopped with PageError after ``seconds`` (see
    :mod:`reader.core.work_budget`)."""
    try:
        return within(work, seconds)
    except OverBudget:
        raise PageError(f"page too complex (over {seconds:g} s of extraction)") from None


def _has_password_field(root: HtmlElement) -> bool:
    """A password field in the page's content: one in its header, menus, side column or
    footer is the site's sign-in box, on an article's page as on any other."""
    return any(
        (field.get("type") or "").lower() == "password"
        and not any(parent.tag in _SITE_CHROME for parent in field.iterancestors())
        for field in root.iter("input")
    )


def _extract(root: HtmlElement, title: str, meta: PageMeta, sign_in: bool) -> _Extracted:
    from trafilatura import bare_extraction  # slow to import: only once a page is read

    _prepare(root)
    body = _body(bare_extraction(root, **_OPTIONS))
    if body is None:
        raise PageError(_no_article(sign_in))
    figures = _body(
        bare_extraction(
            root, include_images=True, include_links=True, include_formatting=True, **_OPTIONS
        )
    )
    for tree in (body, figures):
        _drop_soft_hyphens(tree)
    if figures is not None:
        carry_figures(body, figures)
    _drop_repeated_title(body, title)
    _drop_dateline(body)
    if _prose_words(body) < _least_prose(meta, sign_in):
        raise PageError(_no_article(sign_in))
    converted = to_markdown(body, meta.url)
    return _Extracted(converted, count_words(strip_links(converted.markdown)))


def _least_prose(meta: PageMeta, sign_in: bool) -> int:
    """Words of sentences (``_prose_words``) below which the page has no article.

    A page that says it is one article (``PageMeta.declares_article``) is one with a
    single sentence: a short poem, a note. Others need a paragraph's worth, so that a
    sign-in form or an index of headlines with a line of text is not taken for one; a
    page with a password field needs several, sign-in pages often saying a lot.
    """
    if sign_in:
        return 4 * MIN_PAGE_ARTICLE_WORDS
    return _SENTENCE_WORDS if meta.declares_article else MIN_PAGE_ARTICLE_WORDS


def _body(document: object) -> _Element | None:
    body = getattr(document, "body", None)
    return body if isinstance(body, _Element) else None


def _drop_soft_hyphens(body: _Element | None) -> None:
    """Soft hyphens only say where a word may break: the pane breaks lines itself, and
    one inside a word would keep search and highlights from finding it."""
    for element in body.iter() if body is not None else ():
        if element.text and _SOFT_HYPHEN in element.text:
            element.text = element.text.replace(_SOFT_HYPHEN, "")
        if element.tail and _SOFT_HYPHEN in element.tail:
            element.tail = element.tail.replace(_SOFT_HYPHEN, "")


def _prepare(root: HtmlElement) -> None:
    for credit in [e for e in root.iter(*_CREDIT_TAGS) if _is_credit(e)]:
        if credit.getparent() is not None:
            credit.drop_tree()  # keeps its tail
    for caption in root.iter("figcaption"):
        caption.tag = "p"  # trafilatura drops captions; a caption is part of the article
        _drop_trailing_credit(caption)
    for figure in root.iter("figure"):
        figure.tag = "div"  # without images, trafilatura drops a figure, caption and all
    for hidden in list(root.iter(*_NEVER_SHOWN)):
        if hidden.getparent() is not None:  # what is inside is never shown
            hidden.drop_tree()


def _is_credit(element: HtmlElement) -> bool:
    """A photo's credit alone ("Foto: dpa", "(Quelle: X/Unsplash)", "© Reuters"): it
    names who owns a picture, it is not the article's text."""
    if any(child.tag in ("p", "div", "figure", "img", "ul", "ol", "table") for child in element):
        return False
    text = " ".join(element.text_content().split())
    return len(text.split()) <= _CREDIT_WORDS and _CREDIT.match(text) is not None


def _drop_trailing_credit(caption: HtmlElement) -> None:
    """The credit that ends a caption goes (see ``_is_credit``); the caption stays."""
    last = caption[-1] if len(caption) else None
    text = caption.text if last is None else last.tail
    found = _TRAILING_CREDIT.search(text or "")
    if found is None or len(found.group().split()) > _CREDIT_WORDS or not text:
        return
    kept = text[: found.start()]
    if last is None:
        caption.text = kept
    else:
        last.tail = kept


def _prose_words(body: _Element) -> int:
    """Words in the body's sentences: lines of at least ``_SENTENCE_WORDS`` words of its
    paragraphs, quotes and list items (a recipe's steps), less the items that are only
    links. An index of headlines (a line each, or a list of links) has none."""
    words = 0
    for block in body.iter("p", "quote", "item"):
        if block.tag != "p" and block.find(".//p") is not None:
            continue  # its paragraphs count
        if block.tag == "item" and only_links(block):
            continue
        for line in "".join(block.itertext()).split("\n"):
            count = _line_words(line)
            words += count if count >= _SENTENCE_WORDS else 0
    return words


def _line_words(line: str) -> int:
    """Words of a line; Chinese and Japanese, written without spaces, count a word per
    two characters (their words are mostly of one to three)."""
    return max(len(line.split()), len(_CJK.findall(line)) // 2)


def _no_article(sign_in: bool) -> str:
    return f"{NO_ARTICLE} (a sign-in page)" if sign_in else NO_ARTICLE


def _drop_repeated_title(body: _Element, title: str) -> None:
    """The article's own heading, when it repeats the title the pane shows above it: the
    first heading that does, before any sentence (a menu or a date may come first)."""
    for block in body.iter(*_FIRST_BLOCKS):
        text = "".join(block.itertext())
        if block.tag == "head" and _same(text, title):
            _remove(block)
            return
        if block.tag in ("p", "quote") and _line_words(text) >= _SENTENCE_WORDS:
            return


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
