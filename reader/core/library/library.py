"""A library: a folder of articles, its catalog and its search index, kept in step.

``refresh()`` is the one way to bring everything up to date: scan the folder
(stat only), parse what is new or changed (mtime and size first, content
fingerprint to confirm), recognise renames and moves by fingerprint (same
identity, not a delete plus an add), commit the catalog and the index in
batches, and index whatever an earlier run left unindexed (a crash, a missing
index). It never writes into the library folder.
One way reads a catalogued article: :meth:`Library.read_article`. Only a refresh parses
files by path (``parse_file``): what is new or changed, about to be catalogued.

A relaunch with nothing changed (``list``, the window's first refresh) loads neither
the parsers nor Whoosh: they are imported, and the search index opened, when first
needed (:attr:`Library.index`), so the scan and the catalog read are all it waits for.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import sqlite3
import tempfile
import threading
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.annotations.userdata import UserData
from reader.core.articles.article import Article
from reader.core.articles.scanning import walk
from reader.core.catalog.damage import CatalogCorrupt, copy_database, is_corruption
from reader.core.catalog.paths import library_data_dir
from reader.core.catalog.store import Catalog, CatalogRow, FileState
from reader.core.library import guard
from reader.core.library.changes import ChangeSet as ChangeSet
from reader.core.library.changes import commit_batch
from reader.core.library.guard import Cancelled as Cancelled
from reader.core.library.guard import DiskFull as DiskFull
from reader.core.library.guard import LibraryError as LibraryError
from reader.core.library.guard import LibraryUnavailable as LibraryUnavailable
from reader.core.library.planning import Plan as Plan
from reader.core.library.planning import batches, make_plan, unless_stopped

if TYPE_CHECKING:
    from reader.core.search.index import SearchIndex

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]  # done, total, what is happening
BATCH_SIZE = 500
# Articles a commit of a big refresh (the command line, the bulk indexer). Each commit
# adds one segment per writer process, and every query pays per segment; what a build
# leaves is merged afterwards (see reader.core.search.segment_merge). Here, not beside the
# bulk indexer, so that a command that only lists need not load multiprocessing.
BULK_INDEX_BATCH = 10_000
FIRST_BATCHES = (50, 200)  # small first batches: a new library's list appears at once


def _no_progress(done: int, total: int, message: str) -> None:
    pass


def _never() -> bool:
    return False


class Library:
    def __init__(
        self, root: Path, data_dir: Path | None = None, *, merge_in_background: bool = True
    ) -> None:
        """``merge_in_background``: a refresh that leaves the index needing a merge
        starts one in a process of its own (the window; see
        :mod:`reader.core.library.index_upkeep`); False for whoever merges itself
        (:meth:`merge_index`) or never."""
        root = Path(root).expanduser()
        if not root.is_dir():
            raise LibraryError(f"not a folder: {root}")
        if not os.access(root, os.R_OK | os.X_OK):
            raise LibraryError(f"cannot read the folder: {root}")
        self.root = root.resolve()
        self.merge_in_background = merge_in_background
        self.read_only_reason = ""  # why changes cannot be saved; "" when they can
        self.catalog_read_only = False  # the catalog's files cannot be written, not the folder
        try:
            self.data_dir = data_dir or library_data_dir(self.root)
            self.data_dir.mkdir(parents=True, exist_ok=True)
            guard.check_writable(self.data_dir / "catalog.sqlite3")
            self.catalog = Catalog(self.data_dir / "catalog.sqlite3")
        except (sqlite3.Error, OSError) as exc:
            if is_corruption(exc):
                raise CatalogCorrupt(self.data_dir / "catalog.sqlite3", exc) from exc
            self._open_read_only(data_dir, exc)
        self.userdata = UserData(self.catalog.path, read_only=bool(self.read_only_reason))
        self.folders: list[Path] = [self.root]  # every folder the last scan walked
        self._versions: dict[int, tuple[str, int, int, str]] | None = None  # changes_elsewhere
        self._device: int | None = None  # the folder's st_dev at the last plan
        self._index: SearchIndex | None = None
        self._index_lock = threading.Lock()
        if not (self.data_dir / "index").is_dir():  # made now: the catalog must know
            self._open_index()

    @property
    def index(self) -> SearchIndex:
        """The search index, opened at first use (see the module: a relaunch with
        nothing changed never needs it); one that opening finds unusable is made
        afresh and every article marked for indexing."""
        index = self._index
        if index is None:
            with self._index_lock:
                index = self._index if self._index is not None else self._open_index()
        return index

    def _open_index(self) -> SearchIndex:
        from reader.core.search.index import SearchIndex

        folder = self.data_dir / "index"
        if folder.is_dir():  # opened as it is: no writer lock needed
            index = SearchIndex(folder)
        else:  # created: never while another process creates or writes it
            with self.writing():
                index = SearchIndex(folder)
        if index.created:
            with self.writing():
                self.catalog.mark_all_unindexed()
        self._index = index
        return index

    @contextmanager
    def writing(
        self, progress: Progress = _no_progress, should_stop: Callable[[], bool] = _never
    ) -> Iterator[None]:
        """Holds the library's writer lock (see :mod:`reader.core.library.guard`)."""

        def waiting() -> None:
            progress(0, 0, "Waiting for another process updating this library")

        with guard.writer_lock(self.data_dir).held(waiting, should_stop):
            yield

    def _open_read_only(self, data_dir: Path | None, exc: BaseException) -> None:
        """The data folder cannot be written: work on a copy, save nothing.

        The saved catalog (and the highlights in it) is copied read-only into a
        temporary folder, with the index; the session lists, searches and shows
        what was saved, and every change is refused with this reason.
        """
        log.warning("the data folder cannot be written (%s): read-only session", exc)
        self.catalog_read_only = isinstance(exc, guard.CatalogReadOnly)
        what = "catalog" if self.catalog_read_only else "data folder"
        self.read_only_reason = f"the library's {what} cannot be written ({exc})"
        original = data_dir or library_data_dir(self.root, create=False)
        self.data_dir = Path(tempfile.mkdtemp(prefix="article-reader-readonly-"))
        saved = original / "catalog.sqlite3"
        if saved.exists():
            copy_database(saved, self.data_dir / "catalog.sqlite3")
        if (original / "index").is_dir():
            shutil.copytree(original / "index", self.data_dir / "index", dirs_exist_ok=True)
        self.catalog = Catalog(self.data_dir / "catalog.sqlite3")

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
        self.userdata.close()
        self.catalog.close()
        if self.read_only:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def rebuild_index(self) -> None:
        """Start the search index afresh (e.g. after ``IndexCorrupt``); the catalog stays.

        The index is emptied now and every article marked unindexed: the next
        ``refresh()`` indexes them all. Call it where index writes happen, not
        during a refresh.
        """
        with self.writing():
            self.index.recreate()
            self.catalog.mark_all_unindexed()

    def changes_elsewhere(self) -> ChangeSet:
        """What other processes changed in the catalog since this one last looked.

        One cheap read when nothing changed (the catalog's generation). The first
        call only takes note of the catalog as it is (call it when its rows are
        loaded). The result may repeat changes this process made itself (updates
        sent twice are harmless to a list).
        """
        generation = self.catalog.generation()
        if self._versions is not None and generation == self.catalog.seen_generation:
            return ChangeSet()
        before, self._versions = self._versions, self.catalog.versions()
        self.catalog.seen_generation = generation
        if before is None:
            return ChangeSet()
        now = self._versions
        return ChangeSet(
            added=[i for i in now if i not in before],
            updated=[i for i, version in now.items() if before.get(i, version) != version],
            removed=[i for i in before if i not in now],
        )

    # --- reading -------------------------------------------------------------

    def read_article(self, row: CatalogRow, summary: bool = True) -> Article:
        """The one way to read a catalogued article's current text: parsed now, in the
        language the catalog gave it. FileNotFoundError when its file is gone.
        ``summary=False``: its word count and excerpt are not needed (snippets)."""
        from reader.core.articles.formats import parse_file

        article = parse_file(self.root, row.path, detect=False, summary=summary)
        article.lang = row.lang
        return article

    def read_files(self, rows: Sequence[CatalogRow]) -> list[bytes | OSError]:
        """These articles' files as they are now, in one request to the file reader
        (a page of search hits' snippets); a file that cannot be read gives the
        ``OSError`` :meth:`read_article` would have met. Parse them with
        :meth:`parse_read`."""
        from reader.core.articles.file_reading import read_files
        from reader.core.articles.formats import MAX_BYTES
        from reader.core.articles.names import os_path

        return read_files([os_path(self.root, row.path) for row in rows], MAX_BYTES)

    def parse_read(self, row: CatalogRow, data: bytes, summary: bool = True) -> Article:
        """:meth:`read_article` of the bytes :meth:`read_files` gave for ``row``."""
        from reader.core.articles.formats import parse_bytes

        article = parse_bytes(row.path, data, detect=False, summary=summary)
        article.lang = row.lang
        return article

    def scan(self) -> dict[str, tuple[int, int]]:
        """Article files under the root: relative path → (mtime_ns, size)."""
        folders: list[Path] = []
        files = dict(walk(self.root, "", folders))
        self.folders = folders
        return files

    # --- bringing catalog and index up to date --------------------------------

    def refresh(
        self,
        progress: Progress = _no_progress,
        on_batch: Callable[[ChangeSet], None] | None = None,
        should_stop: Callable[[], bool] = _never,
        *,
        procs: int = 1,
        index_batch: int = BATCH_SIZE,
        plan: Plan | None = None,
    ) -> ChangeSet:
        """Sync the catalog with the folder and the index with the catalog.

        The catalog is committed in small batches; ``on_batch`` sees each batch's
        changes as soon as they are committed, and ``should_stop`` is checked
        between batches (raising :class:`Cancelled`). The index is written every
        ``index_batch`` articles (bigger batches index faster: fewer segments to
        merge); with ``procs`` > 1 and enough files, worker processes read and index
        them (:mod:`reader.core.library.parallel_build`: the command line and the
        bulk indexer ask for them); what is committed is searchable at once. A fresh
        ``plan`` saves scanning again (it is made again if another process changed
        the catalog since).

        The whole refresh holds the library's writer lock (another process's refresh
        is waited for, ``progress`` saying so), and raises :class:`LibraryUnavailable`
        when the folder is empty or not mounted (nothing is removed), :class:`DiskFull`
        when the data's disk filled up (what was committed stays; nothing half-written
        is left behind). In a read-only session the changes are made in its temporary
        copy only: the result's ``not_saved`` says so.
        """
        progress(0, 0, "Scanning")
        full: DiskFull | None = None
        with self.writing(progress, should_stop), ExitStack() as quiet:
            try:
                if plan is None or plan.generation != self.catalog.generation():
                    plan = self.plan(plan.asked if plan is not None else None)
                changes = self._refresh(plan, progress, on_batch, should_stop, procs, index_batch)
                changes.not_saved = self.read_only_reason
                if self._device is not None and self._device != self.catalog.state_value("device"):
                    self.catalog.set_state_value("device", self._device)
            except (OSError, sqlite3.Error) as exc:
                if not guard.is_disk_full(exc):
                    raise
                # The failed writer's files close as its frames go, when this block ends:
                # expected, so quietly. DiskFull keeps no link to them.
                quiet.enter_context(warnings.catch_warnings())
                warnings.simplefilter("ignore", ResourceWarning)
                full = DiskFull(self.data_dir, exc)
            if full is not None:
                from reader.core.search.index_files import discard_unfinished

                gc.collect()
                discard_unfinished(self.index.ix, self.index.folder)  # no writer runs now
        if full is not None:
            raise full
        if self.merge_in_background and not self.read_only:
            from reader.core.library.index_upkeep import merge_in_background

            merge_in_background(self.data_dir / "index")
        return changes

    def merge_index(self) -> str:
        """Merge the index's segments into one now, if a build left several (see
        :mod:`reader.core.search.segment_merge`; searches and writes go on meanwhile).
        Returns what happened (``"merged"``, ``"not needed"``, ``"no room"``, …)."""
        if self.read_only:
            return "read-only"
        from reader.core.search.segment_merge import merge_segments

        self.index  # noqa: B018  # opened, so a missing or broken one is made afresh first
        return merge_segments(self.data_dir / "index", exclusive=self.writing)

    def _refresh(
        self,
        plan: Plan,
        progress: Progress,
        on_batch: Callable[[ChangeSet], None] | None,
        should_stop: Callable[[], bool],
        procs: int,
        index_batch: int,
    ) -> ChangeSet:
        on_disk, known, to_parse = plan.on_disk, plan.known, plan.to_parse
        vanished = {rel: state for rel, state in known.items() if rel not in on_disk}
        by_fingerprint: dict[str, list[FileState]] = defaultdict(list)
        for state in vanished.values():
            if state.fingerprint:
                by_fingerprint[state.fingerprint].append(state)

        changes = ChangeSet()
        total = len(to_parse)
        done = 0
        if not to_parse and not vanished:  # nothing changed: no indexer (nor Whoosh) needed
            self._index_pending(progress, should_stop, procs, index_batch)
            self.keep_user_data()
            progress(total, total, "Up to date")
            return changes
        from reader.core.library.indexing import indexer_for

        indexer = indexer_for(self.root, self.index, procs, total, should_stop)

        def flush() -> None:
            if not indexer.waiting:
                return
            progress(done, total, "Indexing")
            try:
                indexed = indexer.flush()
            except Cancelled:
                raise
            except Exception as exc:
                from whoosh.index import LockError

                if isinstance(exc, LockError) or not self.index.is_damaged():
                    raise  # not the index's fault: never throw away a sound index for it
                log.warning("the search index is damaged; rebuilding it", exc_info=True)
                self.rebuild_index()  # every row unindexed: _index_pending indexes them
            else:
                self.catalog.mark_indexed(indexed, ())

        with indexer:
            to_read = batches(to_parse, FIRST_BATCHES, BATCH_SIZE)
            for paths, batch in indexer.parse(unless_stopped(to_read, should_stop), on_disk):
                progress(done, total, "Reading articles")
                result, upserts = commit_batch(self.catalog, batch, known, vanished, by_fingerprint)
                changes.extend(result)
                if on_batch and result:
                    on_batch(result)  # the list grows before the slower indexing
                indexer.add(upserts, paths)
                done += len(paths)
                if indexer.waiting >= index_batch or done <= FIRST_BATCHES[0]:
                    flush()  # the very first batch at once: a new library is searchable soon
            flush()
        gone = ChangeSet(removed=[state.id for state in vanished.values()])
        if gone:
            with self.catalog.transaction() as db:
                for state in vanished.values():
                    self.userdata.detach(db, state.id)  # in the same commit
                    self.catalog.delete(state.id)
            changes.extend(gone)
            if on_batch:
                on_batch(gone)
        self._index_pending(progress, should_stop, procs, index_batch)
        self.keep_user_data(changes.added)
        progress(total, total, "Up to date")
        return changes

    def keep_user_data(self, added: Iterable[int] = ()) -> None:
        """Highlights, stars and tags follow the articles.

        See :mod:`reader.core.annotations.following_files`.
        """
        if self.read_only:
            return
        if not self.userdata.detached() and not self.userdata.stale_article_ids():
            return  # nothing to follow: its code (the renderer's) need not even load
        from reader.core.annotations.following_files import follow_edits, follow_moves

        follow_moves(self, added)
        follow_edits(self)

    def plan(self, folders: Iterable[Path] | None = None) -> Plan:
        """What a refresh would do, from a scan (stats only, no file read).

        With ``folders`` (those the watcher saw change), only their own entries
        are compared with the catalog, plus whatever is under a subfolder that
        appeared or vanished: at 100,000 files that is milliseconds, not a second.
        Raises :class:`LibraryUnavailable` when the folder went (see ``guard``).
        """
        self._device = guard.check_available(self.root, self.catalog)
        return make_plan(self.root, self.catalog, folders, self.scan)

    def _index_pending(
        self, progress: Progress, should_stop: Callable[[], bool], procs: int, batch_size: int
    ) -> None:
        """Index what the catalog has but the index lacks; drop what it should not have."""
        deletions = self.catalog.pending_index_deletions()
        pending = self.catalog.unindexed_ids()
        if deletions and not pending:
            self.index.write((), deletions)
            self.catalog.mark_indexed((), deletions)
        if not pending:
            return
        from reader.core.library.indexing import indexer_for

        with indexer_for(self.root, self.index, procs, len(pending), should_stop) as indexer:
            for start in range(0, len(pending), batch_size):
                if should_stop():
                    raise Cancelled
                progress(start, len(pending), "Indexing")
                indexer.add_rows(self.catalog.rows_by_id(pending[start : start + batch_size]))
                batch_deletions = deletions if start == 0 else []
                indexed = indexer.flush(batch_deletions)
                self.catalog.mark_indexed(indexed, batch_deletions)
