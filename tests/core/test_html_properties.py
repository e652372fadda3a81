"""Property-based tests (Hypothesis) of saved pages: any HTML, or any bytes named
``.html``, parses into an article or gives a one-line reason, within a time bound.
Bounded like tests/core/test_properties_parsers.py."""

from __future__ import annotations

import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import limits
from reader.core.annotations.reading_text import reading_text
from reader.core.articles.formats import parse_bytes
from reader.core.render import render_article

BOUNDED = settings(
    max_examples=80, deadline=3000, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
TAGS = ["p", "div", "article", "h1", "h2", "ul", "ol", "li", "blockquote", "table", "tr", "td",
        "th", "a", "b", "i", "em", "strong", "br", "img", "script", "style", "iframe", "nav",
        "pre", "code", "figure", "figcaption", "span", "title", "meta", "head", "body", "html",
        "form", "input", "sup"]  # fmt: skip
WORDS = ["the", "boats", "harbour", "café", "«", "»", "*", "#", "[x](y)", "<", "&amp;",
         "\\", "`", "|", "-", "1.", ">", "!", "lighthouse", "publié le 3 mars 2020", "\n",
         "  "]  # fmt: skip
ATTRIBUTES = ['', ' src="a_files/x.png"', ' src="http://e.com/x.gif" alt="x"', ' href="/x"',
              ' href="https://e.com"', ' lang="fr"', ' type="password"', ' charset="cp1252"',
              ' property="og:title" content="T"', ' src="../../etc/passwd"', ' alt="*a*"',
              ' type="application/ld+json"']  # fmt: skip


def one_line(error: str) -> bool:
    return bool(error) and "\n" not in error and len(error) < 400


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 60))):
        kind = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            parts.append(f"<{tag}{draw(st.sampled_from(ATTRIBUTES))}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(" ".join(draw(st.lists(st.sampled_from(WORDS), max_size=30))))
    return "".join(parts)


@BOUNDED
@given(page=html_pages(), suffix=st.sampled_from([".html", ".htm", ".xhtml", ".mhtml"]))
def test_any_html_parses_or_gives_a_one_line_error(page: str, suffix: str) -> None:
    started = time.perf_counter()
    article = parse_bytes(f"dir/page{suffix}", page.encode("utf-8"), detect=False)
    assert time.perf_counter() - started < 2
    assert article.error is None or one_line(article.error)
    assert len(article.title) <= limits.MAX_FIELD_CHARS
    html = render_article(article)
    assert not re.search(r"<(?:script|iframe|style|form|input|link|meta)\b", html)
    assert not re.search(r'<img[^>]*src="(?:\.\./|/|[a-z]+://)', html)
    reading_text(article)


@BOUNDED
@given(data=st.binary(max_size=3000))
def test_any_bytes_named_html_parse_or_give_a_one_line_error(data: bytes) -> None:
    started = time.perf_counter()
    article = parse_bytes("page.html", data, detect=False)
    assert time.perf_counter() - started < 2
    assert article.error is None or one_line(article.error)
