"""Search over the reader's own data: is:starred, is:unread, tag:, has:notes, in:notes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.annotations.annotating import create
from reader.core.annotations.reading_text import reading_text
from reader.core.articles.formats import parse_file
from reader.core.library.library import Library
from reader.core.search.user_filters import UserFilters

ARTICLES = {
    "mali.txt": "Le Mali renforce sa sécurité\n\nL'aide de Moscou a été précieuse.\n",
    "harbour.md": "---\ntitle: The harbour\nlang: en\ntags: [sea]\n---\n\nBoats left at dawn.\n",
    "garden.txt": "Jardins partagés\n\nLes jardins gagnent du terrain.\n",
}


@pytest.fixture
def library(library_root: Path, open_library: Callable[[Path], Library]) -> Library:
    for name, text in ARTICLES.items():
        (library_root / name).write_text(text, encoding="utf-8")
    library = open_library(library_root)
    library.refresh()
    return library


def ids(library: Library, *paths: str) -> set[int]:
    return {library.catalog.row_by_path(path).id for path in paths}  # type: ignore[union-attr]


def found(library: Library, query: str) -> set[int]:
    return {hit.id for hit in library.index.query(query, user=UserFilters(library.userdata)).hits}


def annotate(library: Library, path: str, words: str, note: str = "") -> None:
    article = parse_file(library.root, path)
    text = reading_text(article)
    start = text.index(words)
    [article_id] = ids(library, path)
    library.userdata.save(
        create(article_id, text, start, start + len(words), "yellow", note, article.fingerprint)
    )


def test_is_starred_and_is_unread_follow_the_reader_at_once(library: Library) -> None:
    library.userdata.set_starred(ids(library, "mali.txt"), True)
    library.userdata.set_read(ids(library, "mali.txt", "garden.txt"), True)
    assert found(library, "is:starred") == ids(library, "mali.txt")
    assert found(library, "is:unread") == ids(library, "harbour.md")
    assert found(library, "is:read jardins") == ids(library, "garden.txt")
    assert found(library, "NOT is:starred") == ids(library, "harbour.md", "garden.txt")


def test_tags_from_the_app_and_from_the_file_both_match(library: Library) -> None:
    library.userdata.add_tag(ids(library, "garden.txt"), "Sea")
    assert found(library, "tag:sea") == ids(library, "harbour.md", "garden.txt")


def test_has_notes_and_in_notes(library: Library) -> None:
    annotate(library, "mali.txt", "L'aide de Moscou", note="Vérifier les chiffres")
    annotate(library, "garden.txt", "gagnent du terrain")
    assert found(library, "has:notes") == ids(library, "mali.txt")
    assert found(library, "has:highlights") == ids(library, "mali.txt", "garden.txt")
    assert found(library, "in:notes chiffre") == ids(library, "mali.txt")  # stemmed
    assert found(library, "in:notes verifier") == ids(library, "mali.txt")  # accents folded
    assert found(library, "in:notes terrain") == ids(library, "garden.txt")  # the quote too
    assert found(library, "in:notes bateaux") == set()
    assert found(library, 'in:notes "vérifier les"') == ids(library, "mali.txt")


def test_a_note_edited_between_searches_is_found_by_its_new_words(library: Library) -> None:
    annotate(library, "mali.txt", "L'aide de Moscou", note="Vérifier les chiffres")
    assert found(library, "in:notes chiffres") == ids(library, "mali.txt")
    [highlight] = library.userdata.all_annotations()
    library.userdata.save(dataclasses.replace(highlight, note="Demander au ministère"))
    assert found(library, "in:notes chiffres") == set()
    assert found(library, "in:notes ministère") == ids(library, "mali.txt")
    annotate(library, "garden.txt", "gagnent du terrain", note="ministère aussi")
    assert found(library, "in:notes ministère") == ids(library, "mali.txt", "garden.txt")


def test_a_plain_search_finds_notes_and_says_which_matched(library: Library) -> None:
    annotate(library, "harbour.md", "Boats left at dawn", note="rappelle Saint-Malo")
    user = UserFilters(library.userdata)
    result = library.index.query("saint malo", user=user)
    assert {hit.id for hit in result.hits} == ids(library, "harbour.md")
    assert set(user.note_matches) == ids(library, "harbour.md")


def test_without_the_readers_data_those_clauses_match_nothing(library: Library) -> None:
    library.userdata.set_starred(ids(library, "mali.txt"), True)
    assert {hit.id for hit in library.index.query("is:starred").hits} == set()
