"""The postings of a segment being written, in memory, compactly: flat arrays per field.

In place of Whoosh's ``PostingPool`` (a tuple per posting, pickled to disk past a
memory limit and merge-sorted back). Each field keeps its postings in arrival
order in five flat arrays (term number, document, weight, where the value ends,
and the values end to end) and a dict term → term number: about 35 bytes a
posting and 100 a term, where objects per term (a list or array each) would take
several times that, most of a worker's memory. Grouping by term is
done once, when the segment is written: a counting sort by term, the terms in
byte order, each term's postings in arrival (so document) order.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from typing import Any

Posting = tuple[str, bytes, int, float, bytes | None]  # field, term, document, weight, value
TermPostings = tuple[bytes, "array[int]", "array[float]", list[bytes]]  # term, docs, weights,
# values (b"" for none)


class _Field:
    __slots__ = ("data", "docs", "ends", "ids", "terms", "weights")

    def __init__(self) -> None:
        self.ids: dict[bytes, int] = {}  # term → its number, in order of first posting
        self.terms = array("I")  # each posting's term number
        self.docs = array("I")
        self.weights = array("d")  # not "f": a block's maximum weight is kept unrounded
        self.data = bytearray()  # the values (positions, pickled by the field) end to end
        self.ends = array("I", [0])  # posting i's value is data[ends[i]:ends[i + 1]]

    def add(self, text: bytes, docnum: int, weight: float, value: bytes | None) -> None:
        number = self.ids.get(text)
        if number is None:
            number = self.ids[text] = len(self.ids)
        self.terms.append(number)
        self.docs.append(docnum)
        self.weights.append(weight)
        if value:
            self.data += value
        self.ends.append(len(self.data))

    def by_term(self) -> Iterator[TermPostings]:
        counts = [0] * len(self.ids)
        for number in self.terms:
            counts[number] += 1
        ordered = sorted(self.ids.items())
        slots = [0] * len(self.ids)  # where each term's postings go in ``order``
        first = 0
        for _, number in ordered:
            slots[number] = first
            first += counts[number]
        order = array("I", bytes(4 * len(self.terms)))  # postings grouped by term
        for posting, number in enumerate(self.terms):
            order[slots[number]] = posting
            slots[number] += 1
        docs, weights, ends = self.docs, self.weights, self.ends
        values = memoryview(self.data)
        try:
            first = 0
            for text, number in ordered:
                group = order[first : first + counts[number]]
                first += counts[number]
                yield (
                    text,
                    array("I", map(docs.__getitem__, group)),
                    array("d", map(weights.__getitem__, group)),
                    [values[ends[i] : ends[i + 1]].tobytes() for i in group],
                )
        finally:
            values.release()


class GroupedPostingPool:
    """In place of ``whoosh.writing.PostingPool``: postings grouped per field and term."""

    def __init__(self) -> None:
        self.fields: dict[str, _Field] = {}
        self.fieldnames: set[str] = set()  # read by Whoosh's multiprocessing writer

    @property
    def postings(self) -> int:
        """How many postings the pool holds (what its memory grows with)."""
        return sum(len(field.docs) for field in self.fields.values())

    def _field(self, fieldname: str) -> _Field:
        field = self.fields.get(fieldname)
        if field is None:
            field = self.fields[fieldname] = _Field()
            self.fieldnames.add(fieldname)
        return field

    def add(self, item: Posting) -> None:
        """One posting (Whoosh's interface: merging a segment's postings in)."""
        fieldname, text, docnum, weight, value = item
        self._field(fieldname).add(text, docnum, weight, value)

    def add_field(
        self,
        fieldname: str,
        docnum: int,
        items: Iterable[tuple[bytes, int, float, Any]],
        boost: float,
    ) -> int:
        """A document's postings in one field; returns the field's length (sum of freqs).

        ``_Field.add`` inlined, its appends bound once: millions of postings."""
        field = self._field(fieldname)
        ids = field.ids
        number_of = ids.get
        add_term, add_doc = field.terms.append, field.docs.append
        add_weight, add_end = field.weights.append, field.ends.append
        data = field.data
        length = 0
        for text, freq, weight, value in items:
            number = number_of(text)
            if number is None:
                number = ids[text] = len(ids)
            add_term(number)
            add_doc(docnum)
            add_weight(weight * boost)
            if value:
                data += value  # in place: the field's own buffer
            add_end(len(data))
            length += freq
        return length

    def fields_by_term(self) -> Iterator[tuple[str, Iterator[TermPostings]]]:
        """Each field in name order with its postings by term; each is dropped once read."""
        for fieldname in sorted(self.fields):
            yield fieldname, self.fields[fieldname].by_term()
            del self.fields[fieldname]

    def iter_postings(self) -> Iterator[Posting]:
        """Every posting in (field, term, document) order, as Whoosh's pool yields them."""
        for fieldname, terms in self.fields_by_term():
            for text, docs, weights, values in terms:
                for docnum, weight, value in zip(docs, weights, values, strict=True):
                    yield fieldname, text, docnum, weight, value

    def save(self) -> None:
        pass  # nothing is ever spilled to disk

    def cleanup(self) -> None:
        self.fields.clear()
