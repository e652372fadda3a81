"""Hostile and unlucky article files: one bad file is that file's error, every other file is
still read, and nothing runs away."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core import limits
from reader.core.articles.formats import parse_bytes, parse_file
from reader.core.articles.names import article_rel, display_stem, os_path, os_rel
from reader.core.articles.scanning import scan_folder, walk
from reader.core.library.library import Library

OpenLibrary = Callable[[Path], Library]


def md(front: str, body: str = "Body text.") -> bytes:
    return f"---\n{front}\n---\n{body}\n".encode()


BAD_FRONT_MATTER = {
    "impossible date": "title: T\ndate: 2023-02-30",
    "year zero": "title: T\ndate: 0000-01-01",
    "impossible time": "title: T\ndate: 2023-01-01 25:99:99",
    "impossible time alone": "title: T\ntime: 2023-01-01T25:99:99Z",
    "self-referencing alias": "title: &a [*a]",
    "nested brackets": "title: " + "[" * 5000,
    "nested mappings": "title:\n" + "".join("  " * i + f"k{i}:\n" for i in range(200)),
    "alias bomb": "a: &a [x,x,x,x,x,x,x,x,x]\n"
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    + "title: *i",
    "huge int": "title: T\nn: " + "9" * 20_000,
    "binary": "title: !!binary aGVsbG8=",
    "python object": "title: !!python/object/apply:os.system ['true']",
    "mapping title": "title: {a: 1}",
    "set": "title: !!set {a, b}",
}


@pytest.mark.parametrize("front", BAD_FRONT_MATTER.values(), ids=BAD_FRONT_MATTER.keys())
def test_bad_front_matter_never_raises_and_stays_small(front: str) -> None:
    started = time.perf_counter()
    article = parse_bytes("bad.md", md(front))
    assert time.perf_counter() - started < 2
    assert len(article.title) <= limits.MAX_FIELD_CHARS
    assert article.error is None or "\n" not in article.error
    assert article.date in (None, "2023-01-01")  # a valid day before a bad time is kept


def test_aliases_and_depth_are_refused_with_a_reason() -> None:
    assert "alias" in (parse_bytes("a.md", md(BAD_FRONT_MATTER["alias bomb"])).error or "")
    deep = parse_bytes("a.md", md(BAD_FRONT_MATTER["nested brackets"]))
    assert "nested too deep" in (deep.error or "")
    assert deep.title == "a"


def test_front_matter_size_is_limited() -> None:
    big = "title: T\n" + "x: y\n" * (limits.MAX_FRONT_MATTER_CHARS // 5)
    assert "too large" in (parse_bytes("a.md", md(big)).error or "")


def test_fields_are_cut_to_their_limits() -> None:
    front = f"title: {'t' * 5000}\nsource: {'s' * 5000}\ntags: [{', '.join(['x' * 120] * 150)}]"
    article = parse_bytes("a.md", md(front))
    assert article.error is None
    assert len(article.title) == len(article.source) == limits.MAX_FIELD_CHARS
    assert len(article.tags) == limits.MAX_TAGS
    assert all(len(tag) == limits.MAX_TAG_CHARS for tag in article.tags)
    for bad in ("2023-02-30", "0000-01-01"):
        assert parse_bytes("a.md", md(f"date: {bad}")).date is None
    long_heading = parse_bytes("b.md", ("# " + "h" * 5000 + "\n\ntext").encode())
    assert len(long_heading.title) == limits.MAX_FIELD_CHARS


def test_a_good_date_still_reads_and_odd_types_are_no_dates() -> None:
    assert parse_bytes("a.md", md("date: 2023-07-28")).date == "2023-07-28"
    assert parse_bytes("a.md", md("date: 1860")).date == "1860"
    for odd in ("yes", "no", "true", "[2023]", "{y: 2023}", "2023.5", "null"):
        assert parse_bytes("a.md", md(f"date: {odd}")).date is None, odd


def test_a_heading_full_of_blanks_parses_in_linear_time() -> None:
    started = time.perf_counter()
    article = parse_bytes("a.md", ("# a" + " " * 50_000 + "x\n\nbody").encode())
    assert time.perf_counter() - started < 1  # a backtracking title pattern is quadratic here
    assert article.title.startswith("a") and article.title.endswith("x")
    assert parse_bytes("a.md", b"# C# ##\n\nbody").title == "C#"


def test_unexpected_errors_become_the_files_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.core.articles import formats

    def explode(rel: str, text: str, summary: bool = True) -> None:
        raise RecursionError("maximum recursion depth exceeded\nwhile parsing")

    monkeypatch.setattr(formats, "_parse_markdown", explode)
    article = parse_bytes("a.md", b"# T\n\ntext")
    assert article.error is not None and "RecursionError" in article.error
    assert "\n" not in article.error


def test_one_bad_file_never_stops_the_refresh(tmp_path: Path, open_library: OpenLibrary) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    for name, front in BAD_FRONT_MATTER.items():
        (root / f"{name}.md").write_bytes(md(front))
    (root / "good.md").write_bytes(md("title: Good\ndate: 2023-07-28"))
    library = open_library(root)
    library.refresh()
    rows = {row.path: row for row in library.catalog.rows()}
    assert len(rows) == len(BAD_FRONT_MATTER) + 1
    assert rows["good.md"].title == "Good"


# --- names the OS gives that are not text (item 3) -------------------------------------

NAMES = ["café.txt", "caf\udce9.txt", "a\\b.md", "line\nbreak.md", "esc\x1b[2J.md", "\u202etxt.md"]


@pytest.mark.parametrize("name", NAMES)
def test_article_paths_are_valid_utf8_and_map_back(name: str) -> None:
    rel = article_rel(f"dir\udcff/{name}")
    rel.encode("utf-8")  # never raises: storable in SQLite, Whoosh, JSON
    assert rel.isprintable()
    assert os_rel(rel) == f"dir\udcff/{name}"


def test_ordinary_names_are_their_own_article_path() -> None:
    assert article_rel("dossier/Été 2023 — notes.md") == "dossier/Été 2023 — notes.md"
    assert os_rel("caf\\xe9.txt") == "caf\udce9.txt"
    assert os_rel("old\\name.md") == "old\\name.md"  # a stray backslash stays
    assert display_stem("caf\\xe9.txt") == "café"


@pytest.mark.skipif(os.name != "posix", reason="POSIX names are bytes")
def test_latin1_names_are_listed_read_and_catalogued(
    tmp_path: Path, open_library: OpenLibrary
) -> None:
    root = tmp_path / "lib"
    (root / os.fsdecode(b"vieux \xe9t\xe9")).mkdir(parents=True)
    (root / os.fsdecode(b"caf\xe9.txt")).write_bytes(b"Un caf\xe9\n\nBien chaud.")
    (root / os.fsdecode(b"vieux \xe9t\xe9/ann\xe9e.md")).write_bytes(b"Pas de titre ici.")
    (root / "good.md").write_text("# Good\n\nText.", encoding="utf-8")
    found = dict(walk(root, "", []))
    assert set(found) == {"caf\\xe9.txt", "vieux \\xe9t\\xe9/ann\\xe9e.md", "good.md"}
    files, folders = scan_folder(root, "")
    assert set(files) == {"caf\\xe9.txt", "good.md"}
    assert folders == {"vieux \\xe9t\\xe9"}
    assert os_path(root, next(iter(folders))).is_dir()
    article = parse_file(root, "caf\\xe9.txt")
    assert (article.error, article.title) == (None, "Un café")
    assert parse_file(root, "vieux \\xe9t\\xe9/ann\\xe9e.md").title == "année"
    library = open_library(root)
    library.refresh()
    assert sorted(row.path for row in library.catalog.rows()) == sorted(found)


# --- the app's own data folder (item 17) ----------------------------------------------


def test_the_data_home_inside_the_library_is_never_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "lib"
    home = root / "reader-data"
    monkeypatch.setenv("ARTICLE_READER_HOME", str(home))
    (home / "libraries" / "x").mkdir(parents=True)
    (home / "libraries" / "x" / "library-path.txt").write_text("/somewhere\n")
    (home / "notes.md").write_text("# Not an article\n")
    (root / "a.md").write_text("# A\n")
    assert [rel for rel, _ in walk(root, "", [])] == ["a.md"]
    library = Library(root)
    try:
        library.refresh()
        assert [row.path for row in library.catalog.rows()] == ["a.md"]
        library.refresh()  # its own writes (catalog, index) are not seen as articles
        assert [row.path for row in library.catalog.rows()] == ["a.md"]
    finally:
        library.close()


def test_another_librarys_data_folder_is_never_listed(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    data = root / "sub" / "data"
    (data / "index").mkdir(parents=True)
    (data / "catalog.sqlite3").write_bytes(b"")
    (data / "library-path.txt").write_text("/x\n")
    (root / "sub" / "b.txt").write_text("B\n\ntext")
    assert [rel for rel, _ in walk(root, "", [])] == ["sub/b.txt"]
    assert scan_folder(data, "sub/data/") == ({}, set())


# --- mixed encodings (item 18) --------------------------------------------------------


def test_a_utf8_title_over_a_latin1_body_reads_as_written() -> None:
    data = "Café crème à Noël\n\n".encode() + "Un été déjà très chaud, “dit-il”.".encode("cp1252")
    article = parse_bytes("mixed.txt", data)
    assert article.title == "Café crème à Noël"
    assert article.excerpt == "Un été déjà très chaud, “dit-il”."
    latin_title = "Un été à Noël\n\n".encode("cp1252") + "Le café crème.".encode()
    assert parse_bytes("m2.txt", latin_title).title == "Un été à Noël"
    assert parse_bytes("w.txt", "L’armée\n\nÉté".encode("cp1252")).encoding == "cp1252"
