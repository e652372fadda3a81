r"""Selectors of a highlight, and finding it again in an edited article (Hypothesis-client style).

A highlight is stored as W3C selectors: its offsets in the article's plain text
(``TextPosition``) and its text with up to ``CONTEXT`` characters either side
(``TextQuote``). ``anchor`` tries, in order: the old position, if the text there is
still the quote; the quote verbatim (best context, then nearest the old position);
the quote with runs of whitespace collapsed on both sides; an approximate match.
What none of these places is an orphan (``None``).

The approximate search is Myers' bit-parallel edit distance turned sideways: one
Python int holds a bit per *text* character and the loop runs once per *quote*
character, so it costs len(quote) big-int operations, not len(text) Python steps.
Measured (Python 3.11, AMD EPYC, from the repository root, best of 5): a 200-character
quote with 3 letters changed, in 500,000 characters: 0.13 s (an orphan: the same; a
2,000-character quote: 0.3 s)::

    python -m timeit -s "import random; from reader.core.annotations.anchoring import *" \
      -s "r = random.Random(1); w = open('seeds/000_10d9d95bf921b5c7.txt').read().split()" \
      -s "t = ' '.join(r.choice(w) for _ in range(90000))[:500000]" \
      -s "s = describe(t, 250000, 250200)" \
      -s "u = t[:1000] + 'new words ' + t[1000:250050] + 'XYZ' + t[250053:]" "anchor(u, s)"
"""

from __future__ import annotations

import operator
import re
import time
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from typing import Literal

CONTEXT = 32  # characters of prefix/suffix kept
Method = Literal["position", "quote", "fuzzy"]  # the step of ``anchor`` that placed it

_WEIGHTS = (50.0, 20.0, 20.0, 2.0)  # quote, prefix, suffix, closeness: Hypothesis's weights
_MIN_SCORE = 0.65  # of a fuzzy match's weighted score (see _fuzzy)
_SHORT_QUOTE = 16  # a fuzzy match of a shorter quote also needs its context to match...
_SHORT_CONTEXT = 0.75  # ...this well, on the prefix or the suffix side
_MAX_SCORED = 100  # fuzzy candidates measured
_TRUSTED_QUOTE = 32  # a verbatim occurrence of a quote this long is trusted as it is...
_PLAUSIBLE_CONTEXT = 0.5  # ...a shorter one needs its prefix or suffix to fit this well
_COLLAPSE = re.compile(r"\s{2,}|[^\S ]")  # whitespace that is not already a lone space
_SPACES = re.compile(r"\s+")
_ZEROS = b"0" * 256


class _OutOfTime(Exception):
    """The approximate search passed its deadline."""


@dataclass(frozen=True)
class TextQuote:
    """W3C TextQuoteSelector: the highlighted text and a little of its surroundings."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class TextPosition:
    """W3C TextPositionSelector: offsets into the article's plain text, end exclusive."""

    start: int
    end: int


@dataclass(frozen=True)
class Selectors:
    """How a highlight is stored; ``position`` is None when only a quote is known (imports)."""

    quote: TextQuote
    position: TextPosition | None = None


@dataclass(frozen=True)
class Placement:
    """Where a highlight anchored, and which step found it."""

    start: int
    end: int
    method: Method  # which step found it


def describe(text: str, start: int, end: int) -> Selectors:
    """Selectors for ``text[start:end]``, offsets clamped; an empty selection: ValueError."""
    start, end = (min(max(offset, 0), len(text)) for offset in (start, end))
    if start >= end:
        raise ValueError(f"empty selection {start}:{end}")
    prefix = text[max(0, start - CONTEXT) : start]
    quote = TextQuote(text[start:end], prefix, text[end : end + CONTEXT])
    return Selectors(quote, TextPosition(start, end))


def anchor(text: str, selectors: Selectors, deadline: float | None = None) -> Placement | None:
    """Where the selection is in (possibly edited) ``text``, or None: an orphan.

    ``deadline`` (a ``time.monotonic()``) bounds the approximate search, the one slow
    step: past it the answer is None, as for a passage that is not there.
    """
    quote, position = selectors.quote, selectors.position
    if not quote.exact or not text:
        return None
    if position is not None:
        start, end = position.start, position.end
        if 0 <= start < end <= len(text) and text[start:end] == quote.exact:
            return Placement(start, end, "position")
    hint = None if position is None else position.start
    found = _best_exact(text, quote, hint)
    if found is not None and _plausible(text, quote, *found):
        return Placement(*found, "quote")
    if quote.exact.isspace():
        return None
    if deadline is not None and time.monotonic() > deadline:
        return None  # the steps below are the slow ones
    view = _collapsed(text)
    parts = (_SPACES.sub(" ", part) for part in (quote.exact, quote.prefix, quote.suffix))
    collapsed = TextQuote(*parts)
    near = None if hint is None else view.to_collapsed(hint)
    if view.changed or collapsed != quote:
        found = _best_exact(view.text, collapsed, near)
        if found is not None and _plausible(view.text, collapsed, *found):
            return Placement(*view.to_original(*found), "quote")
    try:
        found = _fuzzy(view.text, collapsed, near, deadline)
    except _OutOfTime:
        return None
    return None if found is None else Placement(*view.to_original(*found), "fuzzy")


def _plausible(text: str, quote: TextQuote, start: int, end: int) -> bool:
    """Whether a verbatim occurrence can be trusted without looking further.

    A short quote ("do not know") found verbatim where neither its prefix nor its
    suffix fits is more likely another occurrence than the highlight: its own
    passage was edited (the fuzzy step then finds it in place) or deleted (an
    orphan is better than a highlight on the wrong words). Measured with
    ``python -m tests.bench.reanchor``: 2 of the 3 wrong placements were this.
    """
    if len(quote.exact) >= _TRUSTED_QUOTE:
        return True
    sides = [
        _edge_similarity(text, quote.prefix, start, before=True),
        _edge_similarity(text, quote.suffix, end, before=False),
    ]
    known = [side for side in sides if side is not None]
    return not known or max(known) >= _PLAUSIBLE_CONTEXT


def _best_exact(text: str, quote: TextQuote, hint: int | None) -> tuple[int, int] | None:
    """The verbatim occurrence whose context fits best, then nearest ``hint`` (else the first)."""
    size = len(quote.exact)
    starts = _occurrences(text, quote.exact)
    if len(starts) < 2:
        return (starts[0], starts[0] + size) if starts else None
    first, last = starts[0], starts[-1]  # one pass over the stretch holding them all
    before = _edge_costs(text, quote.prefix, first, last, before=True)
    after = _edge_costs(text, quote.suffix, first + size, last + size, before=False)
    costs = [before[start - first] + after[start - first] for start in starts]
    far = [0 if hint is None else abs(start - hint) for start in starts]
    best = min(zip(costs, far, starts, strict=True))[2]
    return best, best + size


def _occurrences(text: str, exact: str) -> list[int]:
    """Where ``exact`` starts in ``text``, overlaps included. (str.find: a regex lookahead
    tried every offset in Python's engine, 20 ms a quote in 570,000 characters.)"""
    starts = []
    at = text.find(exact)
    while at != -1:
        starts.append(at)
        at = text.find(exact, at + 1)
    return starts


def _fuzzy(
    text: str, quote: TextQuote, hint: int | None, deadline: float | None = None
) -> tuple[int, int] | None:
    """The best approximate match of the quote, if good enough; else None.

    Candidates: the matches with the fewest errors (at most half the quote), edges
    placed by _bounds. Score: weighted mean of quote similarity (1 - errors/len),
    prefix and suffix similarity, closeness to ``hint``. _MIN_SCORE accepts a quote
    within the error bound in its own context (0.5 quote, 1 context: 0.73) or 90 %
    intact in a rewritten context (0.9, and 0.35 as random text gives: 0.66), not
    one 75 % intact in a foreign context (0.58). Measured on generated articles: of
    700 deleted passages of 6-80 characters none anchored elsewhere; all 600 passages
    of 16-160 characters with 10-40 % of their letters replaced, next to 0-20 %
    replaced context, anchored in place (edges within 3 characters).
    """
    exact, size = quote.exact, len(quote.exact)
    limit = max(1, size // 2)
    if deadline is not None and time.monotonic() > deadline:
        raise _OutOfTime
    rows = _last_row(exact, text, anchored=False, deadline=deadline)
    bound = min(limit, min(rows) + max(1, size // 4))
    ends = _local_minima(rows, bound)
    ends.sort(key=lambda end: (rows[end], 0 if hint is None else abs(end - size - hint)))
    taken: list[int] = []
    best: tuple[float, int, int] | None = None
    for end in ends:
        at = bisect_left(taken, end - limit)
        if at < len(taken) and taken[at] <= end + limit:
            continue  # the same match as one already measured
        insort(taken, end)
        start, stop, errors = _bounds(text, quote, rows, end, limit)
        start, stop = _trim(text, exact, start, stop)
        if start < stop and errors <= limit:
            score = _score(text, quote, start, stop, 1 - errors / size, hint)
            if score is not None and (best is None or score > best[0]):
                best = score, start, stop
        if len(taken) >= _MAX_SCORED:
            break
        if deadline is not None and time.monotonic() > deadline:
            raise _OutOfTime
    return None if best is None or best[0] < _MIN_SCORE else (best[1], best[2])


def _local_minima(rows: list[int], bound: int) -> list[int]:
    """Ends j >= 1 with rows[j] <= bound, each the first step of a valley floor."""
    within = compress(range(1, len(rows)), map(bound.__ge__, rows[1:]))  # C speed
    last = len(rows) - 1
    return [j for j in within if rows[j] < rows[j - 1] and (j == last or rows[j] <= rows[j + 1])]


def _score(
    text: str, quote: TextQuote, start: int, end: int, similarity: float, hint: int | None
) -> float | None:
    """Weighted score of a fuzzy candidate; None for a short quote whose context disagrees."""
    prefix = _edge_similarity(text, quote.prefix, start, before=True)
    suffix = _edge_similarity(text, quote.suffix, end, before=False)
    if len(quote.exact) < _SHORT_QUOTE and max(prefix or 0.0, suffix or 0.0) < _SHORT_CONTEXT:
        return None
    closeness = None if hint is None else max(0.0, 1 - abs(start - hint) / len(text))
    parts = zip(_WEIGHTS, (similarity, prefix, suffix, closeness), strict=True)
    known = [(weight, value) for weight, value in parts if value is not None]
    return sum(w * v for w, v in known) / sum(w for w, _ in known)


def _bounds(
    text: str, quote: TextQuote, rows: list[int], end: int, limit: int
) -> tuple[int, int, int]:
    """(start, end, errors) of the match ending near ``end``.

    Each edge goes where the quote and its prefix (suffix) fit best together, then
    where the context is most intact, then the shortest: an edited first or last
    word is covered, a neighbouring word is not.
    """
    low, high = max(1, end - limit), min(len(text), end + limit)
    after = _edge_costs(text, quote.suffix, low, high, before=False)
    at_end = not quote.suffix  # an empty suffix: the quote ended the text, so prefer its end
    end = min(
        range(low, high + 1),
        key=lambda e: (rows[e] + after[e - low], after[e - low], at_end and e != len(text), e),
    )
    low = max(0, end - len(quote.exact) - limit)
    fit = _last_row(quote.exact[::-1], text[low:end][::-1], anchored=True)  # by end - start
    before = _edge_costs(text, quote.prefix, low, end, before=True)
    at_start = not quote.prefix  # an empty prefix: the quote began the text (a title)
    start = min(
        range(low, end),
        key=lambda s: (fit[end - s] + before[s - low], before[s - low], at_start and s != 0, -s),
    )
    return start, end, fit[end - start]


def _edge_similarity(text: str, context: str, at: int, *, before: bool) -> float | None:
    """How well ``context`` fits just before (after) offset ``at``, 0-1; None: no evidence.

    An empty context is evidence only at the very edge of the text (it was there too).
    """
    if not context:
        return 1.0 if at == (0 if before else len(text)) else None
    return 1 - _edge_costs(text, context, at, at, before=before)[0] / len(context)


def _edge_costs(text: str, context: str, low: int, high: int, *, before: bool) -> list[int]:
    """Edit distance of ``context`` fitted just before (after) each offset low..high."""
    reach = len(context) * 3 // 2
    if before:
        first = max(0, low - reach)
        return _last_row(context, text[first:high], anchored=False)[low - first :]
    last = min(len(text), high + reach)
    return _last_row(context[::-1], text[low:last][::-1], anchored=False)[last - high :][::-1]


def _trim(text: str, exact: str, start: int, end: int) -> tuple[int, int]:
    """Drop whitespace at the edges of a match when the quote has none there."""
    while start < end and text[start].isspace() and not exact[0].isspace():
        start += 1
    while start < end and text[end - 1].isspace() and not exact[-1].isspace():
        end -= 1
    return start, end


def _last_row(
    pattern: str, text: str, *, anchored: bool, deadline: float | None = None
) -> list[int]:
    """Edit distances of ``pattern`` to text ending at each offset j in 0..len(text).

    ``anchored``: to ``text[:j]``; else to the best ``text[i:j]`` (a substring search).
    Myers/Hyyrö's bit-parallel recurrence with the roles of rows and columns swapped:
    ``ph``/``mh`` hold the +1/-1 steps along one row of the matrix, bit j-1 for column j.
    """
    n = len(text)
    if n == 0:
        return [len(pattern)]
    full = (1 << n) - 1
    masks = _char_masks(pattern, text)
    ph, mh = (full if anchored else 0), 0
    for step, char in enumerate(pattern):
        if deadline is not None and not step & 31 and time.monotonic() > deadline:
            raise _OutOfTime
        eq = masks[char]
        xh = eq | mh
        xv = ((((eq & ph) + ph) ^ ph) | eq) & full
        pv = (((mh | (full ^ (xv | ph))) << 1) | 1) & full
        mv = ((ph & xv) << 1) & full
        ph = mv | (full ^ (xh | pv))
        mh = pv & xh
    ups = format(ph, f"0{n}b")[::-1].encode()
    downs = format(mh, f"0{n}b")[::-1].encode()  # both add ord("0") per step: it cancels
    return list(
        map(operator.sub, accumulate(ups, initial=len(pattern)), accumulate(downs, initial=0))
    )


def _char_masks(pattern: str, text: str) -> dict[str, int]:
    """For each character c of ``pattern``, an int whose bit j is set where ``text[j] == c``."""
    chars = sorted(set(pattern))
    masks = dict.fromkeys(chars, 0)
    # The text as bytes (a code per character), then per character of the pattern
    # one bytes.translate to "0"/"1" and one base-2 int(): linear, in C.
    jobs: list[tuple[str, int, bytes]] = []
    if text.isascii():
        data = text.encode("ascii")[::-1]
        jobs = [(char, ord(char), data) for char in chars if char.isascii()]
    else:
        others = dict.fromkeys(map(ord, set(text)), 0)
        for first in range(0, len(chars), 255):
            group = list(enumerate(chars[first : first + 255], 1))
            codes = {ord(char): code for code, char in group}
            data = text.translate(others | codes).encode("latin-1")[::-1]
            jobs += [(char, code, data) for code, char in group]
    for char, code, data in jobs:
        masks[char] = int(data.translate(_ZEROS[:code] + b"1" + _ZEROS[code + 1 :]), 2)
    return masks


@lru_cache(maxsize=4)
def _collapsed(text: str) -> _Collapsed:
    """The collapsed view of a text, made once for all the highlights placed on it."""
    return _Collapsed(text)


class _Collapsed:
    """The text with whitespace runs as single spaces, and offset maps both ways."""

    def __init__(self, text: str) -> None:
        parts: list[str] = []
        self.at: list[int] = []  # collapsed offset of each changed run
        self.starts: list[int] = []  # its original start
        self.ends: list[int] = []  # its original end
        last = removed = 0
        for match in _COLLAPSE.finditer(text):
            parts += [text[last : match.start()], " "]
            self.at.append(match.start() - removed)
            self.starts.append(match.start())
            self.ends.append(match.end())
            removed += match.end() - match.start() - 1
            last = match.end()
        parts.append(text[last:])
        self.text = "".join(parts)
        self.changed = bool(self.at)

    def to_collapsed(self, offset: int) -> int:
        """Collapsed offset of an original one."""
        run = bisect_right(self.starts, offset) - 1
        if run < 0:
            return offset
        if offset < self.ends[run]:
            return self.at[run]
        return self.at[run] + 1 + offset - self.ends[run]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original span of a non-empty collapsed span."""
        return self._back(start, after=False), self._back(end - 1, after=True)

    def _back(self, offset: int, *, after: bool) -> int:
        run = bisect_right(self.at, offset) - 1
        if run < 0:
            return offset + after
        if offset == self.at[run]:
            return self.ends[run] if after else self.starts[run]
        return self.ends[run] + offset - self.at[run] - 1 + after
