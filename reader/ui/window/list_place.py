"""The list keeps the reader's place: the article shown stays selected and in view
through resets (a search cleared, a filter changed) and while rows stream in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtWidgets import QAbstractItemView

from reader.ui.library_list.article_list import ArticleList
from reader.ui.library_list.article_model import ArticleListModel


class ListPlace:
    def __init__(
        self, list_view: ArticleList, model: ArticleListModel, current: Callable[[], int | None]
    ) -> None:
        """``current`` gives the id of the article shown (None: none)."""
        self.list_view = list_view
        self.model = model
        self.current = current
        model.modelReset.connect(self._keep_selected)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
        self.list_view.selectionModel().setCurrentIndex(index, flags)
        self.list_view.scrollTo(index)

    def _keep_selected(self) -> None:
        """A reset of the list forgets its current row: select the article shown again."""
        article_id = self.current()
        row = self.model.row_of(article_id) if article_id is not None else None
        if row is not None and not self.list_view.currentIndex().isValid():
            # At once, not only once the reset is over: a list with the focus and no
            # current row makes its first row current when it next gains the focus (Qt's
            # default), and that row would open in place of the article shown.
            self.select_row(row)
            QTimer.singleShot(0, self.keep_visible)

    def keep_visible(self) -> None:
        """Select the article shown, centred in the list (if the list shows it)."""
        article_id = self.current()
        row = self.model.row_of(article_id) if article_id is not None else None
        if row is not None:
            self.select_row(row)  # a reset of the list forgets the current row
            self.list_view.scrollTo(
                self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter
            )

    def applying(self, change: Callable[[], None]) -> None:
        """Make a change to the rows (``change``) with the current row kept where it was
        on screen: rows arriving above it do not push it away."""
        view = self.list_view
        current = view.currentIndex()
        before = view.visualRect(current).top() if current.isValid() else None
        in_view = before is not None and 0 <= before < view.viewport().height()
        change()
        current = view.currentIndex()
        if not in_view or not current.isValid() or before is None:
            return
        shift = view.visualRect(current).top() - before
        if shift:
            if view.verticalScrollMode() != QAbstractItemView.ScrollMode.ScrollPerPixel:
                shift = round(shift / max(1, view.rowHeight(current.row())))  # in rows
            bar = view.verticalScrollBar()
            bar.setValue(bar.value() + shift)
