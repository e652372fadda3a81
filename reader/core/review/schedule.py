"""When a reviewed highlight comes back: a fixed ladder of intervals, nothing else.

Each answer moves a highlight on the ladder ``INTERVALS`` (days):

* **keep**: one step up, and back after that step's interval (a highlight never
  reviewed starts on the first step);
* **sooner**: one step down, and back after ``SOONER_DAYS`` whatever the step (the
  next keep climbs again from the lower step);
* **mastered**: never again (until the reader asks for it: :func:`restored`);
* **skip**: nothing changes; it is simply not asked again today.

Why a ladder and not a per-highlight ease (SM-2, as in Anki): a highlight is not a
flash card. There is no right or wrong answer to grade, so nothing to estimate a
memory's strength from; the reader only says "keep showing it", "more often" or
"enough". A ladder is predictable (the reader can tell when a kept highlight returns)
and cannot spiral into "ease hell" (Anki's repeated lapses that pin a card to short
intervals). Readwise's review is similarly coarse (a frequency per highlight, not a
model of memory).

Dates are local calendar dates (``datetime.date``): a day is the reader's day.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal, get_args

Answer = Literal["keep", "sooner", "mastered", "skip"]
ANSWERS: tuple[Answer, ...] = get_args(Answer)
# Roughly three times longer each step: a highlight kept every time comes back five
# times in its first three months, then twice a year, then once a year for ever.
INTERVALS: tuple[int, ...] = (1, 3, 7, 21, 60, 180, 365)
SOONER_DAYS = 1  # "sooner": back the next day
FIRST_STEP = 0  # where a never-reviewed highlight's first keep puts it
LOWEST_STEP = -1  # below the first: reached by "sooner", the next keep lands on step 0


@dataclass(frozen=True)
class ReviewRecord:
    """Where one highlight is on the ladder."""

    step: int  # index into INTERVALS (LOWEST_STEP: below the first)
    due: date  # the day it is to be shown again (meaningless once mastered)
    reviews: int = 0  # how many answers moved it (skips do not)
    last: date | None = None  # the day of its last answer that moved it
    mastered: bool = False


def interval(step: int) -> int:
    """Days until a highlight on ``step`` comes back after a keep."""
    return INTERVALS[max(0, min(step, len(INTERVALS) - 1))]


def next_record(record: ReviewRecord | None, answer: Answer, today: date) -> ReviewRecord | None:
    """The record after ``answer`` on ``today`` (None: still never reviewed, for a skip)."""
    if answer == "skip":
        return record
    reviews = (record.reviews if record else 0) + 1
    if answer == "mastered":
        step = record.step if record else FIRST_STEP
        return ReviewRecord(step, today, reviews, today, mastered=True)
    if answer == "keep":
        step = min(record.step + 1, len(INTERVALS) - 1) if record else FIRST_STEP
        return ReviewRecord(step, today + timedelta(days=interval(step)), reviews, today)
    if answer == "sooner":
        step = max(record.step - 1, LOWEST_STEP) if record else LOWEST_STEP
        return ReviewRecord(step, today + timedelta(days=SOONER_DAYS), reviews, today)
    raise ValueError(f"not an answer: {answer!r}")


def restored(record: ReviewRecord, today: date) -> ReviewRecord:
    """A mastered highlight back in the review: due today, on the step it had."""
    return replace(record, mastered=False, due=today)
