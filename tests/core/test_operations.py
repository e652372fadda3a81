"""The use cases the window and the command line share, without Qt: search and open."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from reader.core.annotations.annotating import create
from reader.core.library.library import Library
from reader.core.operations import (
    IndexDamaged,
    open_article,
    save_placements,
    search_library,
)
from reader.core.search.index import QueryError, QueryFailed

ARTICLES = {
    "mali.txt": (
        "Le Mali renforce sa sécurité\nPublié le vendredi 28 juillet 2023 | SpunikNews\n\n"
        "L’aide de Moscou a été précieuse au Mali pour mener sa lutte contre le terrorisme.\n"
    ),
    "opec.txt": (
        "Oil prices fall\nPublished on Thursday 26 February 1987 | Reuters\n\n"
        "Oil ministers failed to agree on new production quotas in Vienna on Thursday.\n"
    ),
    "cafe.md": "---\ntitle: A morning at the corner café\nlang: en\n---\n\nA croissant, please.\n",
}


@pytest.fixture
def library(library_root: Path, open_library: Callable[[Path], Library]) -> Library:
    for name, text in ARTICLES.items():
        (library_root / name).write_text(text, encoding="utf-8")
    library = open_library(library_root)
    library.refresh()
    return library


def _id(library: Library, path: str) -> int:
    row = library.catalog.row_by_path(path)
    assert row is not None
    return row.id


def _highlight(library: Library, path: str, words: str, note: str = "") -> None:
    opened = open_article(library, _id(library, path))
    start = opened.text.index(words)
    annotation = create(
        opened.id, opened.text, start, start + len(words), "yellow", note, opened.fingerprint
    )
    library.userdata.save(annotation)


def test_hits_come_with_their_rows_and_marked_snippets(library: Library) -> None:
    found = search_library(library, "quotas")
    assert [hit.row.path for hit in found.hits] == ["opec.txt"]
    assert found.total == 1 and not found.estimated and found.left_out == ()
    snippet = found.snippets[found.hits[0].id]
    assert snippet is not None
    assert [snippet.text[s:e] for s, e in snippet.spans] == ["quotas"]
    assert "<mark>quotas</mark>" in snippet.html()


def test_snippets_only_for_the_first_hits_asked(library: Library) -> None:
    found = search_library(library, "oil OR croissant OR mali", snippets=1)
    assert len(found.hits) == 3
    assert list(found.snippets) == [found.hits[0].id]


def test_a_hit_whose_file_went_has_no_snippet(library: Library) -> None:
    (library.root / "opec.txt").unlink()  # the catalog has not seen it go yet
    found = search_library(library, "quotas")
    assert found.snippets == {found.hits[0].id: None}


def test_words_in_a_note_find_the_article_and_say_how(library: Library) -> None:
    _highlight(library, "cafe.md", "A croissant", note="breakfast in Lyon")
    found = search_library(library, "lyon")
    cafe = _id(library, "cafe.md")
    assert [hit.id for hit in found.hits] == [cafe]
    assert found.notes[cafe] == "breakfast in Lyon"  # the note, where the word was found
    assert search_library(library, "croissant").notes[cafe] == "“A croissant”"


def test_user_filters_and_the_sort(library: Library) -> None:
    mali = _id(library, "mali.txt")
    library.userdata.set_starred([mali], True)
    assert [hit.id for hit in search_library(library, "is:starred").hits] == [mali]
    by_date = search_library(library, "oil OR mali", sort="date")
    assert [hit.row.path for hit in by_date.hits] == ["mali.txt", "opec.txt"]


def test_nothing_to_search_for_is_a_query_error(library: Library) -> None:
    with pytest.raises(QueryError):
        search_library(library, "   -- ")


def _damage(library: Library) -> None:
    postings = next(library.index.folder.glob("*.pst"))
    with postings.open("r+b") as file:
        file.truncate(postings.stat().st_size // 2)


def test_a_damaged_index_is_reported_or_rebuilt(library: Library) -> None:
    _damage(library)
    with pytest.raises(IndexDamaged):
        search_library(library, "mali")  # the window rebuilds on its writer lane
    told: list[str] = []
    found = search_library(library, "mali", rebuild=lambda: told.append("rebuilding"))
    assert told == ["rebuilding"] and found.rebuilt
    assert [hit.row.path for hit in found.hits] == ["mali.txt"]
    assert library.catalog.unindexed_ids() == []


def test_a_query_that_fails_is_never_taken_for_damage(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def too_deep(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    rebuilt: list[str] = []
    monkeypatch.setattr(library, "rebuild_index", lambda: rebuilt.append("rebuilt"))
    with monkeypatch.context() as patched:
        patched.setattr("whoosh.searching.Searcher.search_with_collector", too_deep)
        with pytest.raises(QueryFailed):
            search_library(library, "mali", rebuild=lambda: rebuilt.append("told"))
    assert rebuilt == []
    assert [hit.row.path for hit in search_library(library, "mali").hits] == ["mali.txt"]


def test_a_very_long_query_searches_what_it_can(library: Library) -> None:
    words = " ".join(f"word{n}" for n in range(1000))
    found = search_library(library, f"mali {words}")
    assert found.hits == []  # every word is required: the 31 kept ones match nothing
    assert any("at most 32 words" in line for line in found.left_out)
    assert [hit.row.path for hit in search_library(library, "mali").hits] == ["mali.txt"]


def test_open_renders_reads_and_anchors(library: Library) -> None:
    _highlight(library, "mali.txt", "lutte contre le terrorisme")
    opened = open_article(library, _id(library, "mali.txt"), "fr")
    assert "renforce sa sécurité" in opened.html
    assert "lutte contre le terrorisme" in opened.text
    assert "SpunikNews" in opened.byline
    [placed] = opened.anchored.placed
    assert opened.text[placed.start : placed.end] == "lutte contre le terrorisme"
    assert opened.to_save == ()  # nothing moved: nothing to save


def test_an_edit_is_re_anchored_and_saved_on_request(library: Library) -> None:
    _highlight(library, "mali.txt", "lutte contre le terrorisme")
    path = library.root / "mali.txt"
    path.write_text(path.read_text().replace("L’aide", "Selon Bamako, l’aide"))
    opened = open_article(library, library.catalog.rows_by_id([_id(library, "mali.txt")])[0])
    [placed] = opened.anchored.placed
    assert opened.text[placed.start : placed.end] == "lutte contre le terrorisme"
    assert len(opened.to_save) == 1
    [stored] = library.userdata.annotations(opened.id)
    assert stored.anchored_to != opened.fingerprint  # open_article writes nothing
    assert save_placements(library, opened)
    [stored] = library.userdata.annotations(opened.id)
    assert stored.anchored_to == opened.fingerprint


def test_an_article_gone_opens_empty(library: Library) -> None:
    mali = _id(library, "mali.txt")
    (library.root / "mali.txt").unlink()
    assert open_article(library, mali).html == ""
    assert open_article(library, 10_000).html == ""  # not catalogued at all


def test_search_reads_rows_from_any_thread(library: Library) -> None:
    with ThreadPoolExecutor(1) as pool:
        found = pool.submit(search_library, library, "quotas").result()
    assert [hit.row.path for hit in found.hits] == ["opec.txt"]
