"""Find in the article (Ctrl+F), apart from library search: every match marked in the pane.

Enter goes to the next match, Shift+Enter to the previous one, Escape closes the
bar and clears the marks. Case, accents and apostrophes fold as in library search.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

from reader.ui.plain_text import plain_label
from reader.ui.reading.hit_marks import mark_format
from reader.ui.reading.reading_view import ReadingView

FIND_DEBOUNCE_MS = 120


class _FindField(QLineEdit):
    def __init__(self, bar: FindBar) -> None:
        super().__init__(bar)
        self.bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            backwards = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.bar.step(-1 if backwards else 1)
        elif event.key() == Qt.Key.Key_Escape:
            self.bar.close_bar()
        else:
            super().keyPressEvent(event)


class FindBar(QWidget):
    def __init__(self, view: ReadingView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setObjectName("findBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.field = _FindField(self)
        self.field.setPlaceholderText(self.tr("Find in this article"))
        self.field.setAccessibleName(self.tr("Find in this article"))
        self.field.setClearButtonEnabled(True)
        self.count = plain_label(QLabel())
        self.count.setAccessibleName(self.tr("Matches"))
        self.previous = QToolButton()
        self.previous.setText("↑")
        self.previous.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.previous.setAccessibleName(self.tr("Previous match"))
        self.next = QToolButton()
        self.next.setText("↓")
        self.next.setToolTip(self.tr("Next match (Enter)"))
        self.next.setAccessibleName(self.tr("Next match"))
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close (Escape)"))
        self.close_button.setAccessibleName(self.tr("Close find"))
        for widget in (self.field, self.count, self.previous, self.next, self.close_button):
            layout.addWidget(widget, 1 if widget is self.field else 0)
        self.spans: list[tuple[int, int]] = []
        self.current = -1
        # Typing waits for a pause: a long article takes tens of ms to scan, once per pause.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(FIND_DEBOUNCE_MS)
        self._typing.timeout.connect(self.search)
        self.field.textChanged.connect(self._typing.start)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.close_button.clicked.connect(self.close_bar)
        view.restyled.connect(self.search)  # re-rendered: the marks are gone, set them again
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.search()

    def close_bar(self) -> None:
        self.hide()
        self.spans = []
        self.view.set_layer("find", [])
        self.view.setFocus()

    def search(self) -> None:
        """Mark every match; the current one is the first at or after the view's top."""
        if self.isHidden():
            return
        from reader.core.search.text_find import find_all  # Whoosh's folding: when first asked

        self.spans = find_all(self.view.positions_text(), self.field.text())
        top = self.view.cursorForPosition(self.view.viewport().rect().topLeft()).position()
        self.current = next((n for n, (s, _) in enumerate(self.spans) if s >= top), 0)
        self._paint()
        if self.spans:
            self._show_current()

    def step(self, direction: int) -> None:
        if self._typing.isActive():  # Enter before the pause: find what was typed first
            self._typing.stop()
            self.search()
            return
        if not self.spans:
            return
        self.current = (self.current + direction) % len(self.spans)
        self._paint()
        self._show_current()

    def article_changed(self) -> None:
        self.search()

    def _show_current(self) -> None:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.spans[self.current][0])
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()

    def _paint(self) -> None:
        dark = self.view.palette().color(QPalette.ColorRole.Base).lightness() < 128
        document = self.view.document()
        selections = []
        for index, (start, end) in enumerate(self.spans):
            fmt = mark_format(index == self.current, dark, "blue")  # lines, not a fill
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.view.set_layer("find", selections)
        total = len(self.spans)
        if not self.field.text().strip():
            self.count.setText("")
        elif total:
            self.count.setText(self.tr("{0} of {1}").format(self.current + 1, total))
        else:
            self.count.setText(self.tr("No matches"))
