"""The search bar: a field that searches as you type, and a "did you mean" line under it.

The offer is a link for the mouse and a control for the keyboard: Tab from the field
reaches it, Enter or Space takes it (the search runs again with it), and the focus
goes back to the field, where Down goes on to the hits.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from reader.ui.plain_text import literal


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


class SuggestionLink(QLabel):
    """ "Did you mean …?": a link a click or a key takes (Enter, Space); it shows its
    focus with a ring, as a button would."""

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(
            "QLabel#searchSuggestion { border: 1px solid transparent; border-radius: 3px;"
            " padding: 1px 3px; }"
            " QLabel#searchSuggestion:focus { border-color: palette(highlight); }"
        )

    def event(self, event: QEvent) -> bool:
        override = event.type() == QEvent.Type.ShortcutOverride
        if override and isinstance(event, QKeyEvent) and _takes(event):
            event.accept()  # Space is the window's Page Down elsewhere: here, it takes
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _takes(event):
            self.linkActivated.emit("suggestion")
            return
        super().keyPressEvent(event)


def _takes(event: QKeyEvent) -> bool:
    keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
    return event.key() in keys and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier


class SearchBar(QWidget):
    suggestion_taken = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = SearchField()
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(self.tr("Search all articles  (Ctrl+K or /)"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Search articles"))
        self.suggestion = SuggestionLink()
        self.suggestion.setObjectName("searchSuggestion")
        self.suggestion.setAccessibleName(self.tr("Search suggestion"))
        self.suggestion.linkActivated.connect(self._take)
        self.suggestion.hide()
        self._suggested = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.field)
        layout.addWidget(self.suggestion, 0, Qt.AlignmentFlag.AlignLeft)  # its ring hugs it
        self.field.textChanged.connect(lambda _: self.show_suggestion(None))

    def show_suggestion(self, suggestion: str | None) -> None:
        """Offer a corrected query under the field (None hides the offer)."""
        self._suggested = suggestion or ""
        if suggestion:
            offer = self.tr('Did you mean <a href="suggestion">{0}</a>?')
            self.suggestion.setText(offer.format(html.escape(suggestion)))
            self.suggestion.setAccessibleName(
                self.tr("Did you mean {0}? Enter searches for it").format(suggestion)
            )
            tip = self.tr("Search for {0} instead").format(suggestion)
            self.suggestion.setToolTip(literal(tip))  # a word of the library: never HTML
        self.suggestion.setVisible(bool(suggestion))

    def _take(self, _link: str) -> None:
        if self._suggested:
            taken_by_key = self.suggestion.hasFocus()
            self.suggestion_taken.emit(self._suggested)
            self.field.setText(self._suggested)
            if taken_by_key:  # the offer is gone: the keys go on in the field
                self.field.setFocus(Qt.FocusReason.OtherFocusReason)
