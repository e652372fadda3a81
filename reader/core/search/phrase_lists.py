"""A phrase of common words, found by reading its words' posting lists whole.

When every word of a phrase is in many articles of a segment ("de la", "of the"),
walking the words' postings side by side costs a few Python calls per candidate
article, and there are as many candidates as articles holding all the words. Here
each word's postings are read block by block (each block one unpickling, in C) into a
map article → (weight, positions); the candidates are the maps' common keys (a set
intersection, in C); only then are positions decoded and checked, and each match
scored with the words' own scorers (as Whoosh scores the intersection: the same
floats, added in the same order).

The matches are served by :class:`ScoredList` in blocks with their best score, so a
top-N search skips the blocks that cannot reach it, as it skips blocks of postings.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import accumulate
from pickle import loads
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.mcore import Matcher
from whoosh.system import _INT_SIZE
from whoosh.util import make_binary_tree

BULK_MIN_DOCS = 100  # below this many articles for the rarest word, postings side by side
_BLOCK = 128  # matches per block of a ScoredList (as Whoosh's posting blocks)
Posting = tuple[float, bytes]  # weight, raw value (the positions)


def decoded(value: bytes) -> Iterator[int]:
    """The positions in a posting's raw value (Whoosh's ``Positions`` format: a count,
    then the pickled deltas), decoded in C."""
    if not value.endswith(b"."):
        value += b"."
    return accumulate(loads(value[_INT_SIZE:]))


def adjacent(values: Sequence[bytes]) -> bool:
    """Whether positions p, p+1, … hold the terms whose raw values these are in one
    article (the shortest decoded first: it bounds the others)."""
    if len(values) == 2:  # most phrases: one set, one scan, in C
        after = set(map((1).__add__, decoded(values[0])))
        return not after.isdisjoint(decoded(values[1]))
    order = sorted(range(len(values)), key=lambda i: len(values[i]))
    first = order[0]
    starts = {pos - first for pos in decoded(values[first])}
    for i in order[1:]:
        starts.intersection_update(pos - i for pos in decoded(values[i]))
        if not starts:
            return False
    return True


def readable(matchers: Sequence[Any]) -> bool:
    """Whether these matchers' postings can be read whole here (Whoosh's own codec,
    scored by a weight-and-length scorer)."""
    return all(
        type(m) is W3LeafMatcher and hasattr(m.scorer, "_score") and hasattr(m.scorer, "dfl")
        for m in matchers
    )


def postings(matcher: Any) -> dict[int, Posting]:
    """The rest of a term's postings in this segment: article → (weight, value)."""
    found: dict[int, Posting] = {}
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        matcher._read_values()
        start = matcher._i
        found.update(
            zip(
                matcher._ids[start:],
                zip(matcher._weights[start:], matcher._values[start:], strict=True),
                strict=True,
            )
        )
        matcher._next_block()
    return found


def phrase_matches(matchers: Sequence[Any]) -> ScoredList:
    """The articles where the terms stand one after the other, with their scores."""
    lists = [postings(m) for m in matchers]
    smallest = min(range(len(lists)), key=lambda i: len(lists[i]))
    candidates = set(lists[smallest])
    for i, posted in enumerate(lists):
        if i != smallest:
            candidates.intersection_update(posted)
    scorers = [m.scorer for m in matchers]
    ids: list[int] = []
    scores: list[float] = []
    for docnum in sorted(candidates):
        if adjacent([posted[docnum][1] for posted in lists]):
            ids.append(docnum)
            term_scores = [
                scorer._score(posted[docnum][0], scorer.dfl(docnum))
                for scorer, posted in zip(scorers, lists, strict=True)
            ]
            scores.append(make_binary_tree(_add, term_scores))
    return ScoredList(ids, scores)


def _add(a: float, b: float) -> float:
    return a + b


class ScoredList(Matcher):
    """Articles found with their scores, in blocks that know their best score."""

    def __init__(self, ids: list[int], scores: list[float], at: int = 0) -> None:
        self._ids = ids
        self._scores = scores
        self._i = at
        self._best = [max(scores[i : i + _BLOCK]) for i in range(0, len(scores), _BLOCK)]
        self._best_after = list(accumulate(reversed(self._best), max))[::-1]  # from block k on

    def is_active(self) -> bool:
        return self._i < len(self._ids)

    def reset(self) -> None:
        self._i = 0

    def copy(self) -> ScoredList:
        return ScoredList(self._ids, self._scores, self._i)

    def replace(self, minquality: float = 0) -> Matcher:
        return self

    def id(self) -> int:
        return self._ids[self._i]

    def all_ids(self) -> Iterator[int]:
        return iter(self._ids[self._i :])

    def next(self) -> bool:  # type: ignore[override]  # True: a new block (Whoosh's use)
        self._i += 1
        return self._i % _BLOCK == 0

    def skip_to(self, id: int) -> bool:  # type: ignore[override]
        start = self._i
        self._i = bisect_left(self._ids, id, start)
        return self._i // _BLOCK != start // _BLOCK

    def weight(self) -> float:
        return self._scores[self._i]

    def score(self) -> float:
        return self._scores[self._i]

    def supports_block_quality(self) -> bool:
        return True

    def max_quality(self) -> float:
        return self._best_after[self._i // _BLOCK] if self.is_active() else 0.0

    def block_quality(self) -> float:
        return self._best[self._i // _BLOCK] if self.is_active() else 0.0

    def skip_to_quality(self, minquality: float) -> int:
        skipped = 0
        while self.is_active() and self._best[self._i // _BLOCK] <= minquality:
            self._i = (self._i // _BLOCK + 1) * _BLOCK
            skipped += 1
        return skipped

    def value(self) -> Any:
        raise NotImplementedError("a phrase's matches keep no postings")

    def value_as(self, astype: str) -> Any:
        raise NotImplementedError("a phrase's matches keep no postings")

    def supports(self, astype: str) -> bool:
        return False
