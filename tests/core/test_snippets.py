"""Hit marking and snippets: the words a reader's query matched, in the article's language."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.search.snippets import QueryTerms, best_snippet, hit_spans, readable_text

FRENCH = (
    "L’aide de Moscou a été précieuse au Mali. Les terroristes ont reculé. "
    "Nos forces armées assurent la sécurité des bases. " * 3
)


def marked(text: str, query: str, lang: str) -> list[str]:
    return [text[s:e] for s, e in hit_spans(text, QueryTerms.parse(query), lang)]


def test_query_terms_keep_positive_words_and_prefixes_only() -> None:
    terms = QueryTerms.parse('"forces armées" OR secur* -mali NOT moscou source:reuters date:2023')
    assert terms.phrases == [("forces", "armées")] and terms.words == []
    assert terms.prefixes == ["secur"]
    terms = QueryTerms.parse('title:Bamako (russie OR "l’aide")')
    assert terms.words == ["Bamako", "russie"] and terms.phrases == [("l", "aide")]
    assert not QueryTerms.parse("lang:fr -guerre")


def test_hits_are_matched_with_the_articles_stemming_and_folding() -> None:
    assert marked(FRENCH, "securite", "fr")[:1] == ["sécurité"]
    assert marked(FRENCH, "terroriste", "fr")[:1] == ["terroristes"]
    assert marked(FRENCH, "armee", "fr")[:1] == ["armées"]
    assert marked(FRENCH, "aide", "fr")[:1] == ["aide"]  # after the curly elision
    assert marked("Boats were running. He runs.", "run", "en") == ["running", "runs"]


def test_prefixes_mark_every_word_they_start() -> None:
    assert set(marked(FRENCH, "préc* secu*", "fr")) == {"précieuse", "sécurité"}


def test_excluded_and_filter_words_mark_nothing() -> None:
    assert marked(FRENCH, "-mali NOT moscou source:aide", "fr") == []


def test_best_snippet_holds_the_most_distinct_hits_and_marks_them() -> None:
    text = "Intro sans rapport. " * 30 + FRENCH
    snippet = best_snippet(text, QueryTerms.parse("terroristes securite"), "fr")
    assert snippet.text.startswith("…")
    marked_words = {snippet.text[s:e] for s, e in snippet.spans}
    assert marked_words == {"terroristes", "sécurité"}
    assert len(snippet.text) <= 230
    assert "<mark>terroristes</mark>" in snippet.html()


def test_snippet_without_hits_is_the_opening() -> None:
    snippet = best_snippet(FRENCH, QueryTerms.parse("zeppelin"), "fr")
    assert snippet.text.startswith("L’aide de Moscou") and snippet.spans == ()


def test_snippet_html_escapes_the_text() -> None:
    snippet = best_snippet("a <b>bold</b> claim & more", QueryTerms.parse("claim"), "en")
    assert snippet.html() == "a &lt;b&gt;bold&lt;/b&gt; <mark>claim</mark> &amp; more"


def test_readable_text_drops_markdown_syntax() -> None:
    body = "## Un titre\n\nDu **gras**, un [lien](https://x.org) et \\*une étoile\\*.\n\n> cité"
    assert readable_text(body) == "Un titre Du gras, un lien et *une étoile*. cité"


def test_the_snippet_of_a_text_file_is_its_text_as_written(
    library_root: Path,
    write: Callable[[Path, str], Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A text file's body is escaped Markdown ("&lt;b\\>"): its snippet is what it says,
    escaped once in snippet_html, as written in snippet (never twice: "&amp;lt;b")."""
    written = "Quokka <b>x</b> & 1 < 2 > 0 *a* [b](c) \\ d_e #f |g| `h` &amp; &lt;"
    write(library_root / "html.txt", f"Tags\n\n{written}\n")
    write(library_root / "raw.md", "# Raw\n\nQuokka <b>bold</b> &amp; co\n")
    assert main(["search", "quokka", "--library", str(library_root), "--json"]) == 0
    hits = {hit["path"]: hit for hit in json.loads(capsys.readouterr().out)}
    assert hits["html.txt"]["snippet"] == written
    assert hits["html.txt"]["snippet_html"] == html.escape(written, quote=False).replace(
        "Quokka", "<mark>Quokka</mark>"
    )
    assert hits["raw.md"]["snippet"] == "Quokka bold & co"  # what its page shows
    assert hits["raw.md"]["snippet_html"] == "<mark>Quokka</mark> bold &amp; co"
