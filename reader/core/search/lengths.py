"""Field lengths read once per segment, for the scorer's length normalisation.

BM25 needs each matched article's field length. Whoosh's scorer asks the segment
for it one article at a time: a seek and a one-byte read in the length column, then
a decode, for every posting scored. That lookup was the largest part of scoring a
query that matches thousands of articles (a prefix, a common word). Here a segment's
length column is read in one piece, the first time a query scores that field in that
segment, and decoded through a 256-entry table; the scores are unchanged (the same
bytes, the same decoding).

The table lives as long as the segment's reader (the searcher's), so an index that
changes gets new tables with its new searcher.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.index import Index
from whoosh.scoring import WeightingModel
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from reader.core.search.schema import weighting

_DECODED = [byte_to_length(code) for code in range(256)]
Lengths = Callable[[int], int]


def scoring_searcher(ix: Index) -> Searcher:
    """A searcher of the index scoring with the schema's weighting, lengths cached."""
    return ix.searcher(weighting=CachedLengths(weighting()))


class CachedLengths(WeightingModel):
    """Another weighting model, its scorers reading lengths from a per-segment table."""

    def __init__(self, model: WeightingModel) -> None:
        self.model = model
        self.use_final = model.use_final
        self._tables: weakref.WeakKeyDictionary[Any, dict[str, Lengths]] = (
            weakref.WeakKeyDictionary()
        )

    def idf(self, searcher: Any, fieldname: str, text: str) -> float:
        return self.model.idf(searcher, fieldname, text)

    def final(self, searcher: Any, docnum: int, score: float) -> float:
        return self.model.final(searcher, docnum, score)

    def scorer(self, searcher: Any, fieldname: str, text: str, qf: int = 1) -> Any:
        scorer = self.model.scorer(searcher, fieldname, text, qf=qf)
        if hasattr(scorer, "dfl") and searcher.is_atomic():
            lengths = self._lengths(searcher.reader(), fieldname)
            if lengths is not None:
                scorer.dfl = lengths
        return scorer

    def _lengths(self, reader: Any, fieldname: str) -> Lengths | None:
        """The segment's lengths of a field, by document number; None: Whoosh's lookup."""
        try:
            tables = self._tables.setdefault(reader, {})
        except TypeError:  # a reader that cannot be weakly referenced
            return None
        lengths = tables.get(fieldname)
        if lengths is None:
            lengths = tables[fieldname] = _read(reader, fieldname)
        return lengths if callable(lengths) else None


def _read(reader: Any, fieldname: str) -> Any:
    """The length column in one read, decoded; ``False`` when it is not one we know
    (another codec): then the scorer keeps Whoosh's own lookup."""
    try:
        column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)  # type: ignore[no-untyped-call]
        data = column._dbfile.get(column._basepos, column._count)
        missing = reader.doc_count_all() - len(data)
    except AttributeError:
        return False
    decoded = [_DECODED[code] for code in data] + [0] * max(0, missing)
    return decoded.__getitem__
