"""What a first-time user of the command line runs into: a library given where one is
expected, the list's order, search hits in a pipe, ``| head``, one article's export."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from running import Cli

from reader import entry
from reader.core.annotations.annotating import create
from reader.core.annotations.reading_text import reading_text
from reader.core.articles.formats import parse_file
from reader.core.library.library import Library

ROOT = Path(__file__).resolve().parents[2]


def article(folder: Path, name: str, title: str, date: str, source: str, body: str) -> None:
    (folder / name).write_text(
        f"---\ntitle: {title}\ndate: {date}\nsource: {source}\n---\n\n{body}\n", encoding="utf-8"
    )


@pytest.fixture
def library(library_root: Path) -> Path:
    """Three articles written in an order that is neither by date, title nor source."""
    article(library_root, "b.md", "Chapter 2", "2001-05-01", "Zeit", "The harbour at noon.")
    article(library_root, "a.md", "Chapter 11", "2024-03-09", "Monde", "The harbour at dusk.")
    article(library_root, "c.md", "An Atlas", "1999-12-31", "Arte", "Maps of the harbour.")
    return library_root


def paths(result: object) -> list[str]:
    stdout = result.stdout  # type: ignore[attr-defined]
    return [line.rsplit("(", 1)[1].rstrip(")") for line in stdout.splitlines()]


@pytest.mark.parametrize(
    "command",
    [["list", "{}"], ["search", "harbour", "{}"], ["index", "{}"], ["export", "{}"]],
    ids=lambda c: c[0],
)
def test_a_folder_is_taken_where_a_library_is_expected(
    library: Path, cli: Cli, command: list[str]
) -> None:
    result = cli(*(arg.format(library) for arg in command))
    assert result.returncode == 0, result.stderr
    by_option = cli(command[0], *command[1:-1], "--library", str(library))
    first_part = result.stdout.split(";")[0]  # index: what changed, and how long it took
    assert first_part and by_option.stdout.startswith(first_part)


def test_import_takes_its_library_after_the_file(library: Path, tmp_path: Path, cli: Cli) -> None:
    file = tmp_path / "notes.json"
    file.write_text(json.dumps([]), encoding="utf-8")
    result = cli("import", str(file), str(library))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Imported 0 highlights\n"


def test_a_folder_and_library_at_once_is_one_line(library: Path, cli: Cli) -> None:
    result = cli("list", str(library), "--library", str(library))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "article-reader: give the library once: as FOLDER or with --library, not both"
    ]
    assert result.stdout == ""


def test_list_is_newest_first_as_the_window_shows_it(library: Path, cli: Cli) -> None:
    assert paths(cli("list", "--library", str(library))) == ["a.md", "b.md", "c.md"]
    listed = json.loads(cli("list", "--library", str(library), "--json").stdout)
    assert [row["path"] for row in listed] == ["a.md", "b.md", "c.md"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--reverse"], ["c.md", "b.md", "a.md"]),  # oldest first
        (["--sort", "title"], ["c.md", "b.md", "a.md"]),  # An Atlas, Chapter 2, Chapter 11
        (["--sort", "title", "--reverse"], ["a.md", "b.md", "c.md"]),
        (["--sort", "source"], ["c.md", "a.md", "b.md"]),  # Arte, Monde, Zeit
    ],
)
def test_list_sorts_on_request(
    library: Path, cli: Cli, options: list[str], expected: list[str]
) -> None:
    assert paths(cli("list", str(library), *options)) == expected
    listed = json.loads(cli("list", str(library), *options, "--json").stdout)
    assert [row["path"] for row in listed] == expected


def test_search_hits_in_a_pipe_are_plain_text(library: Path, cli: Cli) -> None:
    result = cli("search", "maps", "--library", str(library))
    assert result.returncode == 0, result.stderr
    snippet = result.stdout.splitlines()[1].strip()
    assert snippet == "Maps of the harbour."  # no « », no *, no escape codes
    hits = json.loads(cli("search", "maps", "--library", str(library), "--json").stdout)
    assert hits[0]["snippet_html"] == "<mark>Maps</mark> of the harbour."


def run_into_head(*args: str) -> subprocess.CompletedProcess[bytes]:
    """``article-reader ARGS | head -1``: the reader goes after one line."""
    env = {**os.environ, "LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": ""}
    command = [sys.executable, "-m", "reader", *args]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        errors = process.stderr.read()
        status = process.wait(timeout=120)
    return subprocess.CompletedProcess(command, status, b"", errors)


@pytest.mark.parametrize("command", [["list"], ["search", "harbour", "--limit", "3000"]])
def test_a_reader_that_stops_reading_is_a_quiet_end(
    library_root: Path, cli: Cli, command: list[str]
) -> None:
    for n in range(3000):  # more than a pipe holds, so the command is still writing
        article(library_root, f"{n}.md", f"Harbour {n}", "2020-01-01", "S", "The harbour.")
    assert cli("index", "--library", str(library_root)).returncode == 0
    result = run_into_head(*command, "--library", str(library_root))
    assert (result.returncode, result.stderr.decode()) == (0, "")


class GoneReader(io.StringIO):
    """Standard output whose reader has gone."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["list", "--help"]])
def test_help_into_a_closed_pipe_is_a_quiet_end(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", GoneReader())
    try:
        status = entry.main(argv)
    except SystemExit as exc:  # argparse's --help ends so
        status = exc.code if isinstance(exc.code, int) else 1
    assert status == 0
    assert capsys.readouterr().err == ""


@pytest.fixture
def highlighted(library: Path) -> Path:
    """One highlight in each of two articles."""
    opened = Library(library)
    try:
        opened.refresh()
        for name in ("a.md", "b.md"):
            row = opened.catalog.row_by_path(name)
            assert row is not None
            parsed = parse_file(library, name)
            text = reading_text(parsed)
            start = text.index("harbour")
            note = f"note on {name}"
            opened.userdata.save(
                create(row.id, text, start, start + 7, "blue", note, parsed.fingerprint)
            )
    finally:
        opened.close()
    return library


def test_export_of_one_article_has_its_highlights_only(highlighted: Path, cli: Cli) -> None:
    result = cli("export", str(highlighted / "a.md"))
    assert result.returncode == 0, result.stderr
    assert "## Chapter 11" in result.stdout and "note on a.md" in result.stdout
    assert "note on b.md" not in result.stdout
    data = json.loads(cli("export", str(highlighted / "a.md"), "--format", "jsonld").stdout)
    assert data["total"] == 1 and data["label"] == "Highlights and notes: Chapter 11"
    assert data["first"]["items"][0]["target"]["source"] == "a.md"
    whole = json.loads(cli("export", str(highlighted), "--format", "jsonld").stdout)
    assert whole["total"] == 2 and whole["id"] != data["id"]


def test_export_of_one_article_to_a_file(highlighted: Path, tmp_path: Path, cli: Cli) -> None:
    output = tmp_path / "a.md"
    result = cli("export", str(highlighted / "b.md"), "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"Exported 1 highlight to {output}\n"
    assert "note on b.md" in output.read_text(encoding="utf-8")


def test_export_of_an_article_in_a_subfolder_finds_its_library(
    highlighted: Path, tmp_path: Path, cli: Cli
) -> None:
    """Its highlights are in the library it belongs to, not in a library of its folder."""
    (highlighted / "sub").mkdir()
    article(highlighted / "sub", "d.md", "Deep", "2002-02-02", "S", "The harbour deep down.")
    opened = Library(highlighted)
    try:
        opened.refresh()
        row = opened.catalog.row_by_path("sub/d.md")
        assert row is not None
        text = reading_text(parse_file(highlighted, "sub/d.md"))
        start = text.index("deep down")
        fingerprint = parse_file(highlighted, "sub/d.md").fingerprint
        opened.userdata.save(create(row.id, text, start, start + 9, "green", "", fingerprint))
    finally:
        opened.close()
    result = cli("export", str(highlighted / "sub" / "d.md"))
    assert result.returncode == 0, result.stderr
    assert "## Deep" in result.stdout and "> deep down" in result.stdout
