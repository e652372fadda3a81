"""What the reader makes of a library: highlights and notes, stars, read state, tags.

It lives in the catalog's SQLite database (tables from migration 2 in
:mod:`reader.core.catalog.store`), through connections of its own, one per thread, with
``synchronous=FULL``: a highlight is on disk when ``save`` returns, and a crash or
a full disk can only ever lose the change being made, never what was saved.
Every write is one transaction; a write that fails raises :class:`UserDataError`
with a message for the reader, and the session carries on read-only.

Who writes what: this module alone writes the tables ``annotations``, ``article_state``,
``user_tags`` and ``detached`` (the catalog writes ``articles`` and ``index_deletions``
and only reads these); :mod:`reader.core.triage` and :mod:`reader.core.review` write
theirs through :meth:`UserData.writing`. One write of them runs inside another module's transaction:
:meth:`UserData.detach`, which :class:`~reader.core.library.library.Library` calls in
the catalog's transaction that removes the article, so both commit together.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from reader.core.annotations.records import (
    ANNOTATION_COLUMNS,
    Annotation,
    ArticleState,
    DetachedArticle,
    annotation_from_row,
    annotation_values,
)
from reader.core.catalog.wal import BROKEN, REOPENED, CatalogFilesChanged, Watched, is_broken

__all__ = [
    "COLORS", "USER_TABLES", "Annotation", "ArticleState", "DetachedArticle", "ErrorKind",
    "UserData", "UserDataError", "clean_tag", "now",
]  # fmt: skip

log = logging.getLogger(__name__)
COLORS = ("yellow", "green", "blue", "pink", "purple")
# Tables hanging off articles.id: detached and adopted together (triage's included).
USER_TABLES = ("annotations", "article_state", "user_tags", "triage")
ErrorKind = Literal["read-only", "full", "busy", "other"]


class UserDataError(Exception):
    """A change could not be saved; ``str()`` says why, ``kind`` for translated messages."""

    def __init__(self, message: str, kind: ErrorKind = "other") -> None:
        super().__init__(message)
        self.kind = kind


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class UserData:
    """Annotations, stars, read state, positions and tags of one library."""

    def __init__(self, db_path: Path, read_only: bool = False) -> None:
        self.path = db_path
        self.read_only = read_only
        self._local = threading.local()
        self._connections: list[Watched] = []
        self._lock = threading.Lock()
        # Said once the catalog's files were changed under this process (and reopened):
        # what the window may tell the reader. "" until then.
        self.notice = ""

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA busy_timeout=10000")
        db.execute("PRAGMA synchronous=FULL")  # durable: on disk when a save returns
        return db

    def _db(self, writing: bool = False) -> sqlite3.Connection:
        """This thread's connection; a fresh one when the catalog's log was removed under
        it (see :mod:`reader.core.catalog.wal`), which a write says as an error."""
        watched: Watched | None = getattr(self._local, "watched", None)
        if watched is None:
            watched = self._local.watched = Watched(self.path, self._connect)
            with self._lock:
                self._connections.append(watched)
        elif watched.changed():
            self._reopen(watched, writing)
        return watched.db

    def _reopen(self, watched: Watched, writing: bool) -> None:
        try:
            watched.reopen()
        except CatalogFilesChanged as exc:
            log.warning("%s", exc)
            self.notice = str(exc)
            if writing:
                raise UserDataError(f"{exc}: this change was not saved; make it again") from exc
        else:
            log.warning("%s: %s", REOPENED, self.path)
            self.notice = REOPENED

    def close(self) -> None:
        """Close every thread's connection; call when no thread uses this any more."""
        with self._lock:
            for watched in self._connections:
                watched.db.close()
            self._connections.clear()
        self._local = threading.local()

    def reading(self) -> sqlite3.Connection:
        """This thread's connection, for the modules owning tables of their own here."""
        return self._db()

    def writing(self) -> AbstractContextManager[sqlite3.Connection]:
        """One durable write transaction, with this class's errors (``UserDataError``)."""
        return self._write()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise UserDataError(
                "the library's data folder is read-only, so changes cannot be saved", "read-only"
            )
        if is_broken(self.path):
            raise UserDataError(f"{BROKEN}; this change was not saved")
        db = self._db(writing=True)
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _error(exc) from exc
        try:
            yield db
            db.execute("COMMIT")
        except BaseException as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise _error(exc) from exc
            raise
        watched: Watched = self._local.watched
        if watched.changed():  # removed while saving: the commit went into the old log
            self._reopen(watched, writing=True)  # which copies it in, or says it could not

    # --- annotations ----------------------------------------------------------------

    def annotations(self, article_id: int) -> list[Annotation]:
        cursor = self._db().execute(
            f"SELECT {ANNOTATION_COLUMNS} FROM annotations WHERE article_id=?"
            " ORDER BY pos_start, created",
            (article_id,),
        )
        return [annotation_from_row(values) for values in cursor]

    def all_annotations(self) -> list[Annotation]:
        cursor = self._db().execute(
            f"SELECT {ANNOTATION_COLUMNS} FROM annotations ORDER BY article_id, pos_start"
        )
        return [annotation_from_row(values) for values in cursor]

    def annotation(self, annotation_id: str) -> Annotation | None:
        values = (
            self._db()
            .execute(f"SELECT {ANNOTATION_COLUMNS} FROM annotations WHERE id=?", (annotation_id,))
            .fetchone()
        )
        return annotation_from_row(values) if values else None

    def save(self, *annotations: Annotation) -> None:
        """Insert or replace, all in one transaction."""
        self.save_all(annotations)

    def save_all(self, annotations: Iterable[Annotation]) -> None:
        with self._write() as db:
            db.executemany(
                f"INSERT OR REPLACE INTO annotations ({ANNOTATION_COLUMNS})"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [annotation_values(annotation) for annotation in annotations],
            )

    def save_anchoring(self, annotations: Iterable[Annotation]) -> int:
        """Store where re-anchoring placed highlights, and only that; returns how many.

        A highlight changed (or deleted) by the reader since it was read for anchoring
        is left alone: its ``modified`` no longer matches, and nothing is inserted.
        """
        with self._write() as db:
            changed = 0
            for annotation in annotations:
                position = annotation.selectors.position
                quote = annotation.selectors.quote
                cursor = db.execute(
                    "UPDATE annotations SET pos_start=?, pos_end=?, exact=?, prefix=?, suffix=?,"
                    " orphan=?, anchored_to=? WHERE id=? AND modified=?",
                    (
                        position.start if position else None,
                        position.end if position else None,
                        quote.exact, quote.prefix, quote.suffix, int(annotation.orphan),
                        annotation.anchored_to, annotation.id, annotation.modified,
                    ),
                )  # fmt: skip
                changed += cursor.rowcount
            return changed

    def delete(self, annotation_id: str) -> None:
        with self._write() as db:
            db.execute("DELETE FROM annotations WHERE id=?", (annotation_id,))

    def stale_article_ids(self) -> list[int]:
        """Articles whose file changed since their annotations were last anchored."""
        cursor = self._db().execute(
            "SELECT DISTINCT a.article_id FROM annotations a JOIN articles c"
            " ON c.id = a.article_id WHERE a.anchored_to != c.fingerprint"
        )
        return [row[0] for row in cursor]

    def note_texts(self) -> list[tuple[int, str, str, str, str]]:
        """(article id, annotation id, article language, quote, note) of every highlight."""
        cursor = self._db().execute(
            "SELECT a.article_id, a.id, coalesce(c.lang, ''), a.exact, a.note FROM annotations a"
            " LEFT JOIN articles c ON c.id = a.article_id WHERE a.article_id > 0"
        )
        return list(cursor)

    def annotated_ids(self, with_note: bool = False) -> set[int]:
        where = " WHERE note != ''" if with_note else ""
        query = f"SELECT DISTINCT article_id FROM annotations{where}"
        return {row[0] for row in self._db().execute(query)}

    # --- reading state --------------------------------------------------------------

    def state(self, article_id: int) -> ArticleState:
        values = (
            self._db()
            .execute(
                "SELECT starred, read, position FROM article_state WHERE article_id=?",
                (article_id,),
            )
            .fetchone()
        )
        if values is None:
            return ArticleState()
        return ArticleState(values[0] is not None, bool(values[1]), int(values[2]))

    def set_starred(self, article_ids: Iterable[int], starred: bool) -> None:
        self._set_state(article_ids, "starred", now() if starred else None)

    def set_read(self, article_ids: Iterable[int], read: bool) -> None:
        self._set_state(article_ids, "read", int(read))

    def set_position(self, article_id: int, position: int) -> None:
        self._set_state([article_id], "position", max(0, position))

    def _set_state(self, article_ids: Iterable[int], column: str, value: object) -> None:
        with self._write() as db:
            for article_id in article_ids:
                db.execute(
                    "INSERT OR IGNORE INTO article_state (article_id) VALUES (?)", (article_id,)
                )
                db.execute(
                    f"UPDATE article_state SET {column}=? WHERE article_id=?", (value, article_id)
                )

    def starred_ids(self) -> set[int]:
        cursor = self._db().execute("SELECT article_id FROM article_state WHERE starred NOT NULL")
        return {row[0] for row in cursor}

    def read_ids(self) -> set[int]:
        cursor = self._db().execute("SELECT article_id FROM article_state WHERE read = 1")
        return {row[0] for row in cursor}

    # --- tags -----------------------------------------------------------------------

    def tags(self, article_id: int) -> list[str]:
        cursor = self._db().execute(
            "SELECT tag FROM user_tags WHERE article_id=? ORDER BY tag", (article_id,)
        )
        return [row[0] for row in cursor]

    def all_tags(self) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {}
        for article_id, tag in self._db().execute("SELECT article_id, tag FROM user_tags"):
            found.setdefault(article_id, []).append(tag)
        return found

    def ids_tagged(self, tag: str) -> set[int]:
        cursor = self._db().execute(
            "SELECT article_id FROM user_tags WHERE tag = ? COLLATE NOCASE", (tag,)
        )
        return {row[0] for row in cursor}

    def add_tag(self, article_ids: Iterable[int], tag: str) -> None:
        tag = clean_tag(tag)
        with self._write() as db:
            db.executemany(
                "INSERT OR IGNORE INTO user_tags (article_id, tag) VALUES (?, ?)",
                [(article_id, tag) for article_id in article_ids],
            )

    def remove_tag(self, article_ids: Iterable[int], tag: str) -> None:
        with self._write() as db:
            db.executemany(
                "DELETE FROM user_tags WHERE article_id=? AND tag=?",
                [(article_id, tag) for article_id in article_ids],
            )

    def rename_tag(self, old: str, new: str) -> None:
        """Everywhere at once; merges into ``new`` where an article had both."""
        new = clean_tag(new)
        if new == old:
            return
        with self._write() as db:
            db.execute("UPDATE OR IGNORE user_tags SET tag=? WHERE tag=?", (new, old))
            # Left behind only where the article had ``new`` already: merged.
            db.execute("DELETE FROM user_tags WHERE tag=?", (old,))

    # --- articles that left the library ---------------------------------------------

    def detached(self) -> list[DetachedArticle]:
        cursor = self._db().execute(
            "SELECT old_id, path, title, fingerprint, words FROM detached ORDER BY detached_at"
        )
        return [DetachedArticle(*values) for values in cursor]

    def has_user_data(self, article_id: int) -> bool:
        return any(
            self._db()
            .execute(f"SELECT 1 FROM {table} WHERE article_id=? LIMIT 1", (article_id,))
            .fetchone()
            for table in USER_TABLES
        )

    def move_article_rows(self, old_id: int, new_id: int) -> None:
        """The article ``old_id`` is back as ``new_id``: its rows follow it."""
        with self._write() as db:
            for table in USER_TABLES:
                db.execute(
                    f"UPDATE OR IGNORE {table} SET article_id=? WHERE article_id=?",
                    (new_id, -old_id),
                )
            db.execute("DELETE FROM detached WHERE old_id=?", (old_id,))

    def detach(self, db: sqlite3.Connection, article_id: int) -> None:
        """The article leaves the catalog: what the reader made of it is detached, never
        deleted (read state and position alone are not worth keeping: dropped).

        Runs on ``db`` inside the caller's transaction: the catalog's, which removes the
        article in the same commit (so it also works on a read-only session's copy).
        Detached rows carry a negative key of their own (not the article's id negated:
        SQLite hands a deleted maximum id to the next new article, whose rows could
        then collide with or merge into these).
        """
        if not _worth_keeping(db, article_id):
            db.execute("DELETE FROM article_state WHERE article_id=?", (article_id,))
            return
        key = db.execute("SELECT coalesce(max(old_id), 0) + 1 FROM detached").fetchone()[0]
        db.execute(
            "INSERT INTO detached (old_id, path, title, fingerprint, words, detached_at)"
            " SELECT ?, path, title, fingerprint, words,"
            " strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM articles WHERE id=?",
            (key, article_id),
        )
        for table in USER_TABLES:
            db.execute(f"UPDATE {table} SET article_id=? WHERE article_id=?", (-key, article_id))


def _worth_keeping(db: sqlite3.Connection, article_id: int) -> bool:
    """Highlights, a star, tags, a queue or archive place (not read state, position)."""
    return any(
        db.execute(query, (article_id,)).fetchone()
        for query in (
            "SELECT 1 FROM annotations WHERE article_id=? LIMIT 1",
            "SELECT 1 FROM user_tags WHERE article_id=? LIMIT 1",
            "SELECT 1 FROM article_state WHERE article_id=? AND starred NOT NULL",
            "SELECT 1 FROM triage WHERE article_id=?",
        )
    )


def clean_tag(tag: str) -> str:
    cleaned = " ".join(tag.replace(",", " ").split())
    if not cleaned:
        raise ValueError("a tag needs at least one letter or digit")
    return cleaned


def _error(exc: sqlite3.Error) -> UserDataError:
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or "permission" in text:
        return UserDataError(
            "the library's data folder is read-only, so changes cannot be saved", "read-only"
        )
    if "full" in text:
        return UserDataError(
            "the disk holding the library's data is full, so changes cannot be saved", "full"
        )
    if "locked" in text or "busy" in text:
        return UserDataError(
            "the library's data is in use by another program; try again in a moment", "busy"
        )
    return UserDataError(f"changes cannot be saved: {exc}")
