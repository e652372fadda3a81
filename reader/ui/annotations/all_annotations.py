"""Every highlight and note of the library in one searchable window.

Grouped by article (title first, then its highlights in reading order); typing
filters them (accents and case folded, every word must appear in the quote, the
note or the article's title). Activating one opens its article at that
highlight. Highlights whose article left the library are listed last, under
the article's old path: kept, never dropped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.userdata import Annotation, DetachedArticle, UserData
from reader.ui.annotations.panel import entry_text
from reader.ui.annotations.selection_toolbar import color_icon
from reader.ui.library_list.article_model import ArticleListModel
from reader.ui.plain_text import plain_label
from reader.ui.session.tasks import TaskRunner

ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 2


class AllAnnotationsDialog(QDialog):
    open_requested = Signal(int, str)  # article id, annotation id

    def __init__(self, model: ArticleListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName("allAnnotations")
        self.setWindowTitle(self.tr("All Highlights and Notes"))
        self.resize(620, 640)
        layout = QVBoxLayout(self)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Search highlights and notes"))
        self.field.setAccessibleName(self.tr("Search highlights and notes"))
        self.field.setClearButtonEnabled(True)
        self.summary = plain_label(QLabel())
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Highlights and notes of the library"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.field)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self._entries: list[tuple[str, Annotation, str]] = []  # (title, annotation, haystack)
        self.field.textChanged.connect(self._refill)
        self.list.itemActivated.connect(self._open)
        self.list.itemDoubleClicked.connect(self._open)
        self.field.returnPressed.connect(self._open_first)

    def show_library(self, userdata: UserData | None, tasks: TaskRunner) -> None:
        """Show the dialog, its list read again off the GUI thread."""
        if userdata is not None:
            tasks.run(
                "read",
                lambda ctx: (userdata.all_annotations(), userdata.detached()),
                lambda result: self.set_annotations(*result),
            )
        self.show()
        self.raise_()

    def set_annotations(
        self, annotations: list[Annotation], detached: list[DetachedArticle]
    ) -> None:
        gone = {-entry.old_id: entry for entry in detached}
        self._entries = []
        from reader.core.search.analysis import fold  # Whoosh's: loaded when first asked

        for annotation in annotations:
            row = self.model.article(annotation.article_id)
            if row is not None:
                title = row.title
            elif annotation.article_id in gone:
                title = self.tr("No longer in the library: {0}").format(
                    gone[annotation.article_id].path
                )
            else:
                title = self.tr("Unknown article")
            haystack = fold(f"{title} {annotation.quote} {annotation.note}")
            self._entries.append((title, annotation, haystack))
        self._entries.sort(key=lambda e: (e[1].article_id < 0, e[0].casefold(), _order(e[1])))
        self._refill()

    def _refill(self) -> None:
        from reader.core.search.analysis import fold

        words = fold(self.field.text()).split()
        self.list.clear()
        shown = 0
        last_title = None
        bold = QFont(self.list.font())
        bold.setBold(True)
        for title, annotation, haystack in self._entries:
            if not all(word in haystack for word in words):
                continue
            if title != last_title:
                header = QListWidgetItem(title)
                header.setFont(bold)
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                header.setData(ARTICLE_ROLE, annotation.article_id)
                self.list.addItem(header)
                last_title = title
            item = QListWidgetItem(color_icon(annotation.color), entry_text(annotation))
            item.setData(ARTICLE_ROLE, annotation.article_id)
            item.setData(ANNOTATION_ROLE, annotation.id)
            if annotation.orphan:
                item.setToolTip(self.tr("Could not be placed in the article's current text"))
            self.list.addItem(item)
            shown += 1
        self.summary.setText(self._summary(shown, len(self._entries), bool(words)))

    def _summary(self, shown: int, total: int, filtered: bool) -> str:
        if filtered:
            if total == 1:
                return self.tr("%n of 1 highlight", "", shown)
            return self.tr("%n of {0} highlights", "", shown).format(total)
        if total == 1:
            return self.tr("1 highlight or note")
        return self.tr("%n highlights and notes", "", total)

    def _open(self, item: QListWidgetItem) -> None:
        annotation_id = item.data(ANNOTATION_ROLE)
        article_id = item.data(ARTICLE_ROLE)
        if article_id is not None and article_id > 0:
            # Out of the way of the passage it opens; Ctrl+Shift+L brings it back as it was
            # (the same query, the same place in the list).
            self.hide()
            self.open_requested.emit(article_id, annotation_id or "")

    def _open_first(self) -> None:
        for n in range(self.list.count()):
            item = self.list.item(n)
            if item.data(ANNOTATION_ROLE):
                self._open(item)
                return


def _order(annotation: Annotation) -> int:
    position = annotation.selectors.position
    return position.start if position else 0
