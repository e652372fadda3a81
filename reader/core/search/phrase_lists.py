"""A phrase of common words, found by reading its words' posting lists whole.

When every word of a phrase is in many articles of a segment ("de la", "of the"),
walking the words' postings side by side costs a few Python calls per candidate
article, and there are as many candidates as articles holding all the words. Here
each word's postings are read block by block (each block one unpickling, in C) into a
map article → (weight, positions); the candidates are the maps' common keys (a set
intersection, in C), each scored with the words' own scorers (as Whoosh scores the
intersection: the same floats, added in the same order).

The candidates are served by :class:`ScoredList` in blocks with their best score, so a
top-N search skips the blocks that cannot reach it, as it skips blocks of postings;
a candidate's positions are decoded and checked only when the search reaches it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate
from pickle import loads
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.mcore import Matcher
from whoosh.system import _INT_SIZE
from whoosh.util import make_binary_tree

BULK_MIN_DOCS = 100  # below this many articles for the rarest word, postings side by side
_BLOCK = 32  # articles per block of a ScoredList: the smaller, the finer a top-N skips
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
    """The articles where the terms stand one after the other, with their scores.

    Every article holding all the terms is scored (cheap: a weight and a length), but
    its positions are checked only when a search reaches it: a top-N search skips the
    blocks whose best score cannot make its list, unchecked."""
    lists = [postings(m) for m in matchers]
    smallest = min(range(len(lists)), key=lambda i: len(lists[i]))
    candidates = set(lists[smallest])
    for i, posted in enumerate(lists):
        if i != smallest:
            candidates.intersection_update(posted)
    ids = sorted(candidates)
    terms = [(m.scorer._score, m.scorer.dfl, got) for m, got in zip(matchers, lists, strict=True)]
    if len(terms) == 2:  # most phrases: the sum written out, as the tree of two adds it
        (score_a, length_a, a), (score_b, length_b, b) = terms
        scores = [score_a(a[d][0], length_a(d)) + score_b(b[d][0], length_b(d)) for d in ids]
    else:
        scores = [
            make_binary_tree(_add, [score(got[d][0], length(d)) for score, length, got in terms])
            for d in ids
        ]

    def holds_phrase(i: int) -> bool:
        docnum = ids[i]
        return adjacent([posted[docnum][1] for posted in lists])

    return ScoredList(ids, scores, holds_phrase)


def _add(a: float, b: float) -> float:
    return a + b


class ScoredList(Matcher):
    """Articles with their scores, in blocks that know their best score; each article,
    when a ``check`` is given, a candidate until the check (made once, when a search
    reaches it) says it matches."""

    def __init__(
        self,
        ids: list[int],
        scores: list[float],
        check: Callable[[int], bool] | None = None,
        at: int = 0,
        verdicts: bytearray | None = None,
    ) -> None:
        self._ids = ids
        self._scores = scores
        self._check = check
        self._verdicts = verdicts if verdicts is not None else bytearray(len(ids))
        self._i = at
        self._best = [max(scores[i : i + _BLOCK]) for i in range(0, len(scores), _BLOCK)]
        self._best_after = list(accumulate(reversed(self._best), max))[::-1]  # from block k on
        self._settle()

    def _matches(self, i: int) -> bool:
        if self._check is None:
            return True
        verdict = self._verdicts[i]
        if not verdict:
            verdict = self._verdicts[i] = 1 if self._check(i) else 2
        return verdict == 1

    def _settle(self) -> None:
        """On to the first article from here that matches."""
        count = len(self._ids)
        while self._i < count and not self._matches(self._i):
            self._i += 1

    def copy(self) -> ScoredList:
        return ScoredList(self._ids, self._scores, self._check, self._i, self._verdicts)

    def reset(self) -> None:
        self._i = 0
        self._settle()

    def replace(self, minquality: float = 0) -> Matcher:
        return self

    def id(self) -> int:
        return self._ids[self._i]

    def all_ids(self) -> Iterator[int]:
        while self.is_active():
            yield self._ids[self._i]
            self.next()

    def next(self) -> bool:  # type: ignore[override]  # True: a new block (Whoosh's use)
        start = self._i
        self._i += 1
        self._settle()
        return self._i // _BLOCK != start // _BLOCK

    def skip_to(self, id: int) -> bool:  # type: ignore[override]
        start = self._i
        self._i = bisect_left(self._ids, id, start)
        self._settle()
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
        self._settle()
        return skipped

    def is_active(self) -> bool:
        return self._i < len(self._ids)

    def value(self) -> Any:
        raise NotImplementedError("a phrase's matches keep no postings")

    def value_as(self, astype: str) -> Any:
        raise NotImplementedError("a phrase's matches keep no postings")

    def supports(self, astype: str) -> bool:
        return False
