"""A catalog that cannot be written opens read-only; a read-only refresh says it saved nothing.

The catalog or its folder is made unwritable as :mod:`tests.unwritable` says (for root
too, or the test is skipped).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.catalog.paths import library_data_dir
from reader.core.library.library import Library
from tests.unwritable import unwritable as made_unwritable

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
Unwritable = Callable[[Path], AbstractContextManager[None]]


@pytest.fixture
def unwritable() -> Unwritable:
    return made_unwritable


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_read_only_catalog_file_still_lists_searches_and_exports(
    library_root: Path, capsys: pytest.CaptureFixture[str], unwritable: Unwritable
) -> None:
    shutil.copy(SEEDS / "000_10d9d95bf921b5c7.txt", library_root / "mali.txt")
    assert run(capsys, "index", "--library", str(library_root))[0] == 0
    # A new file: listing must refresh, which writes, and the catalog refuses writes.
    shutil.copy(SEEDS / "welcome.md", library_root / "welcome.md")
    catalog = library_data_dir(library_root) / "catalog.sqlite3"
    before = catalog.read_bytes()
    with unwritable(catalog):
        code, out, err = run(capsys, "list", "--json", "--library", str(library_root))
        assert code == 0, err
        assert {row["path"] for row in json.loads(out)} >= {"mali.txt"}
        code, out, err = run(capsys, "search", "Bamako", "--json", "--library", str(library_root))
        assert code == 0 and [hit["path"] for hit in json.loads(out)] == ["mali.txt"], err
        code, out, err = run(
            capsys, "export", "--format", "markdown", "--library", str(library_root)
        )
        assert code == 0, err
        library = Library(library_root)
        try:
            assert library.read_only and "catalog cannot be written" in library.read_only_reason
        finally:
            library.close()
    assert catalog.read_bytes() == before  # not a byte written


def test_a_refresh_of_a_read_only_session_says_nothing_was_saved(
    library_root: Path, unwritable: Unwritable
) -> None:
    shutil.copy(SEEDS / "000_10d9d95bf921b5c7.txt", library_root / "mali.txt")
    Library(library_root).close()  # the data folder and its empty catalog
    data = library_data_dir(library_root)
    with unwritable(data):
        library = Library(library_root)
        try:
            changes = library.refresh()
        finally:
            library.close()
    assert len(changes.added) == 1  # the session lists it…
    assert "cannot be written" in changes.not_saved  # …and says it is not saved
    library = Library(library_root)
    try:
        assert library.catalog.count() == 0  # indeed: nothing was saved
        saved = library.refresh()
        assert len(saved.added) == 1 and not saved.not_saved
    finally:
        library.close()


def test_index_in_a_read_only_session_says_nothing_was_saved_and_fails(
    library_root: Path, unwritable: Unwritable, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(SEEDS / "000_10d9d95bf921b5c7.txt", library_root / "mali.txt")
    Library(library_root).close()
    with unwritable(library_data_dir(library_root)):
        status = main(["index", "--library", str(library_root)])
    err = capsys.readouterr().err
    assert status == 2
    assert "nothing was saved" in err and "added" not in err
