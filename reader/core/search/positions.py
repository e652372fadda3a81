"""Phrases and proximity checked on word positions as plain integers.

Whoosh checks a phrase (``Phrase``) and a proximity clause (``SpanNear2``) by
building a ``Span`` object for every position of every word in every candidate
article, then comparing spans pairwise: most of a phrase query's time. Here the
same conditions are checked on the positions as integers, decoded with one
``pickle.loads`` and ``itertools.accumulate`` (both in C), the rarest word of the
article first, stopping at the first answer.

What matches, and how it scores, is Whoosh's: an article matches a phrase when its
words stand one after the other; it matches a proximity clause when each word is
within ``slop`` words of the span of those before it, in any order (Whoosh's
``SpanNear2`` rules, kept exactly: a property test compares the two). The score is
the sum of the words' scores, as Whoosh scores a span query. Unlike Whoosh's span
matchers, these re-check positions after skipping blocks that cannot reach the top
hits, so no skipped-to article is taken on its words alone. A phrase whose words are
all common in a segment is found another way, its postings read whole
(:mod:`reader.core.search.phrase_lists`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from whoosh.matching.binary import IntersectionMatcher
from whoosh.matching.mcore import NullMatcher
from whoosh.matching.wrappers import WrappingMatcher
from whoosh.query.positional import Phrase
from whoosh.query.spans import SpanNear2
from whoosh.query.terms import Term
from whoosh.util import make_binary_tree

from reader.core.search.phrase_lists import (
    BULK_MIN_DOCS,
    adjacent,
    decoded,
    phrase_matches,
    readable,
)

Positions = list[int]
Check = Callable[[Sequence[Any]], bool]  # the term matchers, on one article → matches


def positions(matcher: Any) -> Positions:
    """The current article's positions of a term, from its posting's raw value."""
    return list(decoded(matcher.value()))


def adjacent_terms(matchers: Sequence[Any]) -> bool:
    """Whether the words stand one after the other in the current article."""
    return adjacent([m.value() for m in matchers])


def near(matchers: Sequence[Any], slop: int) -> bool:
    """Whether the words are close in the current article, as ``SpanNear2`` (unordered,
    ``mindist`` 1) finds them: each word 1 to ``slop`` words from the span of those
    before it (never inside it), the spans growing as words are added."""
    spans = {(pos, pos) for pos in positions(matchers[0])}
    last = len(matchers) - 1
    for index in range(1, len(matchers)):
        others = positions(matchers[index])
        grown: set[tuple[int, int]] = set()
        for start, end in spans:
            j = bisect_left(others, start - slop)
            while j < len(others) and (pos := others[j]) <= end + slop:
                j += 1
                if pos < start:
                    dist = start - pos
                elif pos > end:
                    dist = pos - end
                else:
                    continue  # inside the span: distance 0, below mindist
                if dist <= slop:
                    if index == last:
                        return True
                    grown.add((min(start, pos), max(end, pos)))
        if not grown:
            return False
        spans = grown
    return bool(spans)


class CheckedIntersection(WrappingMatcher):
    """The articles holding every term that also pass a check on their positions.

    Scored as the intersection (the sum of the terms' scores, times ``boost``)."""

    def __init__(self, terms: Sequence[Any], check: Check, boost: float = 1.0) -> None:
        child = make_binary_tree(IntersectionMatcher, list(terms))
        super().__init__(child, boost)  # type: ignore[no-untyped-call]  # Whoosh is untyped
        self.terms = list(terms)
        self.check = check
        self._settle()

    def _settle(self) -> bool:
        """Move on to the first article from here that passes; True on a new block."""
        child = self.child
        new_block = False
        while child.is_active() and not self.check(self.terms):
            new_block = bool(child.next()) or new_block
        return new_block

    def copy(self) -> CheckedIntersection:
        return CheckedIntersection([m.copy() for m in self.terms], self.check, self.boost)

    def replace(self, minquality: float = 0) -> Any:
        return self if self.child.is_active() else NullMatcher()

    def next(self) -> bool:  # type: ignore[override]  # True: a new block (Whoosh's use)
        new_block = bool(self.child.next())
        return self._settle() or new_block

    def skip_to(self, id: int) -> bool:  # type: ignore[override]
        new_block = bool(self.child.skip_to(id))
        return self._settle() or new_block

    def skip_to_quality(self, minquality: float) -> int:
        skipped = int(self.child.skip_to_quality(minquality / self.boost) or 0)
        self._settle()
        return skipped

    def all_ids(self) -> Iterator[int]:
        child = self.child
        while child.is_active():
            yield child.id()
            self.next()

    def spans(self) -> list[Any]:
        raise NotImplementedError("checked on integers: no spans")


class PositionalPhrase(Phrase):
    """Whoosh's phrase query (same matches, same scores), checked on integer positions."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        fieldname = self.fieldname
        if fieldname not in searcher.schema or self.slop != 1 or len(self.words) < 2:
            return super().matcher(searcher, context)  # type: ignore[no-untyped-call]
        reader = searcher.reader()
        field = searcher.schema[fieldname]
        terms = []
        for word in self.words:
            btext = field.to_bytes(word)
            if (fieldname, btext) not in reader:
                return NullMatcher()
            terms.append(Term(fieldname, btext).matcher(searcher, context))
        if not all(m.is_active() for m in terms):
            return NullMatcher()
        rarest = min(reader.doc_frequency(fieldname, field.to_bytes(w)) for w in self.words)
        if rarest >= BULK_MIN_DOCS and self.boost == 1.0 and readable(terms):
            return phrase_matches(terms)  # common words: their postings read whole
        return CheckedIntersection(terms, adjacent_terms, self.boost)


class PositionalNear(SpanNear2):
    """Whoosh's proximity query of plain terms (same matches, same scores), unordered,
    checked on integer positions."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        queries = self.qs
        if self.ordered or self.mindist != 1 or not all(type(q) is Term for q in queries):
            return super().matcher(searcher, context)  # type: ignore[no-untyped-call]
        terms = [q.matcher(searcher, context) for q in queries]
        if not terms or not all(m.is_active() for m in terms):
            return NullMatcher()
        slop = self.slop
        return CheckedIntersection(terms, lambda ms: near(ms, slop))
