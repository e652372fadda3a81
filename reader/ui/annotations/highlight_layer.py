"""Highlights painted on the reading pane, and which one is under a click.

Each highlight is an extra selection over the document (the article's HTML is
never changed), coloured from a light or a dark set to suit the palette. One
with a note is also underlined in a deeper shade of its colour, so the two kinds
are told apart at a glance. Overlaps simply stack (the overlap looks deeper);
a click on an overlap picks the shortest highlight there, the innermost one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.i18n import QT_TRANSLATE_NOOP
from reader.ui.reading.reading_view import ReadingView

if TYPE_CHECKING:
    from reader.core.annotations.annotating import Placed

# colour → (light background, dark background, underline for a note)
PALETTE = {
    "yellow": ("#fdeb8c", "#6f5f14", "#c99a06"),
    "green": ("#c4eebc", "#2e5b2a", "#3f9a37"),
    "blue": ("#c9defc", "#274a72", "#3b7dd8"),
    "pink": ("#fbc9dc", "#6e2c49", "#d64f86"),
    "purple": ("#e0d2fb", "#4b3573", "#8a5cd6"),
}
COLOR_NAMES = {  # translated where shown: color_name()
    "yellow": QT_TRANSLATE_NOOP("Colors", "Yellow"),
    "green": QT_TRANSLATE_NOOP("Colors", "Green"),
    "blue": QT_TRANSLATE_NOOP("Colors", "Blue"),
    "pink": QT_TRANSLATE_NOOP("Colors", "Pink"),
    "purple": QT_TRANSLATE_NOOP("Colors", "Purple"),
}


def color_name(color: str) -> str:
    """The colour's name in the interface's language."""
    return QCoreApplication.translate("Colors", COLOR_NAMES.get(color, color))


def swatch(color: str, dark: bool = False) -> QColor:
    light, deep, _ = PALETTE.get(color, PALETTE["yellow"])
    return QColor(deep if dark else light)


class HighlightLayer:
    def __init__(self, view: ReadingView) -> None:
        self.view = view
        self.spans: list[tuple[int, int, Placed]] = []  # document positions

    def show(self, placed: list[Placed]) -> None:
        offsets = self.view.offsets
        self.spans = []
        if offsets is not None:
            for item in placed:
                if item.start >= offsets.text_length:
                    continue  # past the part of a long article the pane shows: not drawn
                start, end = offsets.span_to_shown(item.start, item.end)
                if end > start:
                    self.spans.append((start, end, item))
        self.paint()

    def paint(self, focused: str | None = None) -> None:
        palette = self.view.palette()
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        document = self.view.document()
        selections = []
        for start, end, item in self.spans:
            annotation = item.annotation
            light, deep, line = PALETTE.get(annotation.color, PALETTE["yellow"])
            fmt = QTextCharFormat()
            background = QColor(deep if dark else light)
            if annotation.id == focused:
                background = background.darker(125) if not dark else background.lighter(140)
            fmt.setBackground(background)
            if dark:
                fmt.setForeground(QColor("#f4f4f4"))
            if annotation.note:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(QColor(line))
            fmt.setToolTip(annotation.note or "")  # the view shows it on hover, as literal
            cursor = QTextCursor(document)
            cursor.setPosition(min(start, document.characterCount() - 1))
            cursor.setPosition(
                min(end, document.characterCount() - 1), QTextCursor.MoveMode.KeepAnchor
            )
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.view.set_layer("highlights", selections)

    def at(self, position: int) -> Placed | None:
        """The innermost highlight at a document position, if any."""
        under = [(end - start, item) for start, end, item in self.spans if start <= position < end]
        return min(under, key=lambda pair: pair[0])[1] if under else None

    def span_of(self, annotation_id: str) -> tuple[int, int] | None:
        for start, end, item in self.spans:
            if item.annotation.id == annotation_id:
                return start, end
        return None
