"""``article-reader show``: the reading text, Markdown or HTML of any article, as the pane
shows it (and the text highlights anchor on)."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest

from reader.cli import main
from reader.core.annotations.reading_text import reading_text
from reader.core.articles.formats import parse_file
from reader.core.articles.markdown_escape import escape_markdown
from reader.core.render import render_article

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def rendered(body: str) -> str:
    return markdown.markdown(body, extensions=["extra", "sane_lists"])  # as the pane renders


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(PAGES, tmp_path / "lib", ignore=shutil.ignore_patterns("expected"))
    (tmp_path / "lib" / "note.txt").write_text("A note\n\nFirst line.\n\nSecond *line*.\n")
    return tmp_path / "lib"


@pytest.mark.parametrize("name", ["en-blog-post.html", "Harbour at dawn.html", "note.txt"])
def test_show_prints_what_the_pane_shows(
    folder: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    article = parse_file(folder, name)
    assert main(["show", str(folder / name)]) == 0
    assert capsys.readouterr().out == reading_text(article) + "\n"
    assert main(["show", str(folder / name), "--format", "html", "--library", str(folder)]) == 0
    assert capsys.readouterr().out == render_article(article) + "\n"
    assert main(["show", str(folder / name), "--format", "markdown"]) == 0
    shown = capsys.readouterr().out  # the pane's Markdown, with only the escapes it needs
    pane = f"# {escape_markdown(article.title)}\n\n{article.body}\n"
    assert rendered(shown) == rendered(pane) and "\\." not in shown


def test_show_says_why_an_article_cannot_be_shown(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(folder / "login.html")]) == 1
    assert "no article found in this page" in capsys.readouterr().err
    assert main(["show", str(folder / "missing.html")]) == 2
    assert main(["show", str(folder / "note.txt"), "--library", str(folder / "expected")]) == 2
    assert "not inside the library" in capsys.readouterr().err
