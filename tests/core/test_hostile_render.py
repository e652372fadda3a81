"""Pathological Markdown and image sources: rendering has a depth and a time budget, past
which the article is plain text and says so."""

from __future__ import annotations

import sys
import time

import pytest

from reader.core import render
from reader.core.articles.article import Article
from reader.core.render import (
    is_remote,
    markdown_to_html,
    render_article,
    render_article_status,
    render_markdown,
)


@pytest.fixture
def short_budget(monkeypatch: pytest.MonkeyPatch) -> float:
    monkeypatch.setattr(render, "MAX_RENDER_SECONDS", 0.5)
    return 0.5


def nested_list(levels: int) -> str:
    return "\n".join("    " * i + f"- item {i}" for i in range(levels))


DEEP = {
    "nested list": nested_list(600) + " deep",
    "nested quotes": ">" * 600 + " deep",
    "markers on one line": "- " * 600 + "deep",
    "tabs": "\n".join("\t" * i + "- x" for i in range(600)) + " deep",
}


@pytest.mark.parametrize("body", DEEP.values(), ids=DEEP.keys())
def test_deep_nesting_is_plain_text_at_once(body: str) -> None:
    started = time.perf_counter()
    result = render_markdown(body)
    assert time.perf_counter() - started < 1  # not a recursion until the stack runs out
    assert "nested" in result.fallback
    assert "deep" in result.html
    assert "<ul>" not in result.html and "<blockquote>" not in result.html


def test_ordinary_nesting_still_renders() -> None:
    result = render_markdown(nested_list(8) + "\n\n> > quoted\n\n1. one\n2. two")
    assert result.fallback == ""
    assert result.html.count("<ul>") == 8 and "<blockquote>" in result.html


SLOW = {"brackets": "[" * 30_000, "open tags": "<a " * 8_000}


@pytest.mark.parametrize("body", SLOW.values(), ids=SLOW.keys())
def test_slow_markdown_is_cut_at_the_time_budget(body: str, short_budget: float) -> None:
    started = time.perf_counter()
    result = render_markdown(body)
    assert time.perf_counter() - started < short_budget + 1.5  # unbounded: far past the budget
    assert result.fallback == "over 0.5 s of work"
    assert result.html.startswith("<p>")
    assert "&lt;a" in result.html or "[[[" in result.html


def test_the_budget_leaves_no_profile_hook_behind(short_budget: float) -> None:
    def mine(frame: object, event: str, arg: object) -> None:
        pass

    sys.setprofile(mine)
    try:
        render_markdown("[" * 30_000)
        assert sys.getprofile() is mine
    finally:
        sys.setprofile(None)
    render_markdown("plain *text*")
    assert sys.getprofile() is None


def test_the_plain_text_fallback_is_flagged_and_escaped() -> None:
    article = Article(path="a.md", title="T", body=DEEP["nested list"] + "\n\n<script>x</script>")
    status = render_article_status(article)
    assert status.fallback
    assert '<p class="notice">Shown as plain text: too complex to render' in status.html
    assert status.html == render_article(article)
    assert "<script>" not in status.html and "&lt;script&gt;" in status.html
    assert "Shown as plain text" not in markdown_to_html(article.body)  # not reading text
    assert render_article_status(Article(path="b.md", title="T", body="*ok*")).fallback == ""


def test_a_library_error_in_markdown_becomes_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, **options: object) -> str:
        raise AttributeError("a bug")

    monkeypatch.setattr("reader.core.render.markdown.markdown", broken)
    result = render_markdown("some *text*")
    assert "AttributeError" in result.fallback and "some *text*" in result.html


@pytest.mark.parametrize(
    "source",
    ["shot12:30.png", "12:30.png", "c:photo.png", "photos/a:b.png", "img.png", "./x:y.png"],
)
def test_file_names_with_a_colon_are_local(source: str) -> None:
    assert not is_remote(source)
    html = markdown_to_html(f"![alt]({source})")
    assert "<img" in html and "image-alt" not in html
    assert 'src="./' in html or f'src="{source}"' in html


@pytest.mark.parametrize(
    "source",
    [
        "http://t.example/p.gif",
        "HTTPS://t.example/p.gif",
        "//t.example/p.gif",
        "data:image/png;base64,AAAA",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "ftp://x/y.png",
    ],
)
def test_urls_are_remote_and_never_load(source: str) -> None:
    assert is_remote(source)
    html = markdown_to_html(f"![the alt]({source})")
    assert "<img" not in html and "[the alt]" in html


def test_many_unclosed_img_tags_are_linear() -> None:
    started = time.perf_counter()
    render._remote_images_as_text("<img src=x " * 50_000)
    assert time.perf_counter() - started < 1
