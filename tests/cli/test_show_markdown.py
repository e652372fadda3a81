"""``show --format markdown``: Markdown a reader can read, escaped only where it must be."""

from __future__ import annotations

from pathlib import Path

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from running import Cli

from reader.cli.lean_markdown import lean_markdown
from reader.core.articles.formats import text_to_markdown
from reader.core.articles.markdown_escape import escape_markdown


def rendered(body: str) -> str:
    """What the reading pane's Markdown makes of ``body`` (reader.core.render's call)."""
    return markdown.markdown(body, extensions=["extra", "sane_lists"])


def test_show_markdown_escapes_only_what_would_be_markup(library_root: Path, cli: Cli) -> None:
    (library_root / "sein.txt").write_text(
        "Sein und Zeit\n\n"
        "Thirty-two pages on Sein. A snake_case name, C# code, a + b, 3.5 % & more.\n\n"
        "1. This paragraph starts like a list.\n\n"
        "# Nor is this a heading, nor *this* emphasis.\n",
        encoding="utf-8",
    )
    result = cli("show", str(library_root / "sein.txt"), "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "# Sein und Zeit\n\n"
        "Thirty-two pages on Sein. A snake_case name, C# code, a + b, 3.5 % & more.\n\n"
        "1\\. This paragraph starts like a list.\n\n"
        "\\# Nor is this a heading, nor \\*this\\* emphasis.\n"
    )


# No tab: Markdown expands one to the next column of four, so any escape removed
# before it changes its width (the parsers make none: they join a line's whitespace).
MARKUP = "\\`*_{}[]()#+-.!|<>&;: 1a"
texts = st.text(alphabet=st.sampled_from(MARKUP + "éx2#"), max_size=40)


@settings(max_examples=400, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4))
def test_lean_markdown_renders_as_the_escaped_text_does(paragraphs: list[str]) -> None:
    body = text_to_markdown("\n\n".join(paragraphs))
    assert rendered(lean_markdown(body)) == rendered(body)


@settings(max_examples=300, deadline=None)
@given(texts, texts, texts)
def test_lean_markdown_leaves_real_markup_as_it_is(before: str, inner: str, after: str) -> None:
    """Escaped text around the markup the HTML converter writes: emphasis, links, images,
    code, headings, lists."""
    left, middle, right = map(escape_markdown, (before, inner, after))
    body = "\n\n".join(
        (
            f"## {middle}",
            f"{left} *{middle}* {right}",
            f"{left} [{middle}](<https://example.org/a_b>) ![{middle}](<x.png>) {right}",
            f"- {left}\n- {right}",
            f"1. {middle}",
            f"> {left}",
            f"`{before}` {right}",
        )
    )
    assert rendered(lean_markdown(body)) == rendered(body)
