"""Highlights over an article's reading text: making them, and finding them again.

An annotation remembers the article's fingerprint it was last anchored on. When
the file changes (a new fingerprint), :func:`reanchor` places each annotation
again (position, exact quote, fuzzy quote: :mod:`reader.core.annotations.anchoring`) and
refreshes its selectors to the text it now covers; what cannot be placed is
marked an orphan and kept, with its original quote, for the reader to place by hand
(:func:`place_orphan`) or delete. Nothing here deletes an annotation.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from reader.core.annotations.anchoring import anchor, describe
from reader.core.annotations.userdata import Annotation, now
from reader.core.limits import ANCHOR_SECONDS


@dataclass(frozen=True)
class Placed:
    annotation: Annotation
    start: int  # offsets in the reading text, end exclusive
    end: int


@dataclass
class Anchored:
    placed: list[Placed] = field(default_factory=list)  # in reading order
    orphans: list[Annotation] = field(default_factory=list)
    changed: list[Annotation] = field(default_factory=list)  # to save
    out_of_time: int = 0  # orphans whose approximate search ran out of time


def create(
    article_id: int,
    text: str,
    start: int,
    end: int,
    color: str,
    note: str = "",
    fingerprint: str = "",
) -> Annotation:
    """A new highlight of ``text[start:end]`` (raises ValueError if empty)."""
    start, end = _trim(text, start, end)
    stamp = now()
    return Annotation(
        id=f"urn:uuid:{uuid.uuid4()}",
        article_id=article_id,
        selectors=describe(text, start, end),
        color=color,
        note=note,
        created=stamp,
        modified=stamp,
        anchored_to=fingerprint,
    )


def place_orphan(
    annotation: Annotation, text: str, start: int, end: int, fingerprint: str
) -> Annotation:
    """An orphan placed by hand on new text: its selectors now describe that text."""
    start, end = _trim(text, start, end)
    return replace(
        annotation,
        selectors=describe(text, start, end),
        orphan=False,
        anchored_to=fingerprint,
        modified=now(),
    )


def reanchor(
    annotations: Iterable[Annotation],
    text: str,
    fingerprint: str,
    *,
    until: float | None = None,
) -> Anchored:
    """Place each annotation on ``text``; each has ``ANCHOR_SECONDS`` (and all of them
    until ``until``, a ``time.monotonic()``) for the approximate search, past which it
    is an orphan (counted in ``out_of_time``), never lost."""
    result = Anchored()
    for annotation in annotations:
        if annotation.orphan and annotation.anchored_to == fingerprint:
            result.orphans.append(annotation)  # already failed on this very text
            continue
        deadline = time.monotonic() + ANCHOR_SECONDS
        deadline = deadline if until is None else min(deadline, until)
        placement = anchor(text, annotation.selectors, deadline)
        if placement is None:
            result.out_of_time += time.monotonic() > deadline
            marked = replace(annotation, orphan=True, anchored_to=fingerprint)
            result.orphans.append(marked)  # marked: not searched for again in this text
            if marked != annotation:
                result.changed.append(marked)
            continue
        selectors = annotation.selectors
        if placement.method != "position" or selectors.position is None:
            selectors = describe(text, placement.start, placement.end)
        updated = replace(annotation, selectors=selectors, orphan=False, anchored_to=fingerprint)
        if updated != annotation:
            result.changed.append(updated)
        result.placed.append(Placed(updated, placement.start, placement.end))
    result.placed.sort(key=lambda placed: (placed.start, placed.end))
    return result


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The selection without the whitespace (or line breaks) at its edges."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        raise ValueError("nothing to highlight: the selection holds no text")
    return start, end
