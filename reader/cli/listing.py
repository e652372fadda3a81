"""``article-reader list``: every catalogued article, one line each or as a JSON array.

The JSON is written row by row, as ``json.dumps([row.to_json() …], ensure_ascii=False,
indent=1)`` would write it, byte for byte (a test says so): with ``indent`` set, ``json``
leaves its C encoder for its pure-Python one, which would be most of the command's time
on a large library. Here each string is still escaped by ``json``'s C function; only the
layout, fixed for a row, is ours. Nothing is held but one row's text at a time.

**The last listing is kept** (:func:`write_listing`), in the library's data folder: the
exact text of the last ``list`` and what it was made of (the catalog's generation, the
order, the format, this code's version, and the reader's triage: states, queue, the words
that mark them). Scripts ask for the same listing again and
again, mostly with nothing changed; reading every row, sorting and encoding them is
then most of the command's time, and is the same text again. A listing asked at the
same generation is copied from it instead. The catalog's generation counts every
commit to it, by any process (:meth:`~reader.core.catalog.store.Catalog.generation`),
so a listing is never taken from a catalog that changed since. One listing is kept (the
size of one ``list`` output); a failure to keep it (a full disk, a read-only folder)
only means the next listing is made afresh.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from reader import __version__
from reader.cli.language import translate
from reader.cli.terminal import printable
from reader.core.catalog.ordering import sorted_rows
from reader.core.catalog.store import CatalogRow

if TYPE_CHECKING:
    from reader.core.library.library import Library

LAST_LISTING = "last-listing.txt"  # in the library's data folder
LISTING_FORMAT = 1  # one more whenever the text of a listing changes for the same rows
_encode = json.encoder.encode_basestring  # what json uses with ensure_ascii=False
_CHUNK = 1 << 20


def write_listing(
    library: Library,
    order: str | None,
    reverse: bool,
    as_json: bool,
    out: TextIO,
    state: str | None = None,
) -> None:
    """The library's catalogued articles on ``out`` (``list``), all or those of one
    triage ``state`` (``later`` with no ``order``: the queue's own order): the last
    listing again when nothing changed since it was made (see the module), else made
    now and kept."""
    from reader.core.triage.triage import Triage

    triage = Triage(library.userdata)
    states = triage.states()
    queue = triage.queue() if state == "later" and order is None else None
    # The reader's triage is not the catalog's: its states (and the queue's order) and
    # the words that mark them are part of what the listing was made of.
    marks = (sorted(states.items()), queue, translate("CommandLine", "later"),
             translate("CommandLine", "archived"))  # fmt: skip
    made_of = hashlib.blake2b(repr(marks).encode(), digest_size=12).hexdigest()
    # The generation is read before the rows: a commit in between makes the kept
    # listing look older than it is (made again next time), never newer.
    generation = library.catalog.generation()
    key = (
        f"{__version__} {LISTING_FORMAT} {generation} {order} {reverse} {as_json}"
        f" {state} {made_of}\n"
    )
    kept = library.data_dir / LAST_LISTING
    if _copy_kept(kept, key, out):
        return
    rows = library.catalog.rows()
    if state is not None:
        rows = [row for row in rows if states.get(row.id, "inbox") == state]
    if queue is not None:
        place = {article_id: n for n, article_id in enumerate(queue)}
        rows.sort(key=lambda row: place.get(row.id, len(place)), reverse=reverse)
    else:
        rows = sorted_rows(rows, order or "date", reverse)
    with _Keeping(kept, key, out) as keeping:
        write_list(rows, as_json, keeping, states)


def _copy_kept(kept: Path, key: str, out: TextIO) -> bool:
    """Copy the kept listing to ``out`` if it was made with ``key``; False if not.

    As bytes when ``out`` writes UTF-8 (a pipe, a file, a terminal of today): the
    listing's text is never decoded nor encoded again."""
    try:
        source = kept.open("rb")
    except OSError:
        return False
    with source:
        try:
            if source.readline() != key.encode("utf-8"):
                return False
            chunk = source.read(_CHUNK)
        except OSError:
            return False
        # Only now is anything written: a listing is whole or not at all from here.
        raw = getattr(out, "buffer", None)
        if raw is not None and codecs.lookup(out.encoding or "ascii").name == "utf-8":
            out.flush()
            while chunk:
                raw.write(chunk)
                chunk = source.read(_CHUNK)
            return True
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        while chunk:
            out.write(decoder.decode(chunk))
            chunk = source.read(_CHUNK)
        out.write(decoder.decode(b"", final=True))
    return True


class _Keeping:
    """A text stream that writes to ``out`` and into the kept listing's file: renamed in
    place when whole, dropped on any failure (``out``'s failures still raise)."""

    def __init__(self, kept: Path, key: str, out: TextIO) -> None:
        self.kept = kept
        self.out = out
        self.partial = kept.with_name(f".{kept.name}.{os.getpid()}")
        self.file: TextIO | None = None
        try:
            self.file = self.partial.open("w", encoding="utf-8", newline="")
            self.file.write(key)
        except (OSError, UnicodeError):
            self._drop()

    def write(self, text: str) -> int:
        self.out.write(text)
        if self.file is not None:
            try:
                self.file.write(text)
            except (OSError, UnicodeError):
                self._drop()
        return len(text)

    def __enter__(self) -> _Keeping:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if kind is not None or self.file is None:
            self._drop()
            return
        try:
            self.file.close()
            os.replace(self.partial, self.kept)
        except OSError:
            self._drop()

    def _drop(self) -> None:
        if self.file is not None:
            with contextlib.suppress(OSError):
                self.file.close()
            self.file = None
        with contextlib.suppress(OSError):
            self.partial.unlink()


def write_list(
    rows: Iterable[CatalogRow],
    as_json: bool,
    out: TextIO | _Keeping,
    states: Mapping[int, str] | None = None,
) -> None:
    """The rows on ``out``: a JSON array, or one line each for a terminal. With
    ``states`` (article id → triage state; absent: inbox), each JSON object has its
    ``"state"`` and each line ends with its state when it is out of the inbox."""
    if as_json:
        _write_json(rows, out, states)
        return
    words = {
        "later": translate("CommandLine", "later"),
        "archive": translate("CommandLine", "archived"),
    }
    for row in rows:
        status = f"  [error: {row.error}]" if row.error else ""
        state = states.get(row.id, "inbox") if states is not None else "inbox"
        status += f"  [{words[state]}]" if state in words else ""
        line = f"{row.date or '----':10}  {row.source[:20]:20}  {row.title}  ({row.path}){status}"
        out.write(printable(line) + "\n")


def _write_json(
    rows: Iterable[CatalogRow], out: TextIO | _Keeping, states: Mapping[int, str] | None
) -> None:
    empty = True
    for row in rows:
        out.write("[\n" if empty else ",\n")
        state = "" if states is None else f',\n  "state": {_encode(states.get(row.id, "inbox"))}'
        out.write(_json_object(row, state))
        empty = False
    out.write("[]\n" if empty else "\n]\n")


def _json_object(row: CatalogRow, state: str) -> str:
    """``row.to_json()`` as an element of the indented array: one f-string, since a dict
    and a call per value would cost more than all the rest of the listing."""
    tags = "[\n   " + ",\n   ".join(map(_encode, row.tags)) + "\n  ]" if row.tags else "[]"
    return (
        f' {{\n  "id": {row.id},\n  "path": {_encode(row.path)},\n'
        f'  "title": {_encode(row.title)},\n  "date": {_maybe(row.date)},\n'
        f'  "source": {_encode(row.source)},\n  "lang": {_maybe(row.lang or None)},\n'
        f'  "words": {row.words},\n  "tags": {tags},\n  "excerpt": {_encode(row.excerpt)},\n'
        f'  "error": {_maybe(row.error)}{state}\n }}'
    )


def _maybe(text: str | None) -> str:
    return "null" if text is None else _encode(text)
