"""The command line against hostile and unlucky input:
one line and status 2, never a traceback; nothing written over what is not a file;
no control sequence reaches the terminal; a damaged catalog is said, and salvaged."""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from running import Cli

from reader.core.annotations.annotating import create
from reader.core.annotations.reading_text import reading_text
from reader.core.catalog.paths import library_data_dir
from reader.core.library.library import Library
from reader.core.search.index import SearchIndex

ESC = "\x1b]0;pwned\x07\x1b[2J\x1b]52;c;cm0gLXJmIH4=\x07"


@pytest.fixture
def library(library_root: Path) -> Path:
    (library_root / "one.txt").write_text(
        "Les mers du Sud\n\nUn texte sur la navigation au long cours et les vents.\n",
        encoding="utf-8",
    )
    opened = Library(library_root)
    try:
        opened.refresh()
        [row] = opened.catalog.rows()
        text = reading_text(opened.read_article(row))
        start = text.index("navigation")
        opened.userdata.save(create(row.id, text, start, start + 10, "yellow", "une note"))
    finally:
        opened.close()
    return library_root


def one_line_error(result: object) -> str:
    assert result.returncode == 2, result  # type: ignore[attr-defined]
    lines = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1 and lines[0].startswith("article-reader: "), lines
    assert "Traceback" not in result.stderr  # type: ignore[attr-defined]
    return str(lines[0])


# --- 12: terminal escapes ---------------------------------------------------------------


def test_control_characters_are_escaped_on_the_terminal_not_in_json(
    library_root: Path, cli: Cli
) -> None:
    yaml_esc = ESC.replace("\x1b", "\\e").replace("\x07", "\\a")  # YAML's own escapes
    (library_root / "evil.md").write_text(
        f'---\ntitle: "T{yaml_esc}"\nsource: "S\\e[31m"\n---\n\nzqxevil words {ESC} here.\n',
        encoding="utf-8",
    )
    for args in (("list",), ("search", "zqxevil")):
        result = cli(*args, "--library", str(library_root))
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout
        assert "\\x1b]0;pwned\\x07" in result.stdout
    result = cli("list", "--library", str(library_root), "--json")
    [row] = json.loads(result.stdout)
    assert row["title"] == f"T{ESC}" and row["source"] == "S\x1b[31m"  # exact


# --- 11: export --output ----------------------------------------------------------------


def export_to(cli: Cli, library: Path, output: str) -> object:
    return cli("export", "--library", str(library), "--format", "jsonld", "--output", output)


def test_export_writes_through_a_symlink(library: Path, tmp_path: Path, cli: Cli) -> None:
    real = tmp_path / "real" / "notes.jsonld"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "link.jsonld"
    link.symlink_to(real)
    result = export_to(cli, library, str(link))
    assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]
    assert link.is_symlink() and link.resolve() == real
    assert json.loads(real.read_text(encoding="utf-8"))["total"] == 1
    assert real.stat().st_mode & 0o777 == 0o600
    dangling = tmp_path / "dangling.jsonld"
    dangling.symlink_to(tmp_path / "real" / "new.jsonld")
    assert export_to(cli, library, str(dangling)).returncode == 0  # type: ignore[attr-defined]
    assert dangling.is_symlink() and (tmp_path / "real" / "new.jsonld").is_file()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX")
def test_export_refuses_special_files(library: Path, tmp_path: Path, cli: Cli) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    link = tmp_path / "to-null"
    link.symlink_to("/dev/null")
    for target in (fifo, folder, Path("/dev/null"), link):
        line = one_line_error(export_to(cli, library, str(target)))
        assert "not a regular file" in line
    assert stat_is_fifo(fifo) and link.is_symlink() and Path("/dev/null").is_char_device()
    assert list(tmp_path.glob(".*.tmp")) == [] and list(folder.iterdir()) == []


def stat_is_fifo(path: Path) -> bool:
    return path.is_fifo()


def test_a_dash_is_standard_output(library: Path, cli: Cli) -> None:
    result = export_to(cli, library, "-")
    assert result.returncode == 0  # type: ignore[attr-defined]
    assert json.loads(result.stdout)["total"] == 1  # type: ignore[attr-defined]
    assert not (Path.cwd() / "-").exists()


# --- 14: one-line errors -----------------------------------------------------------------


def write_json(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def annotation(**target: object) -> dict[str, object]:
    return {"type": "Annotation", "target": {"source": "one.txt", **target}}


def test_json_nested_100000_deep(library: Path, tmp_path: Path, cli: Cli) -> None:
    deep = write_json(tmp_path / "deep.json", "[" * 100_000 + "]" * 100_000)
    assert "nested too deep" in one_line_error(cli("import", str(deep), "--library", str(library)))


@pytest.mark.parametrize("where", ["note", "id", "source", "exact"])
def test_a_lone_surrogate(library: Path, tmp_path: Path, cli: Cli, where: str) -> None:
    item = annotation(selector={"type": "TextQuoteSelector", "exact": "navigation"})
    bad = "\\ud800"
    text = json.dumps(item)
    if where == "note":
        text = text[:-1] + f', "bodyValue": "x{bad}"}}'
    elif where == "id":
        text = text[:-1] + f', "id": "urn:{bad}"}}'
    elif where == "source":
        text = text.replace('"one.txt"', f'"one{bad}.txt"')
    else:
        text = text.replace('"navigation"', f'"navi{bad}"')
    path = write_json(tmp_path / "bad.json", text)
    result = cli("import", str(path), "--library", str(library))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "valid Unicode" in result.stderr or "not in the library" in result.stderr
    assert "Imported 0 highlights" in result.stdout
    result.stderr.encode("utf-8")


def test_a_position_past_2_63(library: Path, tmp_path: Path, cli: Cli) -> None:
    huge = 2**63
    selectors = [
        {"type": "TextQuoteSelector", "exact": "absent words"},
        {"type": "TextPositionSelector", "start": huge, "end": huge + 5},
    ]
    path = write_json(tmp_path / "big.json", json.dumps([annotation(selector=selectors)]))
    result = cli("import", str(path), "--library", str(library))
    assert result.returncode == 0, result.stderr
    assert "1 could not be placed" in result.stdout
    only_position = annotation(selector=selectors[1])
    path = write_json(tmp_path / "big2.json", json.dumps(only_position))
    assert cli("import", str(path), "--library", str(library)).returncode == 1


def test_a_full_disk_during_index(library: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    (library / "two.txt").write_text("Deux\n\nUn autre texte.\n", encoding="utf-8")

    def full(*args: object, **kwargs: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(SearchIndex, "write", full)
    line = one_line_error(cli("index", "--library", str(library)))
    assert "No space left on device" in line


def test_a_sqlite_full_disk_during_index(
    library: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    (library / "two.txt").write_text("Deux\n\nUn autre texte.\n", encoding="utf-8")

    def full(*args: object, **kwargs: object) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("reader.core.catalog.store.Catalog.insert", full)
    assert "disk is full" in one_line_error(cli("index", "--library", str(library)))


def test_index_given_a_file(library: Path, cli: Cli) -> None:
    line = one_line_error(cli("index", "--library", str(library / "one.txt")))
    assert "not a folder" in line


# --- 9: a vanished library ----------------------------------------------------------------


def test_an_unmounted_library_keeps_its_catalog(library: Path, tmp_path: Path, cli: Cli) -> None:
    shutil.move(library / "one.txt", tmp_path / "one.txt")
    assert "empty or not mounted" in one_line_error(cli("index", "--library", str(library)))
    listed = cli("list", "--library", str(library))
    assert listed.returncode == 0 and "Les mers du Sud" in listed.stdout
    assert "empty or not mounted" in listed.stderr
    shutil.move(tmp_path / "one.txt", library / "one.txt")
    exported = cli("export", "--library", str(library), "--format", "jsonld")
    assert json.loads(exported.stdout)["total"] == 1


# --- 15: a damaged catalog ----------------------------------------------------------------


def damage(library: Path, how: str) -> Path:
    catalog = library_data_dir(library) / "catalog.sqlite3"
    for suffix in ("-wal", "-shm"):
        Path(f"{catalog}{suffix}").unlink(missing_ok=True)
    data = bytearray(catalog.read_bytes())
    if how == "header":
        data[:16] = b"not a database!!"
    else:  # garble pages past the first few: the schema still reads
        for page in range(4, len(data) // 4096):
            data[page * 4096 + 8 : page * 4096 + 40] = b"\xff" * 32
    catalog.write_bytes(bytes(data))
    return catalog


@pytest.mark.parametrize("command", [["list"], ["search", "vents"], ["index"], ["export"]])
def test_a_damaged_catalog_is_said_in_one_line(library: Path, cli: Cli, command: list[str]) -> None:
    damage(library, "header")
    extra = ["--format", "jsonld"] if command == ["export"] else []
    line = one_line_error(cli(*command, "--library", str(library), *extra))
    assert "catalog is damaged" in line and "--salvage" in line


def test_a_damaged_catalog_offers_its_backup(library: Path, cli: Cli) -> None:
    catalog = damage(library, "header")
    backup = catalog.with_name("catalog.sqlite3.v3.bak")
    backup.write_bytes(b"")
    line = one_line_error(cli("list", "--library", str(library)))
    assert str(backup) in line


def test_salvage_exports_what_can_be_read(library: Path, cli: Cli) -> None:
    damage(library, "header")
    result = cli("export", "--salvage", "--library", str(library), "--format", "jsonld")
    assert result.returncode == 2 and "nothing could be salvaged" in result.stderr
    # A catalog whose pages are damaged but whose highlights' page reads:
    (library_data_dir(library) / "catalog.sqlite3").unlink()
    opened = Library(library)
    opened.refresh()
    [row] = opened.catalog.rows()
    text = reading_text(opened.read_article(row))
    opened.userdata.save(create(row.id, text, 0, 3, "blue", "salvage me"))
    opened.close()
    result = cli("export", "--salvage", "--library", str(library), "--format", "jsonld")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)["first"]["items"]
    assert [item["body"][0]["value"] for item in items] == ["salvage me"]
    assert items[0]["target"]["source"] == "one.txt"
