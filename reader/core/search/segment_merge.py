"""A build's segments merged into one, while the index stays searched and written.

A big build leaves one segment per worker and commit
(:mod:`reader.core.library.parallel_build`), and every query pays for each segment
(a matcher per term and segment): with a score of segments that is a third of a
query's time. Whoosh's own merge (``commit(optimize=True)``) holds the index's write
lock throughout, so every other write waits minutes, and gathers every posting in
memory. Here a merge (:func:`merge_segments`) goes in two steps:

1. **Staged** (:func:`stage_merge`), with no lock: the merged segment is written into a
   hidden folder of the index (:data:`STAGING`), which Whoosh never lists nor cleans.
   Readers keep searching the old segments; writers keep committing. Documents are
   copied segment by segment, postings term by term (the segments' sorted terms
   merged as they are read), so memory holds one term's postings, not the index.
2. **Committed** (:meth:`StagedMerge.commit`) under the index's write lock, in
   milliseconds, and under the library's writer lock (``exclusive``, given by the
   library): a build's workers write their segments into the index folder unlisted
   until the build commits them, and any other commit would delete their files.
   Then, if every merged segment is still in the index (another writer may
   have merged them: then nothing is done), what was deleted from them meanwhile is
   deleted from the merged one, its files are moved in, and a new table of contents
   lists it in their place. Whoosh deletes their files then (a reader that holds
   them open reads on).

A merge killed or failed at any point leaves the index as it was, and at most its
staged folder, which the next merge clears. Only one merge runs at a time per index
(a lock file, released by the system when its process dies). A merge needs free disk
for the merged segment, about the size of the segments merged, plus
:data:`~reader.core.limits.MERGE_SPARE_BYTES`; with less it is not started and the
index stays as it is, searched as before.
"""

from __future__ import annotations

import contextlib
import heapq
import os
import shutil
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.codec import default_codec
from whoosh.columns import TranslatingColumnReader
from whoosh.filedb.filestore import FileStorage
from whoosh.reading import SegmentReader

from reader.core.limits import MERGE_SPARE_BYTES
from reader.core.search.index_files import abandon
from reader.core.search.merging import TINY_SEGMENT_DOCS as TINY_SEGMENT_DOCS  # the rule's
from reader.core.search.posting_pool import GroupedSegmentWriter
from reader.core.search.term_writer import TermWriter

try:
    import fcntl
except ImportError:  # Windows: merges are not kept apart (one would find the other's
    fcntl = None  # type: ignore[assignment]  # segments gone and give up)

STAGING = ".merging"  # hidden: Whoosh's clean-up skips names starting with "."
_LOCK = ".merging.lock"
# The largest segment stays out of a merge when it holds this many times the documents
# of all the others: adding 2,000 articles to 100,000 rewrites 2,000, not 102,000.
LARGEST_KEPT_ABOVE = 4
LOCK_SECONDS = 60.0  # waiting for the index's write lock to commit (nobody waits on us)


def merge_sources(segments: list[Any], least_docs: int | None = None) -> list[Any]:
    """The segments worth merging into one (none: the index is left as it is).

    A build's: the segments beside the largest must hold at least ``least_docs``
    documents (default: what live updates' tiny segments, gathered apart by
    :func:`~reader.core.search.merging.merge_tiny_segments`, stay under). All of them,
    or all but the largest when it is :data:`LARGEST_KEPT_ABOVE` times the rest."""
    least_docs = TINY_SEGMENT_DOCS if least_docs is None else least_docs
    if len(segments) < 2:
        return []
    largest = max(segments, key=lambda segment: segment.doc_count_all())
    rest = [segment for segment in segments if segment is not largest]
    rest_docs = sum(segment.doc_count_all() for segment in rest)
    if rest_docs < least_docs:
        return []
    if rest_docs * LARGEST_KEPT_ABOVE >= largest.doc_count_all():
        return list(segments)
    return rest if len(rest) > 1 else []


def needs_merge(segments: list[Any], least_docs: int | None = None) -> bool:
    """True when a build left segments worth merging (see :func:`merge_sources`)."""
    return bool(merge_sources(segments, least_docs))


def index_needs_merge(folder: Path, least_docs: int | None = None) -> bool:
    """:func:`needs_merge` of the index in ``folder`` (False when there is none)."""
    try:
        ix = whoosh_index.open_dir(str(folder))
    except Exception:  # no index, or one the library will rebuild: nothing to merge
        return False
    try:
        return needs_merge(ix._segments(), least_docs)  # type: ignore[no-untyped-call]
    finally:
        ix.close()  # type: ignore[no-untyped-call]


def merge_segments(
    folder: Path,
    least_docs: int | None = None,
    exclusive: Callable[[], AbstractContextManager[object]] = contextlib.nullcontext,
) -> str:
    """Merge the index's segments into one if it needs it (see the module); the
    commit is made inside ``exclusive()`` (the library's writer lock).

    Returns what happened: ``"merged"``, ``"not needed"``, ``"busy"`` (another merge
    runs), ``"no room"`` (too little free disk), ``"outdated"`` (another writer merged
    some of the segments meanwhile)."""
    with _merge_lock(folder) as alone:
        if not alone:
            return "busy"
        staged = stage_merge(folder, least_docs)
        if isinstance(staged, str):
            return staged
        with exclusive():
            return "merged" if staged.commit() else "outdated"


def merge_running(folder: Path) -> bool:
    """True while a process merges the index in ``folder``."""
    with _merge_lock(folder) as alone:
        return not alone


@contextlib.contextmanager
def _merge_lock(folder: Path) -> Iterator[bool]:
    try:
        fd = os.open(folder / _LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:  # no index folder, or one we cannot write: no merge either
        yield False
        return
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
        yield True
    finally:
        os.close(fd)  # closing releases the lock


@dataclass
class StagedMerge:
    """A merged segment written beside the index, not yet in it."""

    folder: Path
    staging: Path
    merged: Any  # the new segment (Whoosh is untyped)
    sources: list[Any]  # the segments it replaces, as they were when staged
    deleted: list[set[int]]  # each source's deleted documents then
    docmaps: list[array[int]]  # each source's document → the merged one's (-1: dropped)

    def commit(self) -> bool:
        """Put the merged segment in place of its sources; False (and the staged
        files removed) when one of them is no longer in the index."""
        try:
            ix = whoosh_index.open_dir(str(self.folder))
        except BaseException:
            self.discard()
            raise
        try:
            return self._commit(ix)
        finally:
            ix.close()  # type: ignore[no-untyped-call]

    def _commit(self, ix: Any) -> bool:
        try:
            writer: Any = GroupedSegmentWriter(ix, timeout=LOCK_SECONDS, compound=False)
        except BaseException:
            self.discard()
            raise
        try:
            current = {segment.segment_id(): segment for segment in writer.segments}
            names = [segment.segment_id() for segment in self.sources]
            if any(name not in current for name in names):
                abandon(writer)
                self.discard()
                return False
            for name, before, docmap in zip(names, self.deleted, self.docmaps, strict=True):
                for docnum in set(current[name].deleted_docs()) - before:
                    if docmap[docnum] >= 0:  # deleted meanwhile: deleted here too
                        self.merged.delete_document(docmap[docnum])
            own = f"{self.merged.segment_id()}."
            for name in os.listdir(self.staging):
                if name.startswith(own):  # its files (not the codec's temporary folder)
                    os.replace(self.staging / name, self.folder / name)
            # In the place of the first it replaces: the others keep their order.
            segments = [
                self.merged if segment.segment_id() == names[0] else segment
                for segment in writer.segments
                if segment.segment_id() == names[0] or segment.segment_id() not in names
            ]
            writer._close_segment()
            writer._commit_toc(segments)
            writer._finish()
        except BaseException:
            abandon(writer)
            self.discard()
            raise
        self.discard()
        return True

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def stage_merge(folder: Path, least_docs: int | None = None) -> StagedMerge | str:
    """Write the merge of the index's segments beside it (see the module); a reason
    (``"not needed"``, ``"no room"``) when there is nothing to stage. Holds no lock:
    call it through :func:`merge_segments`, which keeps merges apart."""
    staging = folder / STAGING
    shutil.rmtree(staging, ignore_errors=True)  # what a killed merge left
    ix = whoosh_index.open_dir(str(folder))
    try:
        toc = ix._read_toc()  # type: ignore[no-untyped-call]
        sources = merge_sources(list(toc.segments), least_docs)
        if not sources:
            return "not needed"
        if shutil.disk_usage(folder).free < _size(folder, sources) + MERGE_SPARE_BYTES:
            return "no room"
        staging.mkdir()
        try:
            return _write_merged(folder, staging, ix.indexname, toc.schema, sources)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    finally:
        ix.close()  # type: ignore[no-untyped-call]


def _size(folder: Path, segments: list[Any]) -> int:
    prefixes = tuple(f"{segment.segment_id()}." for segment in segments)
    return sum(
        entry.stat().st_size for entry in os.scandir(folder) if entry.name.startswith(prefixes)
    )


def _write_merged(
    folder: Path, staging: Path, indexname: str, schema: Any, sources: list[Any]
) -> StagedMerge:
    codec = default_codec()  # type: ignore[no-untyped-call]
    storage = FileStorage(str(staging))  # type: ignore[no-untyped-call]
    merged = codec.new_segment(storage, indexname)
    index_storage = FileStorage(str(folder))  # type: ignore[no-untyped-call]
    readers = [SegmentReader(index_storage, schema, segment) for segment in sources]
    try:
        deleted = [set(segment.deleted_docs()) for segment in sources]
        perdoc = codec.per_document_writer(storage, merged)
        try:
            docmaps, lengths, count = _copy_documents(perdoc, schema, readers)
        finally:
            perdoc.close()
        fieldwriter = codec.field_writer(storage, merged)
        try:
            _merge_postings(fieldwriter, schema, readers, docmaps, lengths, count)
        finally:
            fieldwriter.close()
        merged.set_doc_count(count)
    finally:
        for reader in readers:
            reader.close()
    return StagedMerge(folder, staging, merged, sources, deleted, docmaps)


def _copy_documents(
    perdoc: Any, schema: Any, readers: list[Any]
) -> tuple[list[array[int]], dict[str, list[int]], int]:
    """Each source's live documents, in order, as Whoosh's ``write_per_doc`` copies
    them; returns the document maps, each scorable field's lengths, the count."""
    names = list(schema.names())
    lengths: dict[str, list[int]] = {name: [] for name in names if schema[name].scorable}
    docmaps = []
    count = 0
    for reader in readers:
        columns = {}
        for name in names:
            column_type = schema[name].column_type
            if column_type and reader.has_column(name):
                column = reader.column_reader(name, column_type)
                if isinstance(column, TranslatingColumnReader):
                    column = column.raw_column()  # type: ignore[no-untyped-call]
                columns[name] = column
        docmap = array("l", [-1]) * reader.doc_count_all()
        for docnum, stored in reader.iter_docs():
            docmap[docnum] = count
            perdoc.start_doc(count)
            for name in names:
                field = schema[name]
                length = reader.doc_field_length(docnum, name, 0)
                perdoc.add_field(name, field, stored.get(name), length)
                if name in lengths:
                    lengths[name].append(length)
                if name in columns:
                    perdoc.add_column_value(name, field.column_type, columns[name][docnum])
            perdoc.finish_doc()
            count += 1
        docmaps.append(docmap)
    return docmaps, lengths, count


def _merge_postings(
    fieldwriter: Any,
    schema: Any,
    readers: list[Any],
    docmaps: list[array[int]],
    lengths: dict[str, list[int]],
    count: int,
) -> None:
    """Every term's postings from the sources, renumbered, through a TermWriter: the
    fields in name order, each field's terms in order (a merge of the sources')."""
    fields = sorted({name for reader in readers for name in reader.indexed_field_names()})
    for name in fields:
        if name not in schema:
            continue  # as Whoosh does (a field dropped from the schema)
        field = schema[name]
        fieldwriter.start_field(name, field)
        writer = TermWriter(fieldwriter, field, lengths.get(name) or [0] * count)
        streams = [
            _tagged(reader.lexicon(name), n)
            for n, reader in enumerate(readers)
            if name in reader.indexed_field_names()
        ]
        for text, group in groupby(heapq.merge(*streams), key=itemgetter(0)):
            docs: array[int] = array("l")
            weights: array[float] = array("d")
            values: list[bytes] = []
            for _, n in group:
                matcher = readers[n]._terms.matcher(name, text, field.format)
                _gather(matcher, docmaps[n], docs, weights, values)
            if docs:  # else every document holding it was deleted
                writer.write(text, docs, weights, values)
        fieldwriter.finish_field()


def _tagged(terms: Iterable[bytes], n: int) -> Iterator[tuple[bytes, int]]:
    """A source's terms, each with the source's number."""
    for text in terms:
        yield text, n


def _gather(
    matcher: Any, docmap: array[int], docs: array[int], weights: array[float], values: list[bytes]
) -> None:
    """One source's postings of a term, block by block, its documents renumbered (the
    matcher reads the postings file itself: deleted documents are dropped here)."""
    if not hasattr(matcher, "_read_ids"):  # postings inlined in the term's info (a
        while matcher.is_active():  # codec option this index does not use)
            new = docmap[matcher.id()]
            if new >= 0:
                docs.append(new)
                weights.append(matcher.weight())
                values.append(matcher.value() or b"")
            matcher.next()
        return
    first = docmap[0] if docmap else -1
    whole = first >= 0 and docmap[-1] == first + len(docmap) - 1  # nothing deleted
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        matcher._read_values()
        if whole:  # the block as it is, shifted: most sources (a build deletes nothing)
            docs.extend(map(first.__add__, matcher._ids))
            weights.extend(iter(matcher._weights))  # a float array, or a tuple
            values.extend([value or b"" for value in matcher._values])
            matcher._next_block()
            continue
        for docnum, weight, value in zip(
            matcher._ids, matcher._weights, matcher._values, strict=True
        ):
            new = docmap[docnum]
            if new >= 0:
                docs.append(new)
                weights.append(weight)
                values.append(value or b"")
        matcher._next_block()
