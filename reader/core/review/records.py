"""Review records in the catalog (table ``review``) and as JSON (the W3C export).

The JSON form is also what a day's list keeps of the record an answer replaced, so
answering again the same day (or taking the answer back) starts from it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import Any

from reader.core.review.schedule import INTERVALS, LOWEST_STEP, ReviewRecord

RECORD_COLUMNS = "step, due, reviews, last, mastered"


def record_from_row(values: tuple[Any, ...]) -> ReviewRecord | None:
    """A record from ``RECORD_COLUMNS`` (all NULL, from an outer join: None)."""
    step, due, reviews, last, mastered = values
    if step is None or due is None:
        return None
    return ReviewRecord(
        int(step), date.fromisoformat(due), int(reviews or 0),
        date.fromisoformat(last) if last else None, bool(mastered),
    )  # fmt: skip


def load(db: sqlite3.Connection, annotation_id: str) -> ReviewRecord | None:
    values = db.execute(
        f"SELECT {RECORD_COLUMNS} FROM review WHERE annotation_id=?", (annotation_id,)
    ).fetchone()
    return record_from_row(values) if values else None


def load_all(db: sqlite3.Connection) -> dict[str, ReviewRecord]:
    found = {}
    for annotation_id, *values in db.execute(f"SELECT annotation_id, {RECORD_COLUMNS} FROM review"):
        record = record_from_row(tuple(values))
        if record is not None:
            found[annotation_id] = record
    return found


def store(db: sqlite3.Connection, annotation_id: str, record: ReviewRecord | None) -> None:
    """Write (or, for None, remove) one highlight's record, in the caller's transaction."""
    if record is None:
        db.execute("DELETE FROM review WHERE annotation_id=?", (annotation_id,))
        return
    db.execute(
        f"INSERT OR REPLACE INTO review (annotation_id, {RECORD_COLUMNS}) VALUES (?,?,?,?,?,?)",
        (
            annotation_id, record.step, record.due.isoformat(), record.reviews,
            record.last.isoformat() if record.last else "", int(record.mastered),
        ),
    )  # fmt: skip


def store_all(db: sqlite3.Connection, records: Iterable[tuple[str, ReviewRecord]]) -> None:
    for annotation_id, record in records:
        store(db, annotation_id, record)


def to_json(record: ReviewRecord) -> dict[str, Any]:
    found: dict[str, Any] = {"step": record.step, "due": record.due.isoformat()}
    found["reviews"] = record.reviews
    if record.last is not None:
        found["last"] = record.last.isoformat()
    if record.mastered:
        found["mastered"] = True
    return found


def from_json(value: object) -> ReviewRecord | None:
    """A record from :func:`to_json`'s form; None for anything that is not one (an
    import reads files from anywhere: a bad record is dropped, the highlight kept)."""
    if not isinstance(value, dict):
        return None
    step, reviews = value.get("step"), value.get("reviews", 0)
    if not isinstance(step, int) or isinstance(step, bool):
        return None
    if not isinstance(reviews, int) or isinstance(reviews, bool) or reviews < 0:
        return None
    try:
        due = date.fromisoformat(str(value.get("due")))
        last = date.fromisoformat(value["last"]) if isinstance(value.get("last"), str) else None
    except ValueError:
        return None
    step = max(LOWEST_STEP, min(step, len(INTERVALS) - 1))
    return ReviewRecord(step, due, min(reviews, 2**31), last, value.get("mastered") is True)
