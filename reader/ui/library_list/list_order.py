"""The order of the list's rows: a column's, or a search's relevance; and where each
shown row is.

Sorting every row of a big library by a column (natural order of titles, books kept
together) is far too long for the GUI thread on each keystroke. So the order of every
row is kept, and swapped back in whole when a search ends; a search's hits come with
their ranks built on the worker (``ResultsToList.ranks``). Plain Python, no Qt model:
the model (:class:`~reader.ui.library_list.article_model.ArticleListModel`) says what
is shown, this says in which order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from reader.core.catalog.store import CatalogRow
from reader.ui.library_list.ordering import DATE, sorted_ids

Shown = tuple[list[int], dict[int, int]]  # the ids shown in order, and each one's row


def positions(ids: list[int]) -> dict[int, int]:
    """Each id's row, for ids shown in this order."""
    return {article_id: n for n, article_id in enumerate(ids)}


class ListOrder:
    """The column order (and direction) chosen, a search's ranks, and every row's
    order by the column, kept until the rows or the column change."""

    def __init__(self) -> None:
        self.column = DATE
        self.descending = True  # newest first
        self.ranks: dict[int, int] | None = None  # search hits: id → rank
        self.relevance = False  # while searching: hits by rank, not by column
        self._every: Shown | None = None  # every row, by the column
        # An order given from outside (the reading queue: id → place), used instead of
        # the column's while no search shows; ids it lacks come last.
        self.fixed: Mapping[int, int] | None = None

    def rows_changed(self) -> None:
        """Rows came, went or changed: the order of every row is sorted again when asked."""
        self._every = None

    def by_column(self, column: int, descending: bool) -> None:
        if (column, descending) != (self.column, self.descending):
            self._every = None
        self.column, self.descending = column, descending
        self.relevance = False

    def search(self, ranks: dict[int, int] | None) -> None:
        """Show a search's hits by rank (``None``: no search, the column's order)."""
        self.ranks = ranks
        self.relevance = ranks is not None

    def ordered(self, ids: list[int], rows: Mapping[int, CatalogRow]) -> list[int]:
        """``ids`` in the order shown."""
        if self.ranks is not None and self.relevance:
            ranks = self.ranks
            return sorted(ids, key=lambda i: ranks.get(i, 1 << 30))
        if self.ranks is None and self.fixed is not None:
            fixed = self.fixed
            return sorted(ids, key=lambda i: (fixed.get(i, 1 << 30), i))
        return sorted_ids(ids, rows, self.column, self.descending)

    def shown(self, rows: Mapping[int, CatalogRow], passes: Callable[[int], bool] | None) -> Shown:
        """The ids to show, in order, and each one's row: of every row or of the hits
        (``ranks``), those that pass the filter (``passes``; None: every one)."""
        if self.ranks is None and self.fixed is not None:
            shown = self.ordered([i for i in rows if passes is None or passes(i)], rows)
            return shown, positions(shown)
        if self.ranks is None:
            if self._every is None:
                every = sorted_ids(list(rows), rows, self.column, self.descending)
                self._every = every, positions(every)
            ids, where = self._every
            if passes is None:
                return list(ids), where  # the list is the model's to change; the dict is not
            shown = [i for i in ids if passes(i)]  # a filter keeps the order: no sort again
            return shown, positions(shown)
        hits = [i for i in self.ranks if i in rows and (passes is None or passes(i))]
        if not self.relevance:
            hits = sorted_ids(hits, rows, self.column, self.descending)
        elif len(hits) == len(self.ranks):  # the ranks as they came: already in order
            return hits, self.ranks
        return hits, positions(hits)
