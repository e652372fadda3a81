"""Reader keys: j / k for the next and previous article, Space and Shift+Space to page.

Single-letter keys never fire while typing (Qt lets a text field take printable
keys first), so they work from the list and the article alike. Space at the end
of an article goes on to the next one, as in a feed reader; at the end of a book's
chapter, to the book's next chapter (whatever the list's order); reading the queue,
to the queue's next (``follow``, see :mod:`reader.ui.triage.finishing`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QAbstractSlider, QWidget

from reader.core.catalog.store import CatalogRow
from reader.ui.library_list.article_model import ROW_ROLE, ArticleListModel, natural_key
from reader.ui.library_list.ordering import book_of


class Navigation:
    def __init__(
        self,
        list_view: QAbstractItemView,
        reading: QAbstractScrollArea,
        select_row: Callable[[int], None],
        owner: QWidget,
    ) -> None:
        """``owner`` (the window) holds the actions, so their keys work everywhere in it."""
        self.list_view = list_view
        self.reading = reading
        self.select_row = select_row
        self.owner = owner
        self.follow: Callable[[], bool] | None = None  # at an article's end, before the rest
        self.next_action = self._action(
            QCoreApplication.translate("Navigation", "&Next Article"), ["J"], lambda: self.go(1)
        )
        self.previous_action = self._action(
            QCoreApplication.translate("Navigation", "&Previous Article"),
            ["K"],
            lambda: self.go(-1),
        )
        self.page_down_action = self._action(
            QCoreApplication.translate("Navigation", "Page &Down"), ["Space"], lambda: self.page(1)
        )
        self.page_up_action = self._action(
            QCoreApplication.translate("Navigation", "Page &Up"),
            ["Shift+Space"],
            lambda: self.page(-1),
        )
        self.actions = [self.next_action, self.previous_action, self.page_down_action,
                        self.page_up_action]  # fmt: skip

    def _action(self, text: str, keys: list[str], slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.owner)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(slot)
        self.owner.addAction(action)
        return action

    def go(self, step: int) -> bool:
        """Open the next (1) or previous (-1) article of the list; False at either end."""
        current = self.list_view.currentIndex()
        row = current.row() + step if current.isValid() else 0
        model = self.list_view.model()
        if model is None or not 0 <= row < model.rowCount():
            return False
        self.select_row(row)
        return True

    def next_chapter(self) -> bool:
        """Open the next chapter of the book the current article is a chapter of; False
        if it is none, or the last, or its next chapter is not in the list as filtered."""
        model = self.list_view.model()
        current = self.list_view.currentIndex()
        if not isinstance(model, ArticleListModel) or not current.isValid():
            return False
        following = next_chapter_of(current.data(ROW_ROLE), model.all_rows())
        row = model.row_of(following.id) if following is not None else None
        if row is None:
            return False
        self.select_row(row)
        return True

    def page(self, direction: int) -> None:
        bar = self.reading.verticalScrollBar()
        if direction > 0 and bar.value() >= bar.maximum():
            if not (self.follow and self.follow()) and not self.next_chapter():
                self.go(1)  # the end of the article: on to the next
            return
        step = max(bar.pageStep() - bar.singleStep() * 2, bar.singleStep())
        bar.setValue(bar.value() + direction * step)
        bar.actionTriggered.emit(QAbstractSlider.SliderAction.SliderMove.value)  # the reader's


def next_chapter_of(row: CatalogRow | None, rows: list[CatalogRow]) -> CatalogRow | None:
    """The chapter after ``row`` in its book (same book, same author), in natural title
    order: Chapter 2 before Chapter 11."""
    book = book_of(row) if row is not None else ""
    if row is None or not book:
        return None
    chapters = sorted(
        (other for other in rows if other.source == row.source and book_of(other) == book),
        key=lambda other: (natural_key(other.title), other.id),
    )
    at = next((n for n, other in enumerate(chapters) if other.id == row.id), None)
    return chapters[at + 1] if at is not None and at + 1 < len(chapters) else None


def link_target(article_path: str, url: QUrl) -> str | None:
    """The library path a link of the article at ``article_path`` points to (None: the
    link goes outside, to the browser)."""
    if (url.scheme() and url.scheme() != "file") or not url.path():
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(article_path), url.path()))


def follow_link(
    url: QUrl,
    shown: CatalogRow | None,
    model: ArticleListModel,
    open_article: Callable[[int], None],
    notice: Callable[[str], None],
) -> None:
    """A link of the article ``shown`` to another article of the library opens it here
    (others go to the browser)."""
    target = link_target(shown.path, url) if shown is not None else None
    if target is None:
        return
    article_id = model.id_of_path(target)
    if article_id is not None:
        open_article(article_id)
    else:
        text = QCoreApplication.translate("MainWindow", "Not an article of this library: {0}")
        notice(text.format(url.toString()))
