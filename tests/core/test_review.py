"""The daily review: a fixed list a day, answers that schedule, the streak."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from reader.core.annotations.anchoring import TextQuote
from reader.core.annotations.userdata import UserDataError
from reader.core.library.library import Library
from reader.core.review.daily import ReviewDeck
from reader.core.review.schedule import INTERVALS
from tests.core.review_helpers import highlight_all, sentences

LibraryOf = Callable[[Mapping[str, str]], Library]
DAY = date(2026, 3, 1)


def test_the_days_list_is_drawn_once_and_continues_where_it_was_left(
    library_of: LibraryOf,
) -> None:
    library = library_of({"notes.md": sentences(12)})
    made = highlight_all(library, "notes.md")
    deck = ReviewDeck(library.userdata)
    first = deck.items(DAY)
    assert [item.annotation_id for item in first] == [a.id for a in made[:5]]  # oldest first
    assert all(item.new and item.title == "Notes" for item in first)
    deck.answer(first[0].annotation_id, "keep", DAY)
    deck.answer(first[1].annotation_id, "skip", DAY)
    again = ReviewDeck(library.userdata).items(DAY)
    assert [item.annotation_id for item in again] == [item.annotation_id for item in first]
    assert [item.answered for item in again] == ["keep", "skip", None, None, None]
    progress = deck.progress(DAY)
    assert (progress.left, progress.done, progress.streak) == (3, 2, 0)


def test_more_asked_for_the_same_day_are_others(library_of: LibraryOf) -> None:
    library = library_of({"notes.md": sentences(12)})
    highlight_all(library, "notes.md")
    deck = ReviewDeck(library.userdata)
    five = deck.items(DAY)
    eight = deck.items(DAY, limit=8)
    assert eight[:5] == five and len({item.annotation_id for item in eight}) == 8


def test_a_kept_highlight_returns_after_its_interval(library_of: LibraryOf) -> None:
    library = library_of({"notes.md": sentences(1)})
    (only,) = highlight_all(library, "notes.md")
    deck = ReviewDeck(library.userdata)
    day = DAY
    for interval in INTERVALS[:4]:
        assert [item.annotation_id for item in deck.items(day)] == [only.id]
        deck.answer(only.id, "keep", day)
        for gap in range(1, interval):
            assert deck.items(day + timedelta(days=gap)) == []
        day += timedelta(days=interval)
        assert deck.items(day)[0].due == day


def test_mastered_never_returns_sooner_returns_tomorrow(library_of: LibraryOf) -> None:
    library = library_of({"notes.md": sentences(2)})
    first, second = highlight_all(library, "notes.md")
    deck = ReviewDeck(library.userdata)
    deck.items(DAY)
    deck.answer(first.id, "mastered", DAY)
    deck.answer(second.id, "sooner", DAY)
    tomorrow = DAY + timedelta(days=1)
    assert [item.annotation_id for item in deck.items(tomorrow)] == [second.id]
    for days in range(2, 400):
        assert first.id not in {i.annotation_id for i in deck.items(DAY + timedelta(days))}
    assert deck.restore(first.id, DAY + timedelta(days=400))


def test_the_streak_counts_finished_days_in_a_row(library_of: LibraryOf) -> None:
    library = library_of({"notes.md": sentences(30)})
    highlight_all(library, "notes.md")
    deck = ReviewDeck(library.userdata)
    for days in range(4):
        day = DAY + timedelta(days)
        for item in deck.items(day, limit=2):
            deck.answer(item.annotation_id, "keep", day)
    today = DAY + timedelta(days=4)
    assert deck.progress(today).streak == 4  # today not finished yet: yesterday counts
    deck.items(today, limit=2)
    assert deck.progress(today).left == 2
    assert deck.progress(today + timedelta(days=1)).streak == 0  # today left unfinished


def test_answering_again_the_same_day_replaces_the_answer(library_of: LibraryOf) -> None:
    library = library_of({"notes.md": sentences(1)})
    (only,) = highlight_all(library, "notes.md")
    deck = ReviewDeck(library.userdata)
    deck.items(DAY)
    deck.answer(only.id, "keep", DAY)
    deck.answer(only.id, "keep", DAY)
    record = deck.record(only.id)
    assert record is not None and record.reviews == 1 and record.step == 0
    deck.take_back(only.id, DAY)
    assert deck.record(only.id) is None
    assert deck.items(DAY)[0].answered is None


def test_limits_to_a_tag_an_article_or_a_colour(library_of: LibraryOf) -> None:
    library = library_of({"a.md": sentences(3), "b.md": sentences(3)})
    in_a = highlight_all(library, "a.md", color="blue", tags=("Work",))
    in_b = highlight_all(library, "b.md")
    deck = ReviewDeck(library.userdata)
    assert {i.annotation_id for i in deck.items(DAY, tag="work")} == {a.id for a in in_a}
    b_id = in_b[0].article_id
    assert {i.annotation_id for i in deck.items(DAY, article_id=b_id)} == {a.id for a in in_b}
    assert deck.items(DAY, color="blue") == []  # all shown today already
    assert deck.items(DAY + timedelta(days=1), color="green") == []


def test_deleted_and_gone_highlights_never_appear(library_of: LibraryOf) -> None:
    library = library_of({"a.md": sentences(3), "b.md": sentences(2)})
    in_a = highlight_all(library, "a.md")
    in_b = highlight_all(library, "b.md")
    library.userdata.delete(in_a[0].id)
    (library.root / "b.md").unlink()
    library.refresh()  # b's highlights are detached: no article to show them in
    deck = ReviewDeck(library.userdata)
    assert {i.annotation_id for i in deck.items(DAY, limit=10)} == {a.id for a in in_a[1:]}
    assert not {a.id for a in in_b} & {i.annotation_id for i in deck.items(DAY, limit=10)}


def test_a_backlog_comes_back_a_few_at_a_time_beside_what_is_due(library_of: LibraryOf) -> None:
    library = library_of({"notes.md": sentences(20)})
    made = highlight_all(library, "notes.md")
    deck = ReviewDeck(library.userdata)
    for item in deck.items(DAY, limit=10):
        deck.answer(item.annotation_id, "sooner", DAY)  # ten due tomorrow
    tomorrow = deck.items(DAY + timedelta(days=1))
    assert [item.new for item in tomorrow] == [False, False, False, True, True]
    assert [item.annotation_id for item in tomorrow if item.new] == [a.id for a in made[10:12]]


def test_an_orphan_keeps_its_quote_in_the_review_a_blank_one_never(
    library_of: LibraryOf,
) -> None:
    library = library_of({"notes.md": sentences(2)})
    first, second = highlight_all(library, "notes.md")
    blank = replace(second, selectors=replace(second.selectors, quote=TextQuote("  ")))
    library.userdata.save(replace(first, orphan=True), blank)
    assert [item.quote for item in ReviewDeck(library.userdata).items(DAY)] == [first.quote]


def test_a_read_only_library_shows_the_day_without_keeping_it(library_of: LibraryOf) -> None:
    library = library_of({"notes.md": sentences(3)})
    highlight_all(library, "notes.md")
    library.userdata.read_only = True
    deck = ReviewDeck(library.userdata)
    assert len(deck.items(DAY)) == 3
    with pytest.raises(UserDataError):
        deck.answer(deck.items(DAY)[0].annotation_id, "keep", DAY)


def test_a_day_with_nothing_due_keeps_the_streak(library_of: LibraryOf) -> None:
    library = library_of({"notes.md": sentences(1)})
    highlight_all(library, "notes.md")
    deck = ReviewDeck(library.userdata)
    for item in deck.items(DAY):
        deck.answer(item.annotation_id, "keep", DAY)  # back in a day, then in three
    for days in (1, 2, 3, 4):
        day = DAY + timedelta(days)
        for item in deck.items(day):
            deck.answer(item.annotation_id, "keep", day)
    assert deck.progress(DAY + timedelta(days=4)).streak == 5
    assert deck.progress(DAY + timedelta(days=6)).streak == 0  # a day not opened


def test_a_schema_5_catalog_gains_the_review_visits(
    library_of: LibraryOf, open_library: Callable[[Path], Library]
) -> None:
    """The review as first made, without its visits or indexes: migration 6 adds them."""
    library = library_of({"notes.md": sentences(2)})
    highlight_all(library, "notes.md")
    path, root = library.catalog.path, library.root
    library.close()
    db = sqlite3.connect(path)
    db.executescript(
        "DROP TABLE review_visits; DROP INDEX review_due; DROP INDEX annotations_created;"
        " PRAGMA user_version=5;"
    )
    db.close()
    reopened = open_library(root)
    deck = ReviewDeck(reopened.userdata)
    assert len(deck.items(DAY)) == 2
    assert deck.progress(DAY).left == 2
