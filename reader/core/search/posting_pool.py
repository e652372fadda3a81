"""A Whoosh segment writer whose postings stay in memory, grouped by term.

Whoosh's ``SegmentWriter`` puts every posting in a ``PostingPool``: one tuple per
(field, term, document), pickled to a run file on disk once the pool passes its
memory limit, then merge-sorted back and handed one by one to the codec, which
looks up the document's field length for each. That machinery (pickling every
posting out and in, the merge, and per-posting calls in ``FieldWriter.add_postings``)
is most of a first build's time.

Here the pool (:mod:`reader.core.search.grouped_pool`) keeps each field's
postings in flat arrays, never spilled (a segment's postings fit in memory),
grouped by term once, when the segment is written, a term at a time
(:mod:`reader.core.search.term_writer`): any Whoosh searcher reads the files and
finds the postings Whoosh's own writer would have written (a test compares them).
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import W3FieldWriter
from whoosh.fields import UnknownFieldError
from whoosh.writing import IndexingError, SegmentWriter

from reader.core.search.grouped_pool import GroupedPostingPool
from reader.core.search.term_writer import TermWriter


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
    for fieldname, terms in pool.fields_by_term():
        if fieldname not in schema:
            continue  # as Whoosh does (a field dropped while merging an old segment)
        fieldobj = schema[fieldname]
        w3: Any = fieldwriter  # Whoosh is untyped
        w3.start_field(fieldname, fieldobj)
        writer = TermWriter(w3, fieldobj, _field_lengths(lengths, fieldname, doccount))
        for text, docs, weights, values in terms:
            writer.write(text, docs, weights, values)
        w3.finish_field()


def _field_lengths(lengths: Any, fieldname: str, doccount: int) -> list[int]:
    """Each document's length in the field, as the codec reads it back (a byte's worth).

    Once per field and document, rather than once per posting.
    """
    if lengths is None:
        return [0] * doccount
    length_of = lengths.doc_field_length_reader(fieldname)
    return [length_of(docnum) or 0 for docnum in range(doccount)]
