"""SQLite in the user's data folder: the catalog of one library.

WAL, one transaction per change set, schema version in ``PRAGMA user_version``
with numbered migrations. Rows keep a stable integer ``id``: the article's
identity, which survives renames and moves (annotations will hang off it).
The body is not stored: it is re-read from the file when opened.

Who writes what: the catalog writes the tables ``articles`` and ``index_deletions``,
from the one thread that owns the library (the writer lane, the command line, the
bulk indexer). The tables of what the reader makes (``annotations``, ``article_state``,
``user_tags``, ``detached``, created by migration 2 below) belong to
:class:`reader.core.annotations.userdata.UserData`: the catalog never writes them, and
when an article leaves it, ``Library`` has ``UserData.detach`` keep them in the same
transaction. Other threads read rows through connections of their own
(:meth:`Catalog.rows_by_id`), never through the owner's.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from reader.core.articles.article import Article
from reader.core.catalog.migrations import MIGRATIONS as MIGRATIONS
from reader.core.catalog.migrations import REREAD_MTIME as REREAD_MTIME
from reader.core.catalog.wal import Watched, closed


class CatalogRow(NamedTuple):
    """What the list shows of an article, without its body.

    A named tuple, not a dataclass: a relaunch makes one per article of the library,
    and a frozen dataclass is several times slower to build (its ``__init__`` sets
    each field through ``object.__setattr__``).
    """

    id: int
    path: str
    title: str
    date: str | None
    source: str
    lang: str
    words: int
    error: str | None
    tags: tuple[str, ...] = ()
    excerpt: str = ""  # the opening of the body, on one line

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "lang": self.lang or None,
            "words": self.words,
            "tags": list(self.tags),
            "excerpt": self.excerpt,
            "error": self.error,
        }


class FileState(NamedTuple):
    """What a scan compares with the disk (a named tuple, for speed as ``CatalogRow``)."""

    id: int
    path: str
    mtime_ns: int
    size: int
    fingerprint: str


_LAST_CHAR = "\U0010ffff"  # sorts after any character a path can hold
_ROW_COLUMNS = "id, path, title, date, source, lang, words, error, tags, excerpt"
_GENERATION = "SELECT value FROM catalog_state WHERE key='generation'"
_BUMP = "UPDATE catalog_state SET value = value + 1 WHERE key='generation' RETURNING value"


class Catalog:
    """The catalog database, owned by the thread that opens it (``db`` is that thread's).

    Only the methods that say "any thread" (:meth:`rows_by_id` for a search worker;
    :meth:`row_by_path`, :meth:`sources`, :meth:`file_tags` for a list still loading)
    may be called from other threads: they read through a connection of that thread's own.
    """

    def __init__(self, db_path: Path) -> None:
        self.path = db_path
        self._watched = Watched(db_path, self._connect)  # its log removed: see transaction
        self._owner = threading.get_ident()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._migrate()
        self.seen_generation = self.generation()  # what this process has seen of the catalog

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA busy_timeout=5000")
        return db

    @property
    def db(self) -> sqlite3.Connection:
        """The owner's connection (its thread's)."""
        return self._watched.db

    def close(self) -> None:
        with self._lock:
            for reader in self._readers:
                reader.close()
            self._readers.clear()
        self.db.close()
        closed(self.path)  # the last connection (UserData closes first): writable again

    def _reads(self) -> sqlite3.Connection:
        """The owner's connection on its thread; elsewhere, one of the calling thread's own."""
        if threading.get_ident() == self._owner:
            return self.db
        reader: sqlite3.Connection | None = getattr(self._local, "db", None)
        if reader is None:
            reader = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            reader.execute("PRAGMA busy_timeout=5000")
            self._local.db = reader
            with self._lock:
                self._readers.append(reader)
        return reader

    def _migrate(self) -> None:
        """Each migration in its own transaction, the version read inside it: another
        process migrating the same catalog at the same time is simply waited for."""
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if 0 < version < len(MIGRATIONS):
            self._back_up(version)
        while True:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                version = self.db.execute("PRAGMA user_version").fetchone()[0]
                if version > len(MIGRATIONS):
                    raise sqlite3.DatabaseError(
                        f"{self.path} was written by a newer Article Reader (schema {version})"
                    )
                if version == len(MIGRATIONS):
                    self.db.execute("COMMIT")
                    return
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version={version + 1}")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def _back_up(self, version: int) -> None:
        """A copy of the database as it was, before a migration changes it."""
        target = self.path.with_name(f"{self.path.name}.v{version}.bak")
        copy = sqlite3.connect(target)
        try:
            self.db.backup(copy)
        finally:
            copy.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One commit, which also counts one more generation (see :meth:`generation`).

        Never into a log removed under this process (:mod:`reader.core.catalog.wal`):
        checked before (the connection is then reopened) and after (the commit is then
        copied in, or :class:`~reader.core.catalog.wal.CatalogFilesChanged` says it
        could not be)."""
        self._watched.before_writing()
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
            (generation,) = self.db.execute(_BUMP).fetchone()
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")
        if self._watched.changed():
            self._watched.reopen()
        if generation == self.seen_generation + 1:
            self.seen_generation = generation  # only ours since we last looked

    def generation(self) -> int:
        """How many commits the catalog has had, by any process: one cheap read."""
        return int(self.db.execute(_GENERATION).fetchone()[0])

    def state_value(self, key: str) -> int | None:
        """A value of ``catalog_state`` (``device``: the library's st_dev when last read)."""
        found = self.db.execute("SELECT value FROM catalog_state WHERE key=?", (key,)).fetchone()
        return None if found is None else int(found[0])

    def set_state_value(self, key: str, value: int) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO catalog_state VALUES (?, ?)", (key, value))

    # --- reading -----------------------------------------------------------

    def rows(self) -> list[CatalogRow]:
        cursor = self.db.execute(f"SELECT {_ROW_COLUMNS} FROM articles")  # the model sorts
        shared: dict[str, str] = {}  # one string per source, date, language (see _row)
        return [_row(values, shared) for values in cursor]

    def rows_by_id(self, ids: Iterable[int]) -> list[CatalogRow]:
        """The rows of these ids that are catalogued, in the order given; any thread."""
        wanted = list(ids)
        found: dict[int, CatalogRow] = {}
        db = self._reads()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT {_ROW_COLUMNS} FROM articles WHERE id IN ({marks})"
            for values in db.execute(query, chunk):
                found[values[0]] = _row(values)
        return [found[i] for i in wanted if i in found]

    def newest_rows(self, limit: int) -> list[CatalogRow]:
        """At least the ``limit`` newest articles by date, in no order: every article of
        the oldest date among them comes too, so that these are exactly the first rows of
        a list sorted newest first, whatever breaks its ties (none when fewer exist)."""
        cursor = self.db.execute(
            f"SELECT {_ROW_COLUMNS} FROM articles WHERE coalesce(date, '') >= (SELECT"
            " coalesce(date, '') AS day FROM articles ORDER BY day DESC LIMIT 1 OFFSET ?)",
            (limit - 1,),
        )
        return [_row(values) for values in cursor]

    def row_by_path(self, path: str) -> CatalogRow | None:
        """The article at this path, if catalogued; any thread."""
        values = (
            self._reads()
            .execute(f"SELECT {_ROW_COLUMNS} FROM articles WHERE path = ?", (path,))
            .fetchone()
        )
        return _row(values) if values else None

    def sources(self) -> set[str]:
        """Every source named (as written); any thread."""
        cursor = self._reads().execute("SELECT DISTINCT source FROM articles WHERE source != ''")
        return {values[0] for values in cursor}

    def file_tags(self) -> set[str]:
        """Every tag the articles' own files give; any thread."""
        cursor = self._reads().execute("SELECT DISTINCT tags FROM articles WHERE tags != '[]'")
        return {tag for (tags,) in cursor for tag in json.loads(tags)}

    def states_unlike(
        self, on_disk: Mapping[str, tuple[int, int]]
    ) -> tuple[dict[str, FileState], int]:
        """The catalogued files whose (mtime_ns, size) is not ``on_disk``'s (changed, or
        not there), and how many others there are (unchanged): one pass, and nothing
        made for an unchanged file (a relaunch compares every file of the library): only
        what the comparison needs is read, the rest of a changed file's state after."""
        differ: set[str] = set()
        alike = 0
        found = on_disk.get
        for path, mtime, size in self.db.execute("SELECT path, mtime_ns, size FROM articles"):
            disk = found(path)
            if disk is not None and disk[0] == mtime and disk[1] == size:
                alike += 1
            else:
                differ.add(path)
        unlike: dict[str, FileState] = {}
        if differ:
            for path, mtime, size, id_, fingerprint in self.db.execute(
                "SELECT path, mtime_ns, size, id, fingerprint FROM articles"
            ):
                if path in differ:
                    unlike[path] = FileState(id_, path, mtime, size, fingerprint)
        return unlike, alike

    def paths(self) -> set[str]:
        return {values[0] for values in self.db.execute("SELECT path FROM articles")}

    def file_states_under(self, prefix: str) -> dict[str, FileState]:
        """Files whose path starts with ``prefix`` (a folder's, ending in ``/``; "" for all)."""
        cursor = self.db.execute(
            "SELECT id, path, mtime_ns, size, fingerprint FROM articles"
            " WHERE path >= ? AND path < ?",
            (prefix, prefix + _LAST_CHAR),
        )
        return {values[1]: FileState(*values) for values in cursor}

    def file_states_in(self, prefix: str) -> dict[str, FileState]:
        """Files directly in the folder ``prefix`` (not in its subfolders)."""
        cursor = self.db.execute(
            "SELECT id, path, mtime_ns, size, fingerprint FROM articles"
            " WHERE path >= ? AND path < ? AND instr(substr(path, ?), '/') = 0",
            (prefix, prefix + _LAST_CHAR, len(prefix) + 1),
        )
        return {values[1]: FileState(*values) for values in cursor}

    def subfolders(self, prefix: str) -> set[str]:
        """Names of the subfolders of ``prefix`` that hold catalogued articles."""
        start = len(prefix) + 1
        cursor = self.db.execute(
            "SELECT DISTINCT substr(path, ?, instr(substr(path, ?), '/') - 1) FROM articles"
            " WHERE path >= ? AND path < ? AND instr(substr(path, ?), '/') > 0",
            (start, start, prefix, prefix + _LAST_CHAR, start),
        )
        return {values[0] for values in cursor}

    def sample_paths(self, limit: int) -> list[str]:
        """Up to ``limit`` catalogued paths (any)."""
        return [r[0] for r in self.db.execute("SELECT path FROM articles LIMIT ?", (limit,))]

    def versions(self) -> dict[int, tuple[str, int, int, str]]:
        """id → (path, mtime_ns, size, fingerprint) of every article: what changes show."""
        cursor = self.db.execute("SELECT id, path, mtime_ns, size, fingerprint FROM articles")
        return {values[0]: values[1:] for values in cursor}

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def unindexed_ids(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles WHERE indexed = 0")]

    def pending_index_deletions(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM index_deletions")]

    # --- writing (inside a transaction) -----------------------------------

    def insert(self, article: Article, mtime_ns: int, size: int) -> int:
        cursor = self.db.execute(
            "INSERT INTO articles (path, mtime_ns, size, fingerprint, title, date, source, lang,"
            " tags, words, format, encoding, error, excerpt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (article.path, mtime_ns, size, *_metadata(article)),
        )
        return int(cursor.lastrowid or 0)

    def update(self, article_id: int, article: Article, mtime_ns: int, size: int) -> None:
        self.db.execute(
            "UPDATE articles SET path=?, mtime_ns=?, size=?, fingerprint=?, title=?, date=?,"
            " source=?, lang=?, tags=?, words=?, format=?, encoding=?, error=?, excerpt=?,"
            " indexed=0 WHERE id=?",
            (article.path, mtime_ns, size, *_metadata(article), article_id),
        )

    def touch(self, article_id: int, mtime_ns: int, size: int, excerpt: str) -> None:
        """Same content, new file times. The excerpt is set too: a row migrated from
        schema 2 has none yet (see MIGRATIONS); an unchanged one is written as it was."""
        self.db.execute(
            "UPDATE articles SET mtime_ns=?, size=?, excerpt=? WHERE id=?",
            (mtime_ns, size, excerpt, article_id),
        )

    def delete(self, article_id: int) -> None:
        """Remove an article (and, at the next index write, its document).

        What the reader made of it is not the catalog's: detach it first, in the same
        transaction (``UserData.detach``), as ``Library.refresh`` does.
        """
        self.db.execute("DELETE FROM articles WHERE id=?", (article_id,))
        self.db.execute("INSERT OR IGNORE INTO index_deletions (id) VALUES (?)", (article_id,))

    def mark_indexed(self, ids: Iterable[int], deleted: Iterable[int]) -> None:
        with self.transaction():
            self.db.executemany("UPDATE articles SET indexed=1 WHERE id=?", ((i,) for i in ids))
            self.db.executemany("DELETE FROM index_deletions WHERE id=?", ((i,) for i in deleted))

    def mark_all_unindexed(self) -> None:
        with self.transaction():
            self.db.execute("UPDATE articles SET indexed=0")
            self.db.execute("DELETE FROM index_deletions")


def _metadata(article: Article) -> tuple[object, ...]:
    return (
        article.fingerprint,
        article.title,
        article.date,
        article.source,
        article.lang,
        json.dumps(article.tags, ensure_ascii=False),
        article.words,
        article.format,
        article.encoding,
        article.error,
        article.excerpt,
    )


def _row(values: tuple[Any, ...], shared: dict[str, str] | None = None) -> CatalogRow:
    """A row as SQLite gives it (already int, str or None): one per article at launch.

    With ``shared``, equal sources, dates and languages are one string each: a large
    library has few distinct ones, repeated in every row, so each is held once."""
    id_, path, title, date, source, lang, words, error, tags, excerpt = values
    if shared is not None:
        source, lang = shared.setdefault(source, source), shared.setdefault(lang, lang)
        date = date if date is None else shared.setdefault(date, date)
    parsed = () if tags == "[]" else tuple(json.loads(tags))
    return CatalogRow(id_, path, title, date, source, lang, words, error, parsed, excerpt)
