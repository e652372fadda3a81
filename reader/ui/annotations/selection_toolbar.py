"""The small toolbar that floats over a fresh selection: five colours and "Note".

It appears just above the selected text when the mouse lets go (or when keys
extend a selection), and goes when the selection does. A colour highlights in
that colour; "Note" highlights in the last colour used and opens the note.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QTextEdit, QToolButton, QWidget

from reader.core.annotations.userdata import COLORS
from reader.i18n import QT_TRANSLATE_NOOP
from reader.ui.annotations.highlight_layer import swatch

HIGHLIGHT_IN = {  # the colour buttons' tooltips, translated where shown
    "yellow": QT_TRANSLATE_NOOP("SelectionToolbar", "Highlight in yellow"),
    "green": QT_TRANSLATE_NOOP("SelectionToolbar", "Highlight in green"),
    "blue": QT_TRANSLATE_NOOP("SelectionToolbar", "Highlight in blue"),
    "pink": QT_TRANSLATE_NOOP("SelectionToolbar", "Highlight in pink"),
    "purple": QT_TRANSLATE_NOOP("SelectionToolbar", "Highlight in purple"),
}


def color_icon(color: str, size: int = 16) -> QIcon:
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(swatch(color))
    painter.setPen(QColor(0, 0, 0, 90))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class SelectionToolbar(QFrame):
    chosen = Signal(str, bool)  # colour, with a note

    def __init__(self, view: QTextEdit) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.setObjectName("selectionToolbar")
        self.setAccessibleName(self.tr("Highlight the selection"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        # Over the text it must read as a control, not as more text: a solid card.
        self.setStyleSheet(
            "QFrame#selectionToolbar { background: palette(window);"
            " border: 1px solid palette(mid); border-radius: 6px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for color in COLORS:
            button = QToolButton(self)
            button.setIcon(color_icon(color))
            button.setIconSize(QSize(16, 16))
            button.setAutoRaise(True)
            name = self.tr(HIGHLIGHT_IN[color])
            button.setToolTip(name)
            button.setAccessibleName(name)
            button.clicked.connect(lambda _=False, c=color: self._choose(c, False))
            layout.addWidget(button)
            self.buttons[color] = button
        self.note_button = QToolButton(self)
        self.note_button.setText(self.tr("Note…"))
        self.note_button.setAutoRaise(True)
        self.note_button.setToolTip(self.tr("Highlight and write a note"))
        self.note_button.setAccessibleName(self.tr("Highlight and write a note"))
        self.note_button.clicked.connect(lambda: self._choose("", True))
        layout.addWidget(self.note_button)
        self.hide()

    def _choose(self, color: str, with_note: bool) -> None:
        self.hide()
        self.chosen.emit(color, with_note)

    def show_for_selection(self) -> None:
        cursor = self.view.textCursor()
        if not cursor.hasSelection():
            self.hide()
            return
        start = self.view.textCursor()
        start.setPosition(cursor.selectionStart())
        rect = self.view.cursorRect(start)
        self.adjustSize()
        viewport: QWidget = self.view.viewport()
        x = max(4, min(rect.left(), viewport.width() - self.width() - 4))
        y = rect.top() - self.height() - 6
        if y < 4:
            end = self.view.textCursor()
            end.setPosition(cursor.selectionEnd())
            y = self.view.cursorRect(end).bottom() + 6
        self.move(QPoint(x, y))
        self.show()
        self.raise_()
