"""Names the OS gives that are not text: a folder-scoped refresh of a folder with Latin-1
bytes in its name, a library whose own path holds such bytes, and a newline in a file name,
which never forges a line of ``list``."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.annotations.annotating import create
from reader.core.annotations.export import to_jsonld
from reader.core.annotations.reading_text import reading_text
from reader.core.catalog.paths import library_data_dir
from reader.core.library.library import Library

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX names are bytes")
OpenLibrary = Callable[[Path], Library]
LATIN1_FOLDER = os.fsdecode(b"vieux \xe9t\xe9")


def test_a_scoped_refresh_of_a_latin1_folder(library_root: Path, open_library: OpenLibrary) -> None:
    (library_root / "good.md").write_text("# Good\n\nText.", encoding="utf-8")
    library = open_library(library_root)
    library.refresh()
    folder = library_root / LATIN1_FOLDER
    (folder / os.fsdecode(b"d\xe9j\xe0")).mkdir(parents=True)
    (folder / os.fsdecode(b"caf\xe9.txt")).write_bytes(b"Un caf\xe9\n\nzqxcafe bien chaud.")
    (folder / os.fsdecode(b"d\xe9j\xe0/vu.txt")).write_bytes(b"D\xe9j\xe0 vu\n\nzqxdeja.")
    # The watcher saw the root change (a new subfolder), then the subfolder itself.
    changes = library.refresh(plan=library.plan([library_root]))
    assert len(changes.added) == 2
    paths = {row.path for row in library.catalog.rows()}
    assert paths == {
        "good.md",
        "vieux \\xe9t\\xe9/caf\\xe9.txt",
        "vieux \\xe9t\\xe9/d\\xe9j\\xe0/vu.txt",
    }
    (folder / os.fsdecode(b"caf\xe9.txt")).unlink()
    (folder / "new.txt").write_text("Nouveau\n\nzqxnouveau.", encoding="utf-8")
    changes = library.refresh(plan=library.plan([folder]))  # the folder itself: its own rel
    assert len(changes.added) == 1 and len(changes.removed) == 1
    assert [hit.id for hit in library.index.search("zqxnouveau")] == changes.added
    assert library.index.search("zqxdeja")  # the subfolder's article is still there


def test_a_library_whose_path_is_latin1(
    tmp_path: Path, open_library: OpenLibrary, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / os.fsdecode(b"biblioth\xe8que")
    root.mkdir()
    (root / "un.txt").write_text("Un\n\nPremier texte zqxun.", encoding="utf-8")
    data = library_data_dir(root)
    assert (data / "library-path.txt").read_bytes() == os.fsencode(root.resolve()) + b"\n"
    library = open_library(root)
    library.refresh()
    [row] = library.catalog.rows()
    text = reading_text(library.read_article(row))
    library.userdata.save(create(row.id, text, 0, 2, "yellow"))
    exported = json.dumps(to_jsonld(library), ensure_ascii=False)
    exported.encode("utf-8")  # storable: no lone surrogate
    assert '"source": "un.txt"' in exported
    library.close()
    for command in (["list"], ["search", "zqxun"], ["export", "--format", "jsonld"]):
        capsys.readouterr()
        assert main([*command, "--library", str(root)]) == 0, command
        out = capsys.readouterr().out
        out.encode("utf-8")
        assert "un.txt" in out or "Un" in out


def test_a_newline_in_a_name_never_forges_a_line_of_list(
    library_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (library_root / "one.txt").write_text("One\n\nText.", encoding="utf-8")
    forged = "x.txt)\n2099-01-01  Forged              Forged (forged.txt"
    (library_root / f"{forged}.txt").write_text("Two\n\nText.", encoding="utf-8")
    assert main(["list", "--library", str(library_root)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert not any(line.startswith("2099") for line in lines)
    assert main(["list", "--library", str(library_root), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert any(row["path"].startswith("x.txt)\\x0a2099") for row in rows)
