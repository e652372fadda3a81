"""Below the reading pane: up to five articles related to the one open, and apart, the
same article found elsewhere in the library ("Also in your library as …").

Each line is the article's title, source and date, as plain text (titles come from
files). Clicking one, or Enter on it, asks for it to be opened (``open_requested``), by
the same path as the list, so Back returns. The lines come from a
:class:`~reader.ui.session.related_finder.RelatedFinder`, asked once an article is shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.catalog.store import CatalogRow
from reader.core.render import short_date
from reader.core.search.related import Related, RelatedArticle
from reader.ui.plain_text import literal, plain_label
from reader.ui.prefs.language import current_language
from reader.ui.session.library_session import LibrarySession
from reader.ui.session.related_finder import RelatedFinder
from reader.ui.session.tasks import TaskRunner

ID = Qt.ItemDataRole.UserRole
MAX_LINES = 5  # the section grows with its lines up to this many, then scrolls


class RelatedList(QWidget):
    open_requested = Signal(int)  # an article's id

    def __init__(self, session: LibrarySession, tasks: TaskRunner) -> None:
        super().__init__()
        self.setObjectName("relatedArticles")
        self.finder = RelatedFinder(session, tasks)
        self.finder.found.connect(self._on_found)
        self._article_id: int | None = None
        self.heading = plain_label(QLabel(self.tr("Related articles")))
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.related_list = self._list(self.tr("Related articles"))
        self.duplicates_heading = plain_label(QLabel(self.tr("Also in your library as:")))
        self.duplicates_list = self._list(self.tr("Also in your library as"))
        layout = QVBoxLayout(self)
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
        self.related_list.hide()
        self.duplicates_heading.hide()
        self.duplicates_list.hide()

    def _on_found(self, article_id: int, found: Related) -> None:
        if article_id != self._article_id:
            return
        self.heading.setText(
            self.tr("Related articles") if found.related else self.tr("No related articles")
        )
        self._fill(self.related_list, found.related)
        self._fill(self.duplicates_list, found.duplicates, with_path=True)
        for view in (self.related_list, self.duplicates_list):
            lines = min(MAX_LINES, max(1, view.count()))
            view.setFixedHeight(lines * view.sizeHintForRow(0) + 4)
            view.setVisible(view.count() > 0)
        self.duplicates_heading.setVisible(bool(found.duplicates))

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
    """The reading pane above, the related articles below, as high as their lines: an
    empty section is one line, and the article keeps the rest of the height."""
    column = QWidget()
    column.setObjectName("readingColumn")
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(pane, 1)
    layout.addWidget(related, 0)
    return column
