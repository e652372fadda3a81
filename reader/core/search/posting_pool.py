"""A Whoosh segment writer whose postings stay in memory, grouped by term.

Whoosh's ``SegmentWriter`` puts every posting in a ``PostingPool``: one tuple per
(field, term, document), pickled to a run file on disk once the pool passes its
memory limit, then merge-sorted back and handed one by one to the codec, which
looks up the document's field length for each. Profiling the first build of
3,000 articles, that machinery was about 40 % of the time (pickling 1.6 M postings
out and in, the merge, and per-posting calls in ``FieldWriter.add_postings``).

Here the pool keeps, for each field, a dict term → (document numbers, weights,
values) in arrays: a posting is three appends, nothing is spilled (a 5,000-article
segment is some 100 MB), and sorting means sorting the terms of each field. The
segment is then written a term at a time (:mod:`reader.core.search.term_writer`):
the files are the ones Whoosh would have written (tests compare them byte for
byte), and any Whoosh searcher reads them.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.codec.whoosh3 import W3FieldWriter
from whoosh.fields import UnknownFieldError
from whoosh.writing import IndexingError, SegmentWriter

from reader.core.search.term_writer import TermWriter

Posting = tuple[str, bytes, int, float, bytes | None]  # field, term, document, weight, value


class _Term:
    """One term's postings, in document order (documents are added in order)."""

    __slots__ = ("docs", "values", "weights")

    def __init__(self) -> None:
        self.docs = array("I")
        self.weights = array("d")  # not "f": a block's maximum weight is kept unrounded
        self.values: list[bytes | None] = []


class GroupedPostingPool:
    """In place of ``whoosh.writing.PostingPool``: postings grouped per field and term."""

    def __init__(self) -> None:
        self.terms: dict[str, dict[bytes, _Term]] = {}
        self.fieldnames: set[str] = set()  # read by Whoosh's multiprocessing writer

    def add(self, item: Posting) -> None:
        """One posting (Whoosh's interface: merging a segment's postings in)."""
        fieldname, text, docnum, weight, value = item
        terms = self.terms.get(fieldname)
        if terms is None:
            terms = self.terms[fieldname] = {}
            self.fieldnames.add(fieldname)
        term = terms.get(text)
        if term is None:
            term = terms[text] = _Term()
        term.docs.append(docnum)
        term.weights.append(weight)
        term.values.append(value)

    def add_field(
        self,
        fieldname: str,
        docnum: int,
        items: Iterable[tuple[bytes, int, float, Any]],
        boost: float,
    ) -> int:
        """A document's postings in one field; returns the field's length (sum of freqs)."""
        terms = self.terms.get(fieldname)
        if terms is None:
            terms = self.terms[fieldname] = {}
            self.fieldnames.add(fieldname)
        length = 0
        get = terms.get
        for text, freq, weight, value in items:
            term = get(text)
            if term is None:
                term = terms[text] = _Term()
            term.docs.append(docnum)
            term.weights.append(weight * boost)
            term.values.append(value)
            length += freq
        return length

    def iter_postings(self) -> Iterator[Posting]:
        """Every posting in (field, term, document) order, as Whoosh's pool yields them."""
        for fieldname in sorted(self.terms):
            terms = self.terms[fieldname]
            for text in sorted(terms):
                term = terms[text]
                for docnum, weight, value in zip(term.docs, term.weights, term.values, strict=True):
                    yield fieldname, text, docnum, weight, value

    def save(self) -> None:
        pass  # nothing is ever spilled to disk

    def cleanup(self) -> None:
        self.terms.clear()


class GroupedSegmentWriter(SegmentWriter):
    """A ``SegmentWriter`` with a :class:`GroupedPostingPool` and a block-wise flush."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        kwargs.pop("limitmb", None)  # nothing to limit: the pool is never spilled
        super().__init__(ix, **kwargs)  # type: ignore[no-untyped-call]  # Whoosh is untyped
        self.grouped = GroupedPostingPool()
        self.pool = self.grouped  # type: ignore[assignment]  # what Whoosh calls it

    def add_document(self, **fields: Any) -> None:
        """``SegmentWriter.add_document`` with each field's postings added in one call.

        The fields this index uses only: indexed, stored, columns. Spelling fields
        and term vectors (which it does not use) are refused, not silently dropped.
        """
        if self.is_closed:
            raise IndexingError("This writer is closed")
        schema = self.schema
        docnum = self.docnum
        docboost = float(fields.get("_boost", 1.0))
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        for name in fieldnames:
            if name not in schema:
                raise UnknownFieldError(f"No field named {name!r} in {schema}")
        perdoc = self.perdocwriter
        perdoc.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields.get(fieldname)
                if value is None:
                    continue
                field = schema[fieldname]
                if field.separate_spelling() or field.vector:
                    raise ValueError(f"{fieldname}: spelling and vectors are not supported")
                length = 0
                if field.indexed:
                    boost = float(fields.get(f"_{fieldname}_boost", docboost))
                    added = self.grouped.add_field(fieldname, docnum, field.index(value), boost)
                    length = added if field.scorable else 0
                stored = fields.get(f"_stored_{fieldname}", value)
                perdoc.add_field(fieldname, field, stored if field.stored else None, length)
                column = field.column_type
                if column and stored is not None:
                    perdoc.add_column_value(fieldname, column, field.to_column_value(stored))
        except ValueError:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None  # type: ignore[no-untyped-call]
        try:
            write_postings(self.fieldwriter, self.schema, self.grouped, lengths, self.docnum)
        finally:
            self.fieldwriter.close()
            if lengths is not None:
                lengths.close()


def write_postings(
    fieldwriter: Any, schema: Any, pool: GroupedPostingPool, lengths: Any, doccount: int
) -> None:
    """The pool's postings through the segment's field writer, sorted by field and term.

    With the W3 codec (Whoosh's default, ours), each term is written by a
    :class:`~reader.core.search.term_writer.TermWriter`; with another, through the
    codec's own ``add_postings``, one posting at a time.
    """
    if not isinstance(fieldwriter, W3FieldWriter):
        fieldwriter.add_postings(schema, lengths, pool.iter_postings())
        return
    for fieldname in sorted(pool.terms):
        if fieldname not in schema:
            continue  # as Whoosh does (a field dropped while merging an old segment)
        terms = pool.terms[fieldname]
        fieldobj = schema[fieldname]
        w3: Any = fieldwriter  # Whoosh is untyped
        w3.start_field(fieldname, fieldobj)
        writer = TermWriter(w3, fieldobj, _field_lengths(lengths, fieldname, doccount))
        for text in sorted(terms):
            writer.write(text, terms[text])
        w3.finish_field()


def _field_lengths(lengths: Any, fieldname: str, doccount: int) -> list[int]:
    """Each document's length in the field, as the codec reads it back (a byte's worth).

    Once per field and document, rather than once per posting.
    """
    if lengths is None:
        return [0] * doccount
    length_of = lengths.doc_field_length_reader(fieldname)
    return [length_of(docnum) or 0 for docnum in range(doccount)]
