"""Files that are empty, binary, oddly encoded, huge, vanishing, unreadable or hidden."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.articles import file_reading, formats
from reader.core.articles.formats import parse_bytes, parse_file
from reader.core.library.library import Library
from reader.core.search.schema import plain_text

OpenLibrary = Callable[[Path], Library]
Write = Callable[[Path, str], Path]


def listed(library: Library) -> list[str]:
    return sorted(row.path for row in library.catalog.rows())


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under root (symlinks not followed): its bytes and mtime."""
    found = {}
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder, name)
            if not path.is_symlink():
                found[str(path.relative_to(root))] = (path.read_bytes(), path.stat().st_mtime_ns)
    return found


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  \n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \r\n"])
def test_empty_file(data: bytes) -> None:
    article = parse_bytes("empty.txt", data)
    assert article.error == "empty file"
    assert article.title == "empty"


def test_binary_file_named_txt() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 200 + bytes(range(256))
    article = parse_bytes("photo.txt", png)
    assert article.error is not None
    assert "binary" in article.error
    assert article.title == "photo"


def test_windows_1252_file() -> None:
    text = "L’armée « Noël » coûte 5 €\r\n\r\nUn budget – déjà voté – pour l’hiver.\r\n"
    data = text.encode("cp1252")
    assert b"\x92" in data and b"\x80" in data  # the bytes Latin-1 gets wrong
    article = parse_bytes("noel.txt", data)
    assert article.error is None
    assert article.encoding == "cp1252"
    assert article.title == "L’armée « Noël » coûte 5 €"
    assert "pour l’hiver" in article.body


def test_latin_1_file() -> None:
    data = "Café à la française\n\nLe garçon a mangé une crêpe.\n".encode("latin-1")
    article = parse_bytes("cafe.txt", data)
    assert article.error is None
    assert article.title == "Café à la française"
    assert plain_text(article.body) == "Le garçon a mangé une crêpe."


def test_utf8_bom_is_not_part_of_the_title() -> None:
    data = "\ufeffÉté caniculaire\nPublié le 2 août 2022 | Météo\n\nIl fait chaud.\n"
    article = parse_bytes("ete.txt", data.encode("utf-8"))
    assert article.title == "Été caniculaire"
    assert article.date == "2022-08-02"


def test_utf16_file_with_bom() -> None:
    data = "Été\n\nIl fait chaud à Lyon.\n".encode("utf-16")
    article = parse_bytes("ete.txt", data)
    assert (article.error, article.title) == (None, "Été")
    assert plain_text(article.body) == "Il fait chaud à Lyon."


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends(newline: str) -> None:
    lines = ["Titre", "Publié le 3 mars 2021 | X", "", "Premier.", "", "Second", "suite."]
    article = parse_bytes("crlf.txt", newline.join(lines).encode())
    assert article.title == "Titre"
    assert article.date == "2021-03-03"
    assert article.body == "Premier\\.\n\nSecond suite\\."
    assert "\r" not in article.body


def test_huge_file_is_listed_with_an_error_without_being_read(
    library_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = library_root / "dump.txt"
    with huge.open("wb") as f:
        f.truncate(50 * 2**20)  # sparse: nothing is written
    assert huge.stat().st_size > formats.MAX_BYTES

    def no_reading(*args: object, **kwargs: object) -> bytes:
        raise AssertionError(f"{huge} was read")

    monkeypatch.setattr(file_reading, "open", no_reading, raising=False)  # as a builtin
    article = parse_file(library_root, "dump.txt")
    assert article.error is not None
    assert "too large" in article.error
    assert article.title == "dump"


def test_file_deleted_before_parsing(
    library_root: Path, open_library: OpenLibrary, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(FileNotFoundError):
        parse_file(library_root, "never-there.txt")

    write(library_root / "stays.txt", "Stays\n\nHere.\n")
    doomed = write(library_root / "doomed.txt", "Doomed\n\nGone soon.\n")
    real_scan = Library.scan

    def scan_then_delete(self: Library) -> dict[str, tuple[int, int]]:
        found = real_scan(self)
        doomed.unlink(missing_ok=True)  # deleted between the scan and the parse
        return found

    monkeypatch.setattr(Library, "scan", scan_then_delete)
    library = open_library(library_root)
    changes = library.refresh()
    assert len(changes.added) == 1
    assert listed(library) == ["stays.txt"]


def test_unreadable_file_chmod(library_root: Path, open_library: OpenLibrary, write: Write) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads any file; see the PermissionError test below")
    locked = write(library_root / "locked.txt", "Locked\n\nSecret.\n")
    locked.chmod(0)
    try:
        library = open_library(library_root)
        library.refresh()
        row = library.catalog.row_by_path("locked.txt")
        assert row is not None
        assert row.error is not None and "permission denied" in row.error
    finally:
        locked.chmod(0o644)


def test_unreadable_file_permission_error(
    library_root: Path, open_library: OpenLibrary, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(library_root / "locked.txt", "Locked\n\nSecret.\n")
    write(library_root / "open.txt", "Open\n\nPublic.\n")
    real_read = file_reading.read_now

    def read_now(path: Path, max_bytes: int) -> bytes:
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path, max_bytes)

    monkeypatch.setattr(file_reading, "read_now", read_now)
    library = open_library(library_root)
    library.refresh()
    locked = library.catalog.row_by_path("locked.txt")
    assert locked is not None
    assert locked.title == "locked"
    assert locked.error == "cannot read the file: permission denied"
    fine = library.catalog.row_by_path("open.txt")
    assert fine is not None and fine.error is None


def test_symlink_loop_is_walked_once(
    library_root: Path, open_library: OpenLibrary, write: Write
) -> None:
    write(library_root / "top.txt", "Top\n\nText.\n")
    write(library_root / "sub" / "deep.md", "# Deep\n\nText.\n")
    os.symlink(library_root, library_root / "loop")
    os.symlink(library_root, library_root / "sub" / "back-up")
    library = open_library(library_root)
    library.refresh()
    assert listed(library) == ["sub/deep.md", "top.txt"]


def test_hidden_temporary_and_other_files_are_not_listed(
    library_root: Path, open_library: OpenLibrary, write: Write
) -> None:
    for name in (".foo.swp", ".hidden.md", "notes.md~", "#draft.md#", "~$report.md", ".#lock.md"):
        write(library_root / name, "Junk\n\nNot an article.\n")
    write(library_root / ".git" / "README.md", "# Git\n")
    write(library_root / "photo.png", "not text")
    write(library_root / "notes.md", "# Notes\n\nReal.\n")
    write(library_root / "Story.TXT", "Story\n\nReal too.\n")
    library = open_library(library_root)
    library.refresh()
    assert listed(library) == ["Story.TXT", "notes.md"]


def test_refresh_never_changes_the_library_folder(
    library_root: Path, open_library: OpenLibrary, write: Write, data_home: Path
) -> None:
    write(library_root / "a.txt", "A\nPublié le 1er mai 2020 | X\n\nTexte.\n")
    write(library_root / "sub" / "b.md", "---\ntitle: B\n---\nBody.\n")
    (library_root / "empty.txt").write_bytes(b"")
    (library_root / "bin.txt").write_bytes(b"\x00\x01\x02")
    os.utime(library_root / "a.txt", ns=(1_000_000_000, 1_000_000_000))
    before = snapshot(library_root)
    library = open_library(library_root)
    library.refresh()
    assert snapshot(library_root) == before
    (library_root / "a.txt").rename(library_root / "sub" / "a.txt")
    moved = snapshot(library_root)
    library.refresh()
    library.close()
    open_library(library_root).refresh()
    assert snapshot(library_root) == moved
    assert sorted(before) == ["a.txt", "bin.txt", "empty.txt", "sub/b.md"]
    assert not library.data_dir.is_relative_to(library_root)
    assert library.data_dir.is_relative_to(data_home)
