"""Opening an article renders it once: its page and its reading text come from one render,
and a body over MAX_RENDER_CHARS goes straight to plain text.

The reading text is what highlights are anchored on: for every article under the limit
it must stay exactly what it was when it was made by rendering the Markdown a second
time (``_reading_text_before`` does that: the reference to compare with).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from reader.core import operations, render
from reader.core.annotations.reading_text import _TextParser, reading_text
from reader.core.articles.article import Article
from reader.core.articles.formats import parse_bytes
from reader.core.articles.markdown_escape import escape_markdown
from reader.core.library.library import Library
from reader.core.limits import MAX_RENDER_CHARS
from reader.core.render import RenderStopped, markdown_to_html, plain_text, plain_text_html

ARTICLES = {
    "plain.txt": "A plain title\n\nPublished on Thursday 26 February 1987 | Reuters\n\n"
    "First  paragraph with <b>tags</b>, &amp; entities, *stars*, _under_ and `ticks`.\n"
    "Second line of it.\n\n  Indented\u00a0text [not a link](x) \\ backslash # hash.\n",
    "lists.md": "---\ntitle: Lists\n---\n\n# Heading\n\n- one *em*\n- two\n    - nested\n\n"
    "1. first\n2. second\n\n> quoted **bold**\n> more\n\n```\ncode  line\n  indented\n```\n\n"
    "| a | b |\n|---|---|\n| 1 | 2 |\n\nText<br>after a break &amp; <span>html</span>.\n\n"
    "![alt](image.png) and [a link](https://example.org).\n\nTerm\n:   Definition\n",
    "entities.md": "Entities &eacute; &#233; &nbsp;x&nbsp; and a\u00a0nbsp, `<code>`.\n\n***\n",
}


def _reading_text_before(article: Article) -> str:
    """The reading text as it was made before rendering once (a second render)."""
    if article.error:
        return article.title
    parser = _TextParser()
    parser.feed(markdown_to_html(article.body))
    parser.close()
    lines = [" ".join(article.title.split()), *parser.lines()]
    return "\n".join(line for line in lines if line)


@pytest.fixture
def library(library_of: Callable[[Mapping[str, str]], Library], seeds_dir: Path) -> Library:
    seeds = {path.name: path.read_text(encoding="utf-8") for path in seeds_dir.iterdir()}
    assert seeds
    return library_of({**ARTICLES, **seeds})


def test_the_reading_text_of_an_article_under_the_limit_is_unchanged(library: Library) -> None:
    rows = library.catalog.rows()
    assert len(rows) > len(ARTICLES)
    for row in rows:
        article = library.read_article(row)
        before = _reading_text_before(article)
        assert reading_text(article) == before, row.path
        opened = operations.open_article(library, row)
        assert opened.text == before, row.path
        assert opened.html == render.render_article(article)
        assert opened.fallback == ""


def test_the_page_and_the_reading_text_come_from_one_render(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = render.render_markdown

    def counted(body: str, should_stop: Callable[[], bool] = lambda: False) -> render.Rendered:
        calls.append(body)
        return real(body, should_stop)

    monkeypatch.setattr(render, "render_markdown", counted)
    row = next(row for row in library.catalog.rows() if row.path == "lists.md")
    operations.open_article(library, row)
    assert len(calls) == 1


def test_plain_paragraphs_are_the_lines_parsing_their_html_gives() -> None:
    """Past a budget the reading text is taken from the paragraphs, not parsed from the
    HTML made of them: the same lines, for any text."""
    for body in (
        "a  <b>x</b> &amp; &lt; > \u00a0b\n\n\n  \n c\td \\*e* \r\n f",
        "x &#233; &eacute; <!-- not --> <![CDATA[ y ]]> </p> \u2003z",
        "\n\n  \n\n",
        "one\n\ntwo\n \t\nthree",
    ):
        article = Article(path="a.md", title="T", body=body)
        shown = plain_text(body, "why")
        assert shown.html == plain_text_html(body)
        parsed = _TextParser()
        parsed.feed(shown.html)
        parsed.close()
        lines = [line for line in parsed.lines() if line]
        assert list(shown.paragraphs or ()) == lines, body
        assert render.page_html(article, shown).fallback == "why"


def _big(text: str) -> str:
    return (text * (MAX_RENDER_CHARS // len(text) + 2))[: MAX_RENDER_CHARS + 100]


def test_a_text_file_over_the_limit_is_its_paragraphs_as_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(render, "render_markdown", None)  # never called past the limit
    words = "A <b>bold</b> claim & *stars* [x](y) \\ back. "
    data = f"Huge\n\n{_big(words)}\n\nLast  one.\n".encode()
    article = parse_bytes("huge.txt", data, detect=False)
    assert len(article.body) > MAX_RENDER_CHARS
    text = reading_text(article)
    title, first, last = text.split("\n")
    assert (title, last) == ("Huge", "Last one.")
    assert first == " ".join(_big(words).split())  # as written: no escapes, no markup read
    status = render.render_article_status(article)
    assert status.fallback == f"over {MAX_RENDER_CHARS:,} characters"
    assert "Shown as plain text" in status.html
    assert "A &lt;b&gt;bold&lt;/b&gt; claim &amp; *stars* [x](y) \\ back." in status.html


def test_a_markdown_file_over_the_limit_is_its_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "render_markdown", None)
    body = _big("Some *emphasis* and <b>html</b>.\n\n")
    article = Article(path="big.md", title="Big", body=body, format="markdown")
    lines = reading_text(article).split("\n")
    assert lines[0] == "Big"
    assert lines[1] == "Some *emphasis* and <b>html</b>."
    assert render.render_body(article).fallback == f"over {MAX_RENDER_CHARS:,} characters"


def test_a_render_stops_when_its_caller_says_so(
    library_of: Callable[[Mapping[str, str]], Library], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render, "MAX_RENDER_SECONDS", 0.5)
    library = library_of({"slow.md": "[" * 30_000 + "\n"})  # seconds of Markdown work
    [row] = library.catalog.rows()
    asked = threading.Event()

    def should_stop() -> bool:
        asked.set()
        return True

    with pytest.raises(operations.OpenStopped):
        operations.open_article(library, row, should_stop=should_stop)
    assert asked.is_set()
    with pytest.raises(RenderStopped):
        render.render_markdown("[" * 30_000, should_stop=lambda: True)
    # Not stopped: the article opens (as plain text, past the time budget).
    assert operations.open_article(library, row, should_stop=lambda: False).html


def test_a_text_files_body_unescapes_to_its_text() -> None:
    for text in (
        "a\\b", "\\", "\\\\.", "\\.x", "&lt; &amp; &amp;lt; <>&", "*_`#[](){}+-.!|>",
        "x\\\\\\y", "tail\\", "é ù \U0001f600 \\é",
    ):  # fmt: skip
        assert render.unescape_text(escape_markdown(text)) == text, text
