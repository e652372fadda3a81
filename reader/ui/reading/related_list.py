"""Below the reading pane: up to five articles related to the one open, and apart, the
same article found elsewhere in the library ("Also in your library as …").

The heading folds the section (remembered): folded, the article has the whole height.
Unfolded, the section never takes more than ``ROOM_SHARE`` of the reading column's
height: on a small screen its lists show fewer lines and scroll, and the article keeps
most of the room.

Each line is the article's title, source and date, as plain text (titles come from
files). Clicking one, or Enter on it, asks for it to be opened (``open_requested``), by
the same path as the list, so Back returns. The lines come from a
:class:`~reader.ui.session.related_finder.RelatedFinder`, asked once an article is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.articles.dates import short_date
from reader.core.catalog.store import CatalogRow
from reader.ui.plain_text import literal, plain_label
from reader.ui.prefs.language import current_language
from reader.ui.session.library_session import LibrarySession
from reader.ui.session.related_finder import RelatedFinder
from reader.ui.session.tasks import TaskRunner

if TYPE_CHECKING:
    from reader.core.search.related import Related, RelatedArticle

ID = Qt.ItemDataRole.UserRole
MAX_LINES = 5  # the section grows with its lines up to this many, then scrolls
ROOM_SHARE = 0.2  # of the reading column's height, at most: the article keeps the rest
FOLDED_KEY = "reading/relatedFolded"


class RelatedList(QWidget):
    open_requested = Signal(int)  # an article's id

    def __init__(
        self, session: LibrarySession, tasks: TaskRunner, settings: QSettings | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("relatedArticles")
        self.finder = RelatedFinder(session, tasks)
        self.finder.found.connect(self._on_found)
        self._article_id: int | None = None
        self._settings = settings
        self._room: int | None = None  # the most height the section may take (None: any)
        self.heading = QToolButton()  # its text is the section's title; a click folds it
        self.heading.setObjectName("relatedFold")
        self.heading.setAutoRaise(True)
        self.heading.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        folded = settings is not None and str(settings.value(FOLDED_KEY, "false")) == "true"
        self.folded = folded
        self.heading.clicked.connect(lambda: self.set_folded(not self.folded))
        self.related_list = self._list(self.tr("Related articles"))
        self.duplicates_heading = plain_label(QLabel(self.tr("Also in your library as:")))
        self.duplicates_list = self._list(self.tr("Also in your library as"))
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.related_list)  # as high as its lines: the article keeps the room
        layout.addWidget(self.duplicates_heading)
        layout.addWidget(self.duplicates_list)  # as high as its few lines: see _on_found
        self.clear()

    def _list(self, name: str) -> QListWidget:
        view = QListWidget()
        view.setAccessibleName(name)
        view.setFrameShape(QListWidget.Shape.NoFrame)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        # As high as its lines (at most MAX_LINES): no scroll bar may hide the last line.
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.itemClicked.connect(self._open)
        view.itemActivated.connect(self._open)
        return view

    def request(self, row: CatalogRow | None) -> None:
        """The article ``row`` is shown: find its related ones (None: none is shown)."""
        self.clear()
        if row is None:
            self.finder.cancel()
            return
        self._article_id = row.id
        self.heading.setText(self.tr("Related articles: looking…"))
        self.finder.request(row)

    def clear(self) -> None:
        self._article_id = None
        self.heading.setText(self.tr("Related articles"))
        self.related_list.clear()
        self.duplicates_list.clear()
        self._fit()

    def set_folded(self, folded: bool) -> None:
        """Fold the section to its heading (the article takes the room), or unfold it."""
        self.folded = folded
        if self._settings is not None:
            self._settings.setValue(FOLDED_KEY, "true" if folded else "false")
        self._fit()

    def fit_within(self, column_height: int) -> None:
        """The reading column is this high: take at most ``ROOM_SHARE`` of it."""
        self._room = int(column_height * ROOM_SHARE)
        self._fit()

    def _fit(self) -> None:
        """Show the lists (unless folded), as many lines as the room allows, then scroll."""
        unfolded = not self.folded
        arrow = Qt.ArrowType.DownArrow if unfolded else Qt.ArrowType.RightArrow
        self.heading.setArrowType(arrow)
        self.heading.setToolTip(
            self.tr("Hide the related articles")
            if unfolded
            else self.tr("Show the related articles")
        )
        views = [v for v in (self.related_list, self.duplicates_list) if unfolded and v.count()]
        lines = {v: min(MAX_LINES, v.count()) for v in views}
        row = max((v.sizeHintForRow(0) for v in views), default=0)
        if self._room is not None and views:
            layout = self._layout
            margins = layout.contentsMargins()
            used = margins.top() + margins.bottom() + self.heading.sizeHint().height()
            used += layout.spacing() * len(views) + 4 * len(views)  # a list's slack: 4
            if self.duplicates_list in lines:
                used += self.duplicates_heading.sizeHint().height() + layout.spacing()
            budget = max(0, (self._room - used) // max(1, row))
            while sum(lines.values()) > budget and any(n > 1 for n in lines.values()):
                longest = max(lines, key=lambda v: lines[v])
                lines[longest] -= 1
            if sum(lines.values()) > budget:  # not even a line each: the heading alone
                lines = {}
        for view in (self.related_list, self.duplicates_list):
            shown = lines.get(view, 0)
            if shown:
                scrolls = view.count() > shown  # fewer lines than it has: it scrolls
                # whole lines only when it scrolls (no sliver of the next one)
                view.setFixedHeight(shown * row + (0 if scrolls else 4))
                view.setVerticalScrollBarPolicy(
                    Qt.ScrollBarPolicy.ScrollBarAsNeeded
                    if scrolls
                    else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
                )
            view.setVisible(shown > 0)
        self.duplicates_heading.setVisible(self.duplicates_list in lines)

    def _on_found(self, article_id: int, found: Related) -> None:
        if article_id != self._article_id:
            return
        self.heading.setText(
            self.tr("Related articles") if found.related else self.tr("No related articles")
        )
        self._fill(self.related_list, found.related)
        self._fill(self.duplicates_list, found.duplicates, with_path=True)
        self._fit()

    def _fill(
        self, view: QListWidget, items: list[RelatedArticle], with_path: bool = False
    ) -> None:
        view.clear()
        for related in items:
            date = short_date(related.date, current_language()) if related.date else ""
            line = " · ".join(part for part in (related.source, date) if part)
            if with_path:  # the same article: where it is tells it apart
                line = f"{line} — {related.path}" if line else related.path
            item = QListWidgetItem(f"{related.title} — {line}" if line else related.title)
            item.setToolTip(literal(related.path))  # list items are plain; tooltips are not
            item.setData(ID, related.id)
            view.addItem(item)

    def _open(self, item: QListWidgetItem) -> None:
        article_id = item.data(ID)
        if isinstance(article_id, int):
            self.open_requested.emit(article_id)


def with_related(pane: QWidget, related: RelatedList) -> QWidget:
    """The reading pane above, the related articles below, as high as their lines (at
    most ``ROOM_SHARE`` of the column): the article keeps the rest of the height."""
    return ReadingColumn(pane, related)


class ReadingColumn(QWidget):
    def __init__(self, pane: QWidget, related: RelatedList) -> None:
        super().__init__()
        self.setObjectName("readingColumn")
        self.related = related
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(pane, 1)
        layout.addWidget(related, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height():
            self.related.fit_within(event.size().height())
