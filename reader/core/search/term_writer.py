"""One term's postings written as Whoosh's W3 codec writes them, in fewer steps.

``W3PostingsWriter`` writes a term through a dozen method calls and objects (a
``W3TermInfo``, fresh arrays per block, a generator for the id deltas, block
statistics gathered posting by posting). A segment has tens of thousands of terms,
most of one short block, so that per-term machinery is most of writing it.
:class:`TermWriter` does the same computation straight from the pool's arrays: same
blocks, same statistics, same compression, same term info.

One thing differs: a block's postings are pickled with protocol 3, not 2. Under
protocol 2 each position list (a ``bytes``) is pickled as a call to
``codecs.encode`` on a latin-1 string, several times the size of its data, which
makes the blocks larger and slower to pickle and compress.
Whoosh reads blocks with ``pickle.loads``, which takes any protocol, so any Whoosh
searcher reads them, and finds the same postings
(``tests/core/test_posting_pool.py``).
"""

from __future__ import annotations

import zlib
from array import array
from operator import sub
from pickle import dumps
from typing import Any

from whoosh.codec.whoosh3 import COMPRESSION_MIN_SIZE, WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte

_TERM_INFO = W3TermInfo._struct  # flags, weight, doc freq, lengths, max weight, ids
_BLOCK_PROTOCOL = 3  # bytes as bytes (see above); the block infos stay Whoosh's 2


class TermWriter:
    """Writes the terms of one field of a segment opened by a ``W3FieldWriter``."""

    def __init__(self, fieldwriter: Any, fieldobj: Any, lengths: list[int]) -> None:
        self.postfile = fieldwriter._postfile
        self.add_term = fieldwriter._tindex.add
        self.prefix = pack_ushort(fieldwriter._fieldid)
        self.lengths = lengths  # each document's length in the field (0: none)
        codec = fieldwriter._codec
        self.limit = int(codec._blocklimit)
        self.compression = int(codec._compression)
        if codec._inlinelimit > 1:
            raise ValueError("inlined postings are not written here")
        self.fixed = fieldobj.format.fixed_value_size()

    def write(
        self, text: bytes, docs: array[int], weights: array[float], values: list[bytes]
    ) -> None:
        """What ``start_term``, ``add`` per posting, and ``finish_term`` would write.

        ``docs`` in increasing order; ``weights`` each as the field gave it (``"d"``);
        ``values`` b"" for none."""
        postfile = self.postfile
        start = postfile.tell()
        postfile.write(WHOOSH3_HEADER_MAGIC)
        total = len(docs)
        weight_sum = 0.0
        min_length: int | None = None
        max_length = 0
        max_weight: float = 0
        for first in range(0, total, self.limit):
            end = min(first + self.limit, total)
            ids = docs[first:end]
            exact = weights[first:end]
            stored = array("f", exact)  # what the block keeps: 32-bit floats
            weight_sum += sum(stored)
            lengths = [n for n in map(self.lengths.__getitem__, ids) if n]
            block_min = min(lengths) if lengths else None
            block_max = max(lengths) if lengths else 0
            top = max(exact)
            block_weight: float = top if top > 0 else 0  # Whoosh starts from an int 0
            if min_length is None:
                min_length = block_min
            elif block_min is not None:
                min_length = min(min_length, block_min)
            max_length = max(max_length, block_max)
            max_weight = max(max_weight, block_weight)
            postings = (self._ids(ids), _weights(stored), self._values(values[first:end]))
            data = dumps(postings, _BLOCK_PROTOCOL)
            level = self.compression if len(data) >= COMPRESSION_MIN_SIZE else 0
            if level:
                data = zlib.compress(data, level)
            info = (
                len(ids),
                ids[-1],
                block_weight,
                level,
                length_to_byte(block_min),
                length_to_byte(block_max),
            )
            infobytes = dumps(info, 2)
            size = len(infobytes) + len(data)
            postfile.write(pack_int(-size if end == total else size))  # last block: negative
            postfile.write(infobytes)
            postfile.write(data)
        extent = postfile.tell() - start
        terminfo = _TERM_INFO.pack(
            False,
            weight_sum,
            total,
            0 if min_length is None else length_to_byte(min_length),
            length_to_byte(max_length),
            max_weight,
            docs[0],
            docs[-1],
        )
        self.add_term(self.prefix + text, terminfo + pack_long(start) + pack_int(extent))

    @staticmethod
    def _ids(ids: array[int]) -> tuple[int, ...]:
        return (ids[0], *map(sub, ids[1:], ids))  # deltas, the first from 0

    def _values(self, values: list[bytes]) -> Any:
        kept = [value for value in values if value]  # as add_posting keeps them
        if self.fixed is None or self.fixed < 0:
            return tuple(kept)
        if self.fixed == 0:
            return None
        return b"".join(kept)


def _weights(stored: array[float]) -> Any:
    count = len(stored)
    if stored.count(1.0) == count:
        return None
    if stored.count(stored[0]) == count:
        return stored[0]
    return tuple(stored)
