"""Property-based tests (Hypothesis) of the parsers, front matter, file names, render and
snippets: any input either parses or gives a one-line error, within a time bound; no
exception escapes. Bounded: the whole module runs in well under 30 s."""

from __future__ import annotations

import os
import time
import unicodedata
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import limits
from reader.core.articles.formats import parse_bytes
from reader.core.articles.names import article_rel, display_stem, os_rel
from reader.core.render import render_markdown
from reader.core.search.snippets import QueryTerms, best_snippet, readable_text

BOUNDED = settings(
    max_examples=150, deadline=3000, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
MARKUP = "[]()!<>*_`#-+>|\\&;:\"' \n\t0123456789.ahréf/=~{}^@"
YAML = "[]{}&*!:-,#|>?%@'\" \n\tab01.TZ"


def safe_to_show(text: str) -> bool:
    """No control character, surrogate, or line or paragraph separator."""
    return not any(unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") for ch in text)


def one_line_or_none(error: str | None) -> bool:
    return error is None or (bool(error) and "\n" not in error and len(error) < 400)


@BOUNDED
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".txt", ".md", ".markdown"]))
def test_any_bytes_parse_or_give_a_one_line_error(data: bytes, suffix: str) -> None:
    started = time.perf_counter()
    article = parse_bytes(f"dir/name{suffix}", data, detect=False)
    assert time.perf_counter() - started < 2
    assert article.path == f"dir/name{suffix}"
    assert one_line_or_none(article.error)
    assert len(article.title) <= limits.MAX_FIELD_CHARS
    article.title.encode("utf-8")  # storable


@BOUNDED
@given(text=st.text(alphabet=MARKUP, max_size=3000), suffix=st.sampled_from([".txt", ".md"]))
def test_any_markup_text_parses(text: str, suffix: str) -> None:
    article = parse_bytes(f"a{suffix}", text.encode("utf-8"), detect=False)
    assert one_line_or_none(article.error)
    if article.error is None:
        assert "\n" not in article.title and "\n" not in article.excerpt


@BOUNDED
@given(front=st.text(alphabet=YAML, max_size=800), body=st.text(alphabet=MARKUP, max_size=200))
def test_any_front_matter_parses_or_is_refused_in_one_line(front: str, body: str) -> None:
    started = time.perf_counter()
    article = parse_bytes("a.md", f"---\n{front}\n---\n{body}".encode(), detect=False)
    assert time.perf_counter() - started < 2
    assert one_line_or_none(article.error)
    assert len(article.title) <= limits.MAX_FIELD_CHARS
    assert len(article.source) <= limits.MAX_FIELD_CHARS
    assert len(article.tags) <= limits.MAX_TAGS
    assert article.date is None or article.date[:4].isdigit()


@BOUNDED
@given(name=st.binary(min_size=1, max_size=60).filter(lambda b: b"/" not in b and b"\0" not in b))
def test_any_os_name_has_a_storable_article_path_that_maps_back(name: bytes) -> None:
    os_name = os.fsdecode(name)
    rel = article_rel(f"d/{os_name}")
    rel.encode("utf-8")
    assert safe_to_show(rel)
    assert os_rel(rel) == f"d/{os_name}"
    assert os.fsencode(os_rel(rel)) == b"d/" + name
    display_stem(rel).encode("utf-8")


@BOUNDED
@given(name=st.text(max_size=40))
def test_any_str_name_round_trips(name: str) -> None:
    rel = article_rel(name)
    rel.encode("utf-8")
    assert safe_to_show(rel)
    assert os_rel(rel) == name


@BOUNDED
@given(body=st.text(alphabet=MARKUP, max_size=2000))
def test_any_markdown_renders_or_falls_back_within_budget(body: str) -> None:
    with mock.patch("reader.core.render.MAX_RENDER_SECONDS", 0.3):
        started = time.perf_counter()
        result = render_markdown(body)
        assert time.perf_counter() - started < 1.5
    assert "<script" not in result.html.lower()
    assert one_line_or_none(result.fallback or None)


@BOUNDED
@given(
    body=st.text(alphabet=MARKUP + "alpha beta", max_size=3000),
    words=st.lists(st.text(alphabet="alphbet", min_size=1, max_size=6), max_size=3),
)
def test_any_text_gives_a_snippet_within_bounds(body: str, words: list[str]) -> None:
    text = readable_text(body)
    snippet = best_snippet(text, QueryTerms(words=words), "en", width=80)
    assert len(snippet.text) <= 82
    for start, end in snippet.spans:
        assert 0 <= start < end <= len(snippet.text)
