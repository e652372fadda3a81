"""Each day's review: drawn once, kept, answered one highlight at a time.

A day's list (table ``review_days``) is drawn the first time it is asked for and is
then fixed: asked again that day it is the same list, the answered ones marked, so a
review left half-done continues where it was left. It grows only when more are asked
for (a larger ``limit``): the new ones are drawn from those not yet shown that day. A
highlight is in a day's lists at most once, whatever the limits asked for (a tag, an
article, a colour): each limit has its own list, and no highlight is in two.

What is drawn: highlights due (overdue first), and highlights never reviewed, oldest
first, for at least ``NEW_SHARE`` of the places (so an old library's backlog comes
back a few at a time, without crowding out what is due). Never drawn: a highlight
deleted, mastered, of an article no longer in the library, or with no text left. An
orphan (not placed in the article's current text) keeps its quote, and may be drawn.

Every answer is one transaction: the record and the day's mark together.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from reader.core.annotations.userdata import UserData, UserDataError
from reader.core.review import records
from reader.core.review.schedule import (
    ANSWERS,
    Answer,
    ReviewRecord,
    next_record,
    restored,
)

DAILY_SIZE = 5  # highlights offered a day, unless the reader sets another number
NEW_SHARE = 0.4  # of a day's places, kept for never-reviewed highlights when there are any
ASKED = "asked"  # the list of a day's answers to highlights not drawn that day


@dataclass(frozen=True)
class ReviewItem:
    """One highlight of a day's review, with what the reader needs to recognise it."""

    annotation_id: str
    quote: str
    note: str
    color: str
    tags: tuple[str, ...]
    article_id: int
    path: str  # relative to the library
    title: str
    source: str
    date: str | None  # the article's date, as catalogued
    due: dt.date | None  # the day it was due (None: never reviewed before)
    answered: Answer | None  # today's answer, if any

    @property
    def new(self) -> bool:
        return self.due is None


@dataclass(frozen=True)
class ReviewProgress:
    left: int  # drawn today and not answered yet
    done: int  # answered today
    # Days in a row the review was opened and every highlight drawn answered (an empty
    # list is done by opening it), up to today, or yesterday while today is not done.
    streak: int


class ReviewDeck:
    """The daily review of one library, over its :class:`UserData` (cheap to make)."""

    def __init__(self, userdata: UserData) -> None:
        self.userdata = userdata

    def items(
        self,
        today: date,
        limit: int = DAILY_SIZE,
        tag: str | None = None,
        article_id: int | None = None,
        color: str | None = None,
    ) -> list[ReviewItem]:
        """The day's list for these limits, drawn now if it was not yet (see the module).

        A read-only library draws it without keeping it (the same draw, since nothing
        changes until an answer, which it refuses).
        """
        scope = _scope(tag, article_id, color)
        day = today.isoformat()
        if self.userdata.read_only:
            db = self.userdata.reading()
            kept = _items(db, day, scope)
            return kept + _draw(db, day, limit - len(kept), tag, article_id, color)
        with self.userdata.writing() as db:
            db.execute("INSERT OR IGNORE INTO review_visits (day) VALUES (?)", (day,))
            kept = _items(db, day, scope)
            if len(kept) < limit:
                drawn = _draw(db, day, limit - len(kept), tag, article_id, color)
                rank = db.execute(
                    "SELECT coalesce(max(rank), 0) FROM review_days WHERE day=? AND scope=?",
                    (day, scope),
                ).fetchone()[0]
                db.executemany(
                    "INSERT INTO review_days (day, annotation_id, scope, rank) VALUES (?,?,?,?)",
                    [(day, item.annotation_id, scope, rank + n) for n, item in enumerate(drawn, 1)],
                )
                kept += drawn
        return kept

    def answer(self, annotation_id: str, answer: Answer, today: date) -> None:
        """Record ``answer`` for a highlight on ``today``: its next record and the day's
        mark, in one transaction. Answering again the same day replaces the answer (the
        schedule starts again from the record the day's first answer replaced).
        KeyError: no such highlight."""
        if answer not in ANSWERS:
            raise ValueError(f"not an answer: {answer!r}")
        day = today.isoformat()
        with self.userdata.writing() as db:
            if not db.execute("SELECT 1 FROM annotations WHERE id=?", (annotation_id,)).fetchone():
                raise KeyError(annotation_id)
            row = db.execute(
                "SELECT answer, before FROM review_days WHERE day=? AND annotation_id=?",
                (day, annotation_id),
            ).fetchone()
            if row is not None and row[0] is not None:
                before = records.from_json(json.loads(row[1]))
            else:
                before = records.load(db, annotation_id)
            records.store(db, annotation_id, next_record(before, answer, today))
            saved = json.dumps(records.to_json(before) if before else None)
            if row is None:
                rank = _next_rank(db, day, ASKED)
                db.execute(
                    "INSERT INTO review_days (day, annotation_id, scope, rank, answer, before)"
                    " VALUES (?,?,?,?,?,?)",
                    (day, annotation_id, ASKED, rank, answer, saved),
                )
            else:
                db.execute(
                    "UPDATE review_days SET answer=?, before=? WHERE day=? AND annotation_id=?",
                    (answer, saved, day, annotation_id),
                )

    def take_back(self, annotation_id: str, today: date) -> None:
        """Undo today's answer: the record it replaced, the highlight unanswered again."""
        day = today.isoformat()
        with self.userdata.writing() as db:
            row = db.execute(
                "SELECT answer, before FROM review_days WHERE day=? AND annotation_id=?",
                (day, annotation_id),
            ).fetchone()
            if row is None or row[0] is None:
                return
            records.store(db, annotation_id, records.from_json(json.loads(row[1])))
            db.execute(
                "UPDATE review_days SET answer=NULL, before=NULL WHERE day=? AND annotation_id=?",
                (day, annotation_id),
            )

    def restore(self, annotation_id: str, today: date) -> bool:
        """A mastered highlight back in the review, due ``today``; False if it was not."""
        with self.userdata.writing() as db:
            record = records.load(db, annotation_id)
            if record is None or not record.mastered:
                return False
            records.store(db, annotation_id, restored(record, today))
        return True

    def import_records(self, found: Mapping[str, ReviewRecord]) -> int:
        """Records read from an import, for highlights that have none; returns how many."""
        with self.userdata.writing() as db:
            known = set(records.load_all(db))
            fresh = [(i, record) for i, record in found.items() if i not in known]
            records.store_all(db, fresh)
        return len(fresh)

    def record(self, annotation_id: str) -> ReviewRecord | None:
        return records.load(self.userdata.reading(), annotation_id)

    def progress(self, today: date) -> ReviewProgress:
        """How far today's review is, and the streak (see :class:`ReviewProgress`)."""
        db = self.userdata.reading()
        counts = {row[0]: (0, 0) for row in db.execute("SELECT day FROM review_visits")}
        for day, left, total in db.execute(
            "SELECT d.day, sum(d.answer IS NULL), count(*) FROM review_days d"
            " JOIN annotations a ON a.id = d.annotation_id JOIN articles c ON c.id = a.article_id"
            " WHERE trim(a.exact) != '' GROUP BY d.day"
        ):
            counts[day] = (int(left), int(total))
        left, total = counts.get(today.isoformat(), (0, 0))
        day = today if today.isoformat() in counts and not left else today - timedelta(days=1)
        streak = 0
        while (found := counts.get(day.isoformat())) is not None and found[0] == 0:
            streak += 1
            day -= timedelta(days=1)
        return ReviewProgress(left, total - left, streak)


def _scope(tag: str | None, article_id: int | None, color: str | None) -> str:
    """The key of a day's list: which limits it was drawn with ("" for none)."""
    parts = [("tag", tag.casefold() if tag else None), ("article", article_id), ("color", color)]
    return (
        json.dumps({key: value for key, value in parts if value is not None})
        if any(value is not None for _, value in parts)
        else ""
    )


def _next_rank(db: sqlite3.Connection, day: str, scope: str) -> int:
    row = db.execute(
        "SELECT coalesce(max(rank), 0) + 1 FROM review_days WHERE day=? AND scope=?", (day, scope)
    ).fetchone()
    return int(row[0])


_ITEM_COLUMNS = (
    "a.id, a.exact, a.note, a.color, a.tags, a.article_id, c.path, c.title, c.source, c.date,"
    f" a.created, {', '.join('r.' + name.strip() for name in records.RECORD_COLUMNS.split(','))}"
)
_ITEM_FROM = (
    "FROM annotations a JOIN articles c ON c.id = a.article_id"
    " LEFT JOIN review r ON r.annotation_id = a.id"
)


def _items(db: sqlite3.Connection, day: str, scope: str) -> list[ReviewItem]:
    """The day's kept list for ``scope``, in its order, without what is gone since."""
    cursor = db.execute(
        f"SELECT {_ITEM_COLUMNS}, d.answer, d.before FROM review_days d"
        f" JOIN annotations a ON a.id = d.annotation_id JOIN articles c ON c.id = a.article_id"
        " LEFT JOIN review r ON r.annotation_id = a.id"
        " WHERE d.day=? AND d.scope=? AND trim(a.exact) != '' ORDER BY d.rank",
        (day, scope),
    )
    found = []
    for *values, answer, before in cursor:
        record = records.record_from_row(tuple(values[11:]))
        if answer is not None:  # shown as it was drawn: due as before the answer
            record = records.from_json(json.loads(before)) if before else None
        found.append(_item(values, record, answer if answer in ANSWERS else None))
    return found


def _draw(
    db: sqlite3.Connection,
    day: str,
    limit: int,
    tag: str | None,
    article_id: int | None,
    color: str | None,
) -> list[ReviewItem]:
    """Up to ``limit`` more for ``day``: the due ones first (most overdue first), and
    never-reviewed ones (oldest first) for at least ``NEW_SHARE`` of the places."""
    if limit <= 0:
        return []
    where = [
        "trim(a.exact) != ''",
        "a.id NOT IN (SELECT annotation_id FROM review_days WHERE day = :day)",
    ]
    if color is not None:
        where.append("a.color = :color")
    if article_id is not None:
        where.append("a.article_id = :article")
    if tag:
        folded = tag.casefold()
        db.create_function(
            "review_tagged", 1, lambda tags: folded in _folded(tags), deterministic=True
        )
        where.append(
            "(review_tagged(a.tags) OR a.article_id IN"
            " (SELECT article_id FROM user_tags WHERE tag = :tag COLLATE NOCASE))"
        )
    found = " AND ".join(where)
    values = {"day": day, "color": color, "article": article_id, "tag": tag, "limit": limit}
    due = db.execute(
        f"SELECT {_ITEM_COLUMNS} {_ITEM_FROM} WHERE r.mastered = 0 AND r.due <= :day"
        f" AND {found} ORDER BY r.due, a.created, a.id LIMIT :limit",
        values,
    ).fetchall()
    new = db.execute(
        f"SELECT {_ITEM_COLUMNS} {_ITEM_FROM}"
        " WHERE a.id NOT IN (SELECT annotation_id FROM review)"  # tested before any join
        f" AND {found} ORDER BY a.created, a.id LIMIT :limit",
        values,
    ).fetchall()
    new_places = min(len(new), max(1, math.ceil(limit * NEW_SHARE)))
    taken_due = due[: limit - new_places]
    taken_new = new[: limit - len(taken_due)]
    return [
        _item(row, records.record_from_row(tuple(row[11:])), None) for row in taken_due + taken_new
    ]


def _folded(tags: str) -> set[str]:
    return {tag.casefold() for tag in _tag_list(tags)}


def _item(
    values: list[Any] | tuple[Any, ...], record: ReviewRecord | None, answer: Any
) -> ReviewItem:
    (annotation_id, quote, note, color, tags, article_id, path, title, source, day) = values[:10]
    return ReviewItem(
        annotation_id, quote, note, color, _tag_list(tags), article_id, path,
        title, source, day, record.due if record else None, answer,
    )  # fmt: skip


def _tag_list(tags: str) -> tuple[str, ...]:
    try:
        found = json.loads(tags)
    except ValueError:
        return ()
    return tuple(tag for tag in found if isinstance(tag, str)) if isinstance(found, list) else ()


__all__ = ["DAILY_SIZE", "ReviewDeck", "ReviewItem", "ReviewProgress", "UserDataError"]
