"""A library: a folder of articles, its catalog and its search index, kept in step.

``refresh()`` is the one way to bring everything up to date: scan the folder
(stat only), parse what is new or changed (mtime and size first, content
fingerprint to confirm), recognise renames and moves by fingerprint (same
identity, not a delete plus an add), commit the catalog and the index in
batches, and index whatever an earlier run left unindexed (a crash, a missing
index). It never writes into the library folder.
One way reads a catalogued article: :meth:`Library.read_article`. Only a refresh parses
files by path (``parse_file``): what is new or changed, about to be catalogued.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import sqlite3
import tempfile
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from whoosh.index import LockError

from reader.core.annotations.following_files import follow_edits, follow_moves
from reader.core.annotations.userdata import UserData
from reader.core.articles.article import Article
from reader.core.articles.file_reading import read_files
from reader.core.articles.formats import MAX_BYTES, parse_bytes, parse_file
from reader.core.articles.names import os_path
from reader.core.articles.scanning import walk
from reader.core.catalog.damage import CatalogCorrupt, copy_database, is_corruption
from reader.core.catalog.paths import library_data_dir
from reader.core.catalog.store import REREAD_MTIME, Catalog, CatalogRow, FileState
from reader.core.library import guard
from reader.core.library.guard import Cancelled as Cancelled
from reader.core.library.guard import DiskFull as DiskFull
from reader.core.library.guard import LibraryError as LibraryError
from reader.core.library.guard import LibraryUnavailable as LibraryUnavailable
from reader.core.library.indexing import indexer_for
from reader.core.library.planning import Plan as Plan
from reader.core.library.planning import batches, make_plan, unless_stopped
from reader.core.search.index import SearchIndex
from reader.core.search.index_files import discard_unfinished

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]  # done, total, what is happening
BATCH_SIZE = 500
FIRST_BATCHES = (50, 200)  # small first batches: a new library's list appears at once


@dataclass
class ChangeSet:
    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    moved: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    # Why these changes are not saved ("" when they are): a read-only session makes
    # them in a temporary copy of the catalog, gone when it closes.
    not_saved: str = ""

    def __bool__(self) -> bool:
        return bool(self.added or self.updated or self.moved or self.removed)

    def extend(self, other: ChangeSet) -> None:
        self.added += other.added
        self.updated += other.updated
        self.moved += other.moved
        self.removed += other.removed


def _no_progress(done: int, total: int, message: str) -> None:
    pass


def _never() -> bool:
    return False


class Library:
    def __init__(self, root: Path, data_dir: Path | None = None) -> None:
        root = Path(root).expanduser()
        if not root.is_dir():
            raise LibraryError(f"not a folder: {root}")
        if not os.access(root, os.R_OK | os.X_OK):
            raise LibraryError(f"cannot read the folder: {root}")
        self.root = root.resolve()
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
        if (self.data_dir / "index").is_dir():  # opened as it is: no writer lock needed
            self.index = SearchIndex(self.data_dir / "index")
        else:  # created: never while another process creates or writes it
            with self.writing():
                self.index = SearchIndex(self.data_dir / "index")
        if self.index.created:
            with self.writing():
                self.catalog.mark_all_unindexed()

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
        self.index.close()
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
        article = parse_file(self.root, row.path, detect=False, summary=summary)
        article.lang = row.lang
        return article

    def read_files(self, rows: Sequence[CatalogRow]) -> list[bytes | OSError]:
        """These articles' files as they are now, in one request to the file reader
        (a page of search hits' snippets); a file that cannot be read gives the
        ``OSError`` :meth:`read_article` would have met. Parse them with
        :meth:`parse_read`."""
        return read_files([os_path(self.root, row.path) for row in rows], MAX_BYTES)

    def parse_read(self, row: CatalogRow, data: bytes, summary: bool = True) -> Article:
        """:meth:`read_article` of the bytes :meth:`read_files` gave for ``row``."""
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
                gc.collect()
                discard_unfinished(self.index.ix, self.index.folder)  # no writer runs now
        if full is not None:
            raise full
        return changes

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
        indexer = indexer_for(self.root, self.index, procs, total, should_stop)

        def flush() -> None:
            if not indexer.waiting:
                return
            progress(done, total, "Indexing")
            try:
                indexed = indexer.flush()
            except (LockError, Cancelled):
                raise
            except Exception:
                if not self.index.is_damaged():
                    raise  # not the index's fault: never throw away a sound index for it
                log.warning("the search index is damaged; rebuilding it", exc_info=True)
                self.rebuild_index()  # every row unindexed: _index_pending indexes them
            else:
                self.catalog.mark_indexed(indexed, ())

        with indexer:
            to_read = batches(to_parse, FIRST_BATCHES, BATCH_SIZE)
            for paths, batch in indexer.parse(unless_stopped(to_read, should_stop), on_disk):
                progress(done, total, "Reading articles")
                result, upserts = self._commit_batch(batch, known, vanished, by_fingerprint)
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

    def _commit_batch(
        self,
        batch: list[tuple[Article, int, int]],
        known: dict[str, FileState],
        vanished: dict[str, FileState],
        by_fingerprint: dict[str, list[FileState]],
    ) -> tuple[ChangeSet, list[tuple[int, Article]]]:
        """Commit one parsed batch to the catalog; returns its changes and what to index."""
        changes = ChangeSet()
        upserts: list[tuple[int, Article]] = []
        with self.catalog.transaction():
            for article, mtime, size in batch:
                old = known.get(article.path)
                if old is not None:
                    if old.fingerprint == article.fingerprint:
                        # Same content. A row of schema 2 (REREAD_MTIME) is read once more to
                        # fill its excerpt: cheap (no re-indexing); the list gets its new row.
                        if old.mtime_ns == REREAD_MTIME:
                            changes.updated.append(old.id)
                        self.catalog.touch(old.id, mtime, size, article.excerpt)
                        continue
                    self.catalog.update(old.id, article, mtime, size)
                    changes.updated.append(old.id)
                    upserts.append((old.id, article))
                elif candidates := by_fingerprint.get(article.fingerprint):
                    moved_from = candidates.pop()
                    del vanished[moved_from.path]
                    self.catalog.update(moved_from.id, article, mtime, size)
                    changes.moved.append(moved_from.id)
                    upserts.append((moved_from.id, article))
                else:
                    new_id = self.catalog.insert(article, mtime, size)
                    changes.added.append(new_id)
                    upserts.append((new_id, article))
        return changes, upserts

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
        with indexer_for(self.root, self.index, procs, len(pending), should_stop) as indexer:
            for start in range(0, len(pending), batch_size):
                if should_stop():
                    raise Cancelled
                progress(start, len(pending), "Indexing")
                indexer.add_rows(self.catalog.rows_by_id(pending[start : start + batch_size]))
                batch_deletions = deletions if start == 0 else []
                indexed = indexer.flush(batch_deletions)
                self.catalog.mark_indexed(indexed, batch_deletions)
