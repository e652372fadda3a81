"""A search of the reader's notes keeps to the query's time limit, however long they are."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core import operations
from reader.core.annotations.annotating import create
from reader.core.annotations.reading_text import reading_text
from reader.core.articles.formats import parse_file
from reader.core.library.library import Library
from reader.core.limits import MAX_NOTE_CHARS, QUERY_SECONDS

NOTES = 2000
VOCABULARY = [f"mot{number}x" for number in range(3000)]


@pytest.fixture
def library(library_root: Path, open_library: Callable[[Path], Library]) -> Library:
    (library_root / "mali.txt").write_text(
        "Le Mali renforce sa sécurité\n\nL'aide de Moscou a été précieuse.\n", encoding="utf-8"
    )
    library = open_library(library_root)
    library.refresh()
    return library


def _annotate(library: Library, notes: list[str]) -> None:
    article = parse_file(library.root, "mali.txt")
    text = reading_text(article)
    start = text.index("sécurité")
    row = library.catalog.row_by_path("mali.txt")
    assert row is not None
    for note in notes:
        library.userdata.save(
            create(row.id, text, start, start + 8, "yellow", note, article.fingerprint)
        )


@pytest.mark.slow
def test_thousands_of_long_notes_are_searched_within_the_time_limit(library: Library) -> None:
    notes = [
        " ".join(VOCABULARY[(n * 7 + k) % len(VOCABULARY)] for k in range(4000))
        for n in range(NOTES)
    ]  # about 30,000 characters each, 60 million in all
    _annotate(library, notes)
    started = time.monotonic()
    found = operations.search_library(library, "in:notes quokka", limit=50)
    elapsed = time.monotonic() - started
    assert elapsed < QUERY_SECONDS + 1.5, f"the note search took {elapsed:.1f} s"
    assert found.timed_out  # it stopped before the end: more may match, it says
    assert not found.hits


def test_a_ten_million_character_note_is_matched_on_its_start_and_shown_short(
    library: Library,
) -> None:
    note = "quokka " + "lorem ipsum dolor " * 560_000  # ten million characters
    _annotate(library, [note, "x " * (MAX_NOTE_CHARS // 2) + "wombat"])
    found = operations.search_library(library, "in:notes quokka", limit=50)
    assert [hit.row.path for hit in found.hits] == ["mali.txt"]
    [line] = found.notes.values()
    assert "quokka" in line and len(line) < 1000
    beyond = operations.search_library(library, "in:notes wombat", limit=50)  # past MAX_NOTE_CHARS
    assert not beyond.hits
