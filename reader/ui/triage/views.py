"""The list as a triage view: every article not archived (the default), the Inbox, Later
(in the reader's queue order) or the Archive.

A subclass of the article list's model, not a proxy in front of it: the window, the
list's place keeping and the search all speak to the one model, and a proxy would call
back into Python for every row. The view is one more condition on the rows shown.

A search is never narrowed by the view: the view is where the reader browses, a search
is where they find, and an archived article must be found (``is:archived``, ``is:later``
in the query narrow a search on purpose).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, get_args

from PySide6.QtCore import QObject, Signal

from reader.core.triage.states import State
from reader.ui.library_list.article_model import ArticleListModel

View = Literal["unarchived", "inbox", "later", "archive"]  # unarchived: the inbox and Later
VIEWS: tuple[View, ...] = get_args(View)


class TriagedListModel(ArticleListModel):
    view_changed = Signal(str)  # the view now shown
    places_changed = Signal()  # an article moved: the counts follow

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view: View = "unarchived"
        self._places: dict[int, State] = {}  # articles not in the inbox: later or archive
        self._queue: dict[int, int] = {}  # in Later: id → its rank in the reader's queue

    # --- where the articles are ---------------------------------------------------------

    def place_of(self, article_id: int) -> State:
        return self._places.get(article_id, "inbox")

    def placed_ids(self) -> list[int]:
        """The articles out of the inbox."""
        return list(self._places)

    def queue(self) -> list[int]:
        """The articles in Later, first to read first."""
        return sorted(self._queue, key=self._queue.__getitem__)

    def set_places(self, places: dict[int, State], queue: list[int]) -> None:
        """Where every article not in the inbox is, and Later's order."""
        self._places = {i: p for i, p in places.items() if p != "inbox"}
        self._queue = {article_id: n for n, article_id in enumerate(queue)}
        for article_id, place in self._places.items():
            if place == "later" and article_id not in self._queue:
                self._queue[article_id] = len(self._queue)  # at the end, until told
        self._follow_view()
        self._refilter()
        self._relayout()  # the same rows may stand in a new queue order
        self.places_changed.emit()

    def counts(self) -> dict[State, int]:
        """How many articles each place holds (those catalogued)."""
        placed = [p for i, p in self._places.items() if self.article(i) is not None]
        later = placed.count("later")
        archive = len(placed) - later
        return {"inbox": max(0, self.total() - later - archive), "later": later,
                "archive": archive}  # fmt: skip

    # --- the view ----------------------------------------------------------------------

    @property
    def view(self) -> View:
        return self._view

    @property
    def view_hides(self) -> bool:
        """The view leaves articles out of the list (never while searching: a search
        shows what it found wherever it is)."""
        if self.searching:
            return False
        return self._view != "unarchived" or "archive" in self._places.values()

    def set_view(self, view: View) -> None:
        if view not in VIEWS:
            raise ValueError(f"view must be one of {VIEWS}")
        if view != self._view:
            self._view = view
            self._follow_view()
            self._refilter()
            self._relayout()
            self.view_changed.emit(view)

    def reveal(self, article_id: int) -> None:
        """Show a view that lists this article, if the one shown does not."""
        if not self._in_view(article_id):
            self.set_view("archive" if self.place_of(article_id) == "archive" else "unarchived")

    def _in_view(self, article_id: int) -> bool:
        if self.searching:
            return True
        place = self._places.get(article_id, "inbox")
        if self._view == "unarchived":
            return place != "archive"
        return place == self._view

    def _filtering(self) -> Callable[[int], bool] | None:
        return self._passes if self.view_hides else super()._filtering()

    def _passes(self, article_id: int) -> bool:
        return self._in_view(article_id) and super()._passes(article_id)

    def _follow_view(self) -> None:
        """Later lists the reader's queue in its order; other views, the column's."""
        self._by.fixed = self._queue if self._view == "later" else None
