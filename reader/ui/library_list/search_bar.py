"""The search bar: a field that searches as you type, and a "did you mean" line under it."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget


class SearchField(QLineEdit):
    """Escape clears the field (and so restores the full list); Down goes to the list;
    ``/`` (the key that brings the reader here) never starts a query (``a/b`` types)."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        if event.text() == "/" and (not self.text() or self.selectedText() == self.text()):
            self.selectAll()  # the search key pressed again: no query starts with it
            return
        super().keyPressEvent(event)


class SearchBar(QWidget):
    suggestion_taken = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = SearchField()
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(self.tr("Search all articles  (Ctrl+K or /)"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Search articles"))
        self.suggestion = QLabel()
        self.suggestion.setObjectName("searchSuggestion")
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setAccessibleName(self.tr("Search suggestion"))
        self.suggestion.linkActivated.connect(self._take)
        self.suggestion.hide()
        self._suggested = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.field)
        layout.addWidget(self.suggestion)
        self.field.textChanged.connect(lambda _: self.show_suggestion(None))

    def show_suggestion(self, suggestion: str | None) -> None:
        """Offer a corrected query under the field (None hides the offer)."""
        self._suggested = suggestion or ""
        if suggestion:
            offer = self.tr('Did you mean <a href="suggestion">{0}</a>?')
            self.suggestion.setText(offer.format(html.escape(suggestion)))
        self.suggestion.setVisible(bool(suggestion))

    def _take(self, _link: str) -> None:
        if self._suggested:
            self.suggestion_taken.emit(self._suggested)
            self.field.setText(self._suggested)
