"""``article-reader export`` and ``import``, run in-process."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from running import Cli

from reader.core.annotations.annotating import create
from reader.core.annotations.reading_text import reading_text
from reader.core.articles.formats import parse_file
from reader.core.library.library import Library

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MALI = "000_10d9d95bf921b5c7.txt"


def quote_only(source: str, exact: str, **more: object) -> dict[str, object]:
    """A hand-written Web Annotation that selects its text by quote alone."""
    selector = {"type": "TextQuoteSelector", "exact": exact}
    return {"type": "Annotation", "target": {"source": source, "selector": selector}, **more}


@pytest.fixture
def library(library_root: Path) -> Path:
    """A library with the sample article, highlighted twice (in the test's private home)."""
    shutil.copy(SEEDS / MALI, library_root / "mali.txt")
    opened = Library(library_root)
    try:
        opened.refresh()
        row = opened.catalog.row_by_path("mali.txt")
        assert row is not None
        article = parse_file(library_root, "mali.txt")
        text = reading_text(article)
        for words, note in (("renforcer sa sécurité", "# the claim"), ("Assimi Goïta", "")):
            start = text.index(words)
            opened.userdata.save(
                create(row.id, text, start, start + len(words), "blue", note, article.fingerprint)
            )
    finally:
        opened.close()
    return library_root


def test_export_markdown_to_stdout(library: Path, cli: Cli) -> None:
    result = cli("export", "--library", str(library), "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Highlights and notes\n\n## Le Mali a pu renforcer")
    assert "> renforcer sa sécurité\n\n\\# the claim\n\n— blue\n" in result.stdout


def test_export_to_a_file_replaces_it_atomically(library: Path, tmp_path: Path, cli: Cli) -> None:
    output = tmp_path / "out" / "notes.jsonld"
    output.parent.mkdir()
    output.write_text("an older export", encoding="utf-8")
    result = cli("export", "--library", str(library), "--format", "jsonld", "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.strip() == f"Exported 2 highlights to {output}"
    assert [path.name for path in output.parent.iterdir()] == ["notes.jsonld"]  # no temp left
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["type"] == "AnnotationCollection" and data["total"] == 2
    sources = {item["target"]["source"] for item in data["first"]["items"]}
    assert sources == {"mali.txt"}


def test_export_to_a_folder_that_does_not_exist_fails_in_one_line(
    library: Path, tmp_path: Path, cli: Cli
) -> None:
    output = tmp_path / "missing" / "notes.md"
    result = cli(
        "export", "--library", str(library), "--format", "markdown", "--output", str(output)
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"article-reader: cannot write {output}: No such file or directory"
    ]


def test_import_prints_a_summary_and_adds_nothing_twice(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    exported = cli("export", "--library", str(library), "--format", "jsonld")
    data = json.loads(exported.stdout)
    data["first"]["items"].append(quote_only("mali.txt", "words the article never had"))
    file = tmp_path / "notes.jsonld"
    file.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("ARTICLE_READER_HOME", str(tmp_path / "another-home"))  # a fresh data folder

    first = cli("import", str(file), "--library", str(library))
    assert first.returncode == 0, first.stderr
    assert first.stdout == "Imported 3 highlights (1 could not be placed)\n"
    again = cli("import", str(file), "--library", str(library))
    assert again.stdout == "Imported 1 highlight (1 could not be placed, 2 already there)\n"
    listed = json.loads(cli("export", "--library", str(library), "--format", "jsonld").stdout)
    assert listed["total"] == 4  # the one without an id got a new one each time
    assert sum(item.get("reader:orphan", False) for item in listed["first"]["items"]) == 2


def test_import_names_what_it_refused_and_exits_1(library: Path, tmp_path: Path, cli: Cli) -> None:
    file = tmp_path / "elsewhere.json"
    anno = quote_only("gone.md", "Bamako", id="urn:uuid:9")
    file.write_text(json.dumps([anno]), encoding="utf-8")
    result = cli("import", str(file), "--library", str(library))
    assert result.returncode == 1
    assert result.stdout == "Imported 0 highlights (1 not imported)\n"
    assert result.stderr.strip().splitlines() == [
        "article-reader: urn:uuid:9: its article gone.md is not in the library; not imported"
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "is not valid JSON: Expecting property name"),
        ('"a string"', "nothing imported: expected a JSON object or array"),
        (None, "cannot read"),
    ],
)
def test_import_of_a_bad_file_is_one_line_and_exit_2(
    library: Path, tmp_path: Path, content: str | None, expected: str, cli: Cli
) -> None:
    file = tmp_path / "bad.json"
    if content is not None:
        file.write_text(content, encoding="utf-8")
    result = cli("import", str(file), "--library", str(library))
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("article-reader: ") and expected in line
    assert result.stdout == ""


def test_search_on_the_command_line_knows_stars_and_notes(library: Path, cli: Cli) -> None:
    opened = Library(library)
    try:
        row = opened.catalog.row_by_path("mali.txt")
        assert row is not None
        opened.userdata.set_starred([row.id], True)
    finally:
        opened.close()
    starred = cli("search", "is:starred", "--library", str(library), "--json")
    assert starred.returncode == 0, starred.stderr
    assert [hit["path"] for hit in json.loads(starred.stdout)] == ["mali.txt"]
    in_notes = cli("search", "in:notes claim", "--library", str(library), "--json")
    [hit] = json.loads(in_notes.stdout)
    assert hit["note"] == "# the claim"  # the note's words, where "claim" was found
    plain = cli("search", "claim", "--library", str(library))
    assert "✎ in your highlights: # the claim" in plain.stdout
