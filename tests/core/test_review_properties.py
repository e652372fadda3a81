"""Property tests of the daily review over simulated years of answers.

The deck runs on a real catalog (durability is not what these test: its connections
skip the fsyncs, so years fit in seconds). A model kept beside it, from the same
pure schedule, says what is due each day; the properties are the reader's: no
highlight twice in a day, the day's size respected, a mastered or deleted highlight
never back, nothing shown before it is due, and, with room enough, everything due
shown on its day.
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.annotations.userdata import UserData
from reader.core.library.library import Library
from reader.core.review.daily import ReviewDeck
from reader.core.review.schedule import (
    ANSWERS,
    INTERVALS,
    SOONER_DAYS,
    Answer,
    ReviewRecord,
    interval,
    next_record,
)
from tests.core.review_helpers import highlight_all, sentences

START = date(2025, 12, 30)  # a year's end and a leap year within the simulated span


@pytest.fixture
def unsynced(monkeypatch: pytest.MonkeyPatch) -> None:
    connect = UserData._connect

    def fast(self: UserData) -> sqlite3.Connection:
        db = connect(self)
        db.execute("PRAGMA synchronous=OFF")
        return db

    monkeypatch.setattr(UserData, "_connect", fast)


@pytest.mark.slow
@settings(
    max_examples=12, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)  # fmt: skip
@given(
    count=st.integers(1, 14),
    limit=st.integers(1, 7),
    days=st.integers(200, 900),
    rng=st.randoms(use_true_random=False),
    weights=st.tuples(*(st.integers(0, 10) for _ in ANSWERS)).filter(any),
)
def test_years_of_reviews_keep_their_promises(
    unsynced: None, count: int, limit: int, days: int, rng: random.Random, weights: tuple[int, ...]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "notes.md").write_text(sentences(count), encoding="utf-8")
        library = Library(root)
        try:
            library.refresh()
            made = highlight_all(library, "notes.md")
            simulate(library, [a.id for a in made], limit, days, rng, weights)
        finally:
            library.close()


def simulate(
    library: Library,
    ids: list[str],
    limit: int,
    days: int,
    rng: random.Random,
    weights: tuple[int, ...],
) -> None:
    deck = ReviewDeck(library.userdata)
    model: dict[str, ReviewRecord | None] = dict.fromkeys(ids)
    mastered: set[str] = set()
    deleted: set[str] = set()
    roomy = limit >= len(ids)
    for offset in range(days):
        today = START + timedelta(days=offset)
        items = deck.items(today, limit)
        shown = [item.annotation_id for item in items]
        assert len(shown) <= limit
        assert len(set(shown)) == len(shown)  # never twice in a day
        assert not set(shown) & (mastered | deleted)
        for item in items:
            record = model[item.annotation_id]
            assert record is None or record.due <= today  # never before it is due
            assert item.due == (record.due if record else None)
        if roomy:
            due = {i for i, r in model.items() if r and not r.mastered and r.due <= today}
            assert due - deleted <= set(shown)  # back on the day it is due
            assert {i for i, r in model.items() if r is None} - deleted <= set(shown)
        assert deck.items(today, limit) == items  # the day's list is fixed
        for item in items:
            answer: Answer = rng.choices(ANSWERS, weights)[0]
            deck.answer(item.annotation_id, answer, today)
            model[item.annotation_id] = next_record(model[item.annotation_id], answer, today)
            if answer == "mastered":
                mastered.add(item.annotation_id)
        assert all(item.answered for item in deck.items(today, limit))
        progress = deck.progress(today)
        assert progress.left == 0 and progress.done == len(items)
        if rng.random() < 0.01 and len(deleted) < len(ids):
            gone = rng.choice(ids)
            library.userdata.delete(gone)
            deleted.add(gone)


@given(
    answers=st.lists(st.sampled_from(ANSWERS), max_size=40),
    gaps=st.lists(st.integers(0, 400), min_size=40, max_size=40),
)
def test_the_ladder(answers: list[Answer], gaps: list[int]) -> None:
    record: ReviewRecord | None = None
    today = START
    for answer, gap in zip(answers, gaps, strict=False):
        before = record
        record = next_record(record, answer, today)
        if answer == "skip":
            assert record == before
        elif answer == "mastered":
            assert record is not None and record.mastered
        elif answer == "sooner":
            assert record is not None and record.due == today + timedelta(days=SOONER_DAYS)
            assert record.step <= max(before.step if before else 0, 0)
        else:
            assert record is not None and not record.mastered
            assert record.due - today == timedelta(days=interval(record.step))
            if before is not None:
                assert interval(record.step) >= interval(before.step)  # keeps never shrink it
        if record is not None and answer != "skip":
            assert record.last == today and record.reviews == (before.reviews if before else 0) + 1
        today += timedelta(days=gap)


def test_kept_every_time_a_highlight_climbs_the_whole_ladder() -> None:
    record, today, waits = None, START, []
    for _ in range(len(INTERVALS) + 2):
        record = next_record(record, "keep", today)
        assert record is not None
        waits.append((record.due - today).days)
        today = record.due
    assert waits == [*INTERVALS, INTERVALS[-1], INTERVALS[-1]]
