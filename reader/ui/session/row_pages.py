"""A big library's list shown at once: its newest rows first, every row a moment later.

Reading and sorting every catalog row of a big library would keep the list empty
through most of a relaunch. From ``PAGED_FROM`` articles the session first sends the
rows that open the list (``Catalog.newest_rows``: the newest ``FIRST_PAGE``, exactly the
first rows of the default order, newest first; a list left in another order shows them
in that order until the rest come), then reads the rest on the same lane.
The ``opened`` signal's list then ends with a :class:`MoreRows`: the list model takes it
off, answers from the catalog what needs every row (the sources, the tags, an article
by its path) until ``MoreRows.arrived`` brings them all, then shows them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from reader.core.catalog.store import CatalogRow
from reader.core.library.library import Library

PAGED_FROM = 10_000  # smaller libraries are read whole at once: too quick to need a page
FIRST_PAGE = 300  # rows: a few screenfuls


class CatalogReader(Protocol):
    """What the list asks the catalog while its rows are still coming (any thread)."""

    def row_by_path(self, path: str) -> CatalogRow | None: ...

    def sources(self) -> set[str]: ...

    def file_tags(self) -> set[str]: ...


class MoreRows(QObject):
    """The end of a first page: every row comes by ``arrived``; ``total`` counts them."""

    arrived = Signal(list)  # every CatalogRow

    def __init__(self, catalog: CatalogReader, total: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.total = total


Opened = tuple[Library, list[CatalogRow | MoreRows]]  # every row, or a first page


@dataclass(frozen=True)
class FirstPage:
    library: Library
    rows: list[CatalogRow]  # the newest (see ``Catalog.newest_rows``)
    total: int  # articles in the catalog


def read_library(
    root: Path, first_page: Callable[[FirstPage], None]
) -> tuple[Library, list[CatalogRow]]:
    """Open the library and read every row; a big one's first page goes to ``first_page``
    before (a worker's: the library is the calling thread's)."""
    library = Library(root)
    total = library.catalog.count()
    if total >= PAGED_FROM:
        first_page(FirstPage(library, library.catalog.newest_rows(FIRST_PAGE), total))
    rows = library.catalog.rows()
    library.changes_elsewhere()  # what other processes change is heard from now
    return library, rows
