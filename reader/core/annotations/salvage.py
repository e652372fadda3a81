"""What can still be read of the reader's highlights in a damaged catalog.

A catalog that SQLite calls malformed may still hold most of its pages intact. The
salvage reads the ``annotations`` table read-only, in runs of rows by ``rowid`` and,
where a run fails, row by row, counting what it could not read; then the articles'
paths and titles the same way. The result can be exported like a library
(:func:`reader.core.annotations.export.to_jsonld` and ``to_markdown``), so the
reader gets their highlights out of a catalog no command can open.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.annotations.records import (
    ANNOTATION_COLUMNS,
    Annotation,
    DetachedArticle,
    annotation_from_row,
)
from reader.core.catalog.store import CatalogRow

_RUN = 200  # rows read at once before trying them one by one


class NothingToSalvage(sqlite3.DatabaseError):
    """Not one row of highlights could be read."""


@dataclass
class Salvaged:
    """A damaged catalog's readable highlights, shaped for an export (``ExportView``)."""

    root: Path
    annotations: list[Annotation] = field(default_factory=list)
    rows: dict[int, CatalogRow] = field(default_factory=dict)
    gone: list[DetachedArticle] = field(default_factory=list)
    unreadable: int = 0  # rows of annotations that could not be read

    @property
    def catalog(self) -> Salvaged:
        return self

    @property
    def userdata(self) -> Salvaged:
        return self

    def all_annotations(self) -> list[Annotation]:
        return list(self.annotations)

    def detached(self) -> list[DetachedArticle]:
        return list(self.gone)

    def rows_by_id(self, ids: Iterable[int]) -> list[CatalogRow]:
        return [self.rows[i] for i in ids if i in self.rows]


def salvage(db_path: Path, root: Path) -> Salvaged:
    """Read what can be read (see the module); :class:`NothingToSalvage` when nothing."""
    try:
        db = sqlite3.connect(f"{Path(db_path).as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise NothingToSalvage(f"the catalog cannot be opened at all ({exc})") from exc
    found = Salvaged(Path(root))
    try:
        top = _top(db, "annotations")
        if top is None:
            raise NothingToSalvage("the catalog's table of highlights cannot be read at all")
        query = f"SELECT {ANNOTATION_COLUMNS} FROM annotations"
        for values in _rows(db, query, top, lambda: _lost(found)):
            try:
                found.annotations.append(annotation_from_row(values))
            except (ValueError, TypeError):
                found.unreadable += 1
        columns = "id, path, title, date, source, lang, words, error"
        for values in _rows(db, f"SELECT {columns} FROM articles", _top(db, "articles") or 0):
            if all(isinstance(value, str) for value in values[1:3]):
                found.rows[values[0]] = CatalogRow(*values)
        query = "SELECT old_id, path, title, fingerprint, words FROM detached"
        for values in _rows(db, query, _top(db, "detached") or 0):
            found.gone.append(DetachedArticle(*values))
    finally:
        db.close()
    return found


def _lost(found: Salvaged) -> None:
    found.unreadable += 1


def _top(db: sqlite3.Connection, table: str) -> int | None:
    try:
        value = db.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]
    except sqlite3.DatabaseError:
        return None
    return int(value or 0)


def _rows(
    db: sqlite3.Connection, query: str, top: int, lost: Callable[[], None] = lambda: None
) -> Iterator[tuple[Any, ...]]:
    """Every row of ``query`` by rowid up to ``top``, skipping what cannot be read."""
    for start in range(0, top + 1, _RUN):
        try:
            run = db.execute(f"{query} WHERE rowid BETWEEN ? AND ?", (start, start + _RUN - 1))
            rows = run.fetchall()  # all or none of the run: never a row twice
        except sqlite3.DatabaseError:
            pass
        else:
            yield from rows
            continue
        for rowid in range(start, start + _RUN):
            try:
                row = db.execute(f"{query} WHERE rowid = ?", (rowid,)).fetchone()
            except sqlite3.DatabaseError:
                lost()
                continue
            if row is not None:
                yield row
