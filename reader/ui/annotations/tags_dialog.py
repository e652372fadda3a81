"""Tags of one article: add (completing from every tag in the library), remove, rename.

The file's own tags (front matter) are listed but cannot be removed here: the
article files are never modified. Renaming changes a tag on every article.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui.annotations.reading_state import ReadingState
from reader.ui.library_list.article_model import ArticleListModel
from reader.ui.plain_text import literal

_FILE_TAG = Qt.ItemDataRole.UserRole + 1


class TagsDialog(QDialog):
    def __init__(
        self, article_id: int, model: ArticleListModel, state: ReadingState, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # opened anew each time
        self.article_id = article_id
        self.model = model
        self.state = state
        row = model.article(article_id)
        self.setWindowTitle(self.tr("Tags — {0}").format(row.title if row else ""))
        self.setAccessibleName(self.tr("Tags of the article"))
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Tags"))
        layout.addWidget(QLabel(self.tr("Tags of this article:")))
        layout.addWidget(self.list)
        adding = QHBoxLayout()
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("New tag"))
        self.field.setAccessibleName(self.tr("New tag"))
        self.completer = QCompleter(model.all_tags(), self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.field.setCompleter(self.completer)
        self.add_button = QPushButton(self.tr("&Add"))
        adding.addWidget(self.field, 1)
        adding.addWidget(self.add_button)
        layout.addLayout(adding)
        buttons = QHBoxLayout()
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.rename_button = QPushButton(self.tr("Re&name Everywhere…"))
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.rename_button)
        layout.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add)
        self.field.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.rename_button.clicked.connect(self.ask_rename)
        self.list.currentItemChanged.connect(self._update_buttons)
        state.tags_changed.connect(self.refill)
        self.refill()

    def showEvent(self, event: QShowEvent) -> None:
        """Opened to type a tag: the cursor is in the new-tag field, the dialog active."""
        super().showEvent(event)
        self.activateWindow()
        self.field.setFocus(Qt.FocusReason.PopupFocusReason)

    def refill(self) -> None:
        row = self.model.article(self.article_id)
        file_tags = list(row.tags) if row else []
        self.list.clear()
        for tag in self.model.tags_of(self.article_id):
            shown = self.tr("{0} (in the file)").format(tag) if tag in file_tags else tag
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, tag)
            item.setData(_FILE_TAG, tag in file_tags)
            self.list.addItem(item)
        self.completer.model().setStringList(self.model.all_tags())  # type: ignore[attr-defined]
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        editable = item is not None and not item.data(_FILE_TAG)
        self.remove_button.setEnabled(editable)
        self.rename_button.setEnabled(editable)

    def add(self) -> None:
        tag = self.field.text().strip()
        if tag:
            self.state.add_tag(self.article_id, tag)
            self.field.clear()

    def remove(self) -> None:
        item = self.list.currentItem()
        if item is not None and not item.data(_FILE_TAG):
            self.state.remove_tag(self.article_id, item.data(Qt.ItemDataRole.UserRole))

    def ask_rename(self) -> None:
        item = self.list.currentItem()
        if item is None or item.data(_FILE_TAG):
            return
        old = item.data(Qt.ItemDataRole.UserRole)
        asking = QInputDialog(self)
        asking.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        asking.setWindowTitle(self.tr("Rename Tag"))
        # The tag is the reader's (or a file's) text: shown as written, never as HTML.
        asking.setLabelText(literal(self.tr("Rename “{0}” on every article to:").format(old)))
        asking.textValueSelected.connect(lambda new: self._rename(old, new))
        asking.open()

    def _rename(self, old: str, new: str) -> None:
        if new.strip():
            self.state.rename_tag(old, new)
