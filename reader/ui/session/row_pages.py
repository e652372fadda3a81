"""A big library's list shown at once: its newest rows first, every row a moment later.

Reading and sorting every catalog row of a big library would keep the list empty
through most of a relaunch. From ``PAGED_FROM`` articles the session first sends the
rows that open the list (``Catalog.newest_rows``: the newest ``FIRST_PAGE``, exactly the
first rows of the default order, newest first; a list left in another order shows them
in that order until the rest come), then reads the rest on the same lane.
The ``opened`` signal's list then ends with a :class:`MoreRows`: the list model takes it
off, answers from the catalog what needs every row (the sources, the tags, an article
by its path) until ``MoreRows.arrived`` brings them all, then shows them all.

Before even that, the first page is read from the catalog alone (:func:`peek`), before
the library's own modules load (Whoosh, the parsers: most of a relaunch's wait): the
session sends it as ``LibrarySession.listed``, the list shows it, and the library opens
behind it. Nothing is done on those rows until the library is open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from reader.core.catalog.paths import library_data_dir
from reader.core.catalog.store import Catalog, CatalogRow

if TYPE_CHECKING:  # loaded on the writer lane, once the first page went out
    from reader.core.library.library import Library

PAGED_FROM = 10_000  # smaller libraries are read whole at once: too quick to need a page
FIRST_PAGE = 300  # rows: a few screenfuls


class CatalogReader(Protocol):
    """What the list asks the catalog while its rows are still coming (any thread)."""

    def row_by_path(self, path: str) -> CatalogRow | None: ...

    def sources(self) -> set[str]: ...

    def file_tags(self) -> set[str]: ...


class MoreRows(QObject):
    """The end of a first page: every row comes by ``arrived``; ``total`` counts them.
    ``catalog``: where to ask what needs every row (None before the library is open:
    nothing is asked of the rows then)."""

    arrived = Signal(list)  # every CatalogRow

    def __init__(
        self, catalog: CatalogReader | None, total: int, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.total = total


Opened = tuple["Library", list[CatalogRow | MoreRows]]  # every row, or a first page


@dataclass(frozen=True)
class FirstPage:
    library: Library
    rows: list[CatalogRow]  # the newest (see ``Catalog.newest_rows``)
    total: int  # articles in the catalog


@dataclass(frozen=True)
class Peek:
    """A big library's first page, read from its catalog before the library is open."""

    rows: list[CatalogRow]  # the newest (see ``Catalog.newest_rows``)
    total: int  # articles in the catalog


def peek(root: Path) -> Peek | None:
    """A big library's first page from its catalog alone, if it has one to read (None
    otherwise: a new library, a small one, or a catalog that cannot be opened as it is)."""
    try:
        folder = library_data_dir(root.expanduser(), create=False)
        if not (folder / "catalog.sqlite3").is_file():
            return None
        catalog = Catalog(folder / "catalog.sqlite3")
    except Exception:  # whatever it is, opening the library says it properly
        return None
    try:
        total = catalog.count()
        return Peek(catalog.newest_rows(FIRST_PAGE), total) if total >= PAGED_FROM else None
    finally:
        catalog.close()  # the library opens its own


def read_library(
    root: Path,
    first_page: Callable[[FirstPage | Peek], None],
) -> tuple[Library, list[CatalogRow]]:
    """Open the library and read every row; a big one's first page goes to ``first_page``
    before: read from the catalog alone (a :class:`Peek`), then from the library (a
    worker's: the library is the calling thread's)."""
    if (early := peek(root)) is not None:
        first_page(early)
    from reader.core.library.library import Library

    library = Library(root)
    total = library.catalog.count()
    if total >= PAGED_FROM:
        first_page(FirstPage(library, library.catalog.newest_rows(FIRST_PAGE), total))
    rows = library.catalog.rows()
    library.changes_elsewhere()  # what other processes change is heard from now
    return library, rows
