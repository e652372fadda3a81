"""Marks on the reading pane: every hit of the current search, and stepping through them.

Spans are computed on the document's raw text (whose indexes are exactly the
document's cursor positions) with the same analysis as the index, so what is
marked is what matched. A search finds them on its worker (``text_to_mark`` hands it
the text): the GUI thread then only draws them, if the document is still the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from reader.ui.session.search_steps import ShownText, Span

if TYPE_CHECKING:
    from reader.core.search.snippets import QueryTerms


class MarkedText(Protocol):
    """What the marks need of the view they are drawn on (the reading view is one)."""

    def document(self) -> QTextDocument: ...
    def palette(self) -> QPalette: ...
    def setTextCursor(self, cursor: QTextCursor, /) -> None: ...
    def ensureCursorVisible(self) -> None: ...
    def positions_text(self) -> str: ...
    def set_layer(self, name: str, selections: list[QTextEdit.ExtraSelection], /) -> None: ...


def mark_format(current: bool, dark: bool, hue: str = "orange") -> QTextCharFormat:
    """A search mark is lines, never a fill: the reader's highlights are fills, so the
    two are told apart by their shape, in every theme and for any colour vision. Each
    hit is underlined; the current one is boxed in (overlined too) and takes the colour.
    ``hue``: orange for the library search's hits, blue for Find in Article."""
    light, deep = LINE_COLORS[hue]
    line = QColor(deep if dark else light)
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(line)
    if current:
        fmt.setFontOverline(True)
        fmt.setForeground(line)
    return fmt


LINE_COLORS = {"orange": ("#c2410c", "#ffa94d"), "blue": ("#1d5fbf", "#7cc0ff")}  # light, dark


class HitMarks:
    def __init__(self, view: MarkedText) -> None:
        self.view = view
        self.cursors: list[QTextCursor] = []
        self.current = -1
        self._text: ShownText | None = None  # the last text_to_mark

    def text_to_mark(self, lang: str) -> ShownText:
        """The document's text as the marks count positions, for a worker to find hits in
        (read again only once the document changed)."""
        key = self._key()
        if self._text is None or self._text.key != key or self._text.lang != lang:
            self._text = ShownText(key, self.view.positions_text(), lang)
        return self._text

    def _key(self) -> tuple[int, int]:
        document = self.view.document()
        return id(document), document.revision()

    def mark(
        self,
        terms: QueryTerms | None,
        lang: str,
        found: tuple[object, list[Span] | None] | None = None,
    ) -> int:
        """Mark every hit and scroll to the first; returns how many there are. ``found``:
        the key of the text a worker searched (``text_to_mark``) and the hits it found,
        drawn as they are if this document is still that text."""
        self.cursors = []
        self.current = -1
        if terms:
            document = self.view.document()
            spans = found[1] if found is not None and found[0] == self._key() else None
            if spans is None:
                from reader.core.search.snippets import hit_spans  # with the first search

                spans = hit_spans(self.view.positions_text(), terms, lang)
            for start, end in spans:
                cursor = QTextCursor(document)
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                self.cursors.append(cursor)
        self._paint()
        if self.cursors:
            self.step(1)
        return len(self.cursors)

    def step(self, direction: int) -> bool:
        """Go to the next (1) or previous (-1) hit, wrapping around."""
        if not self.cursors:
            return False
        self.current = (self.current + direction) % len(self.cursors)
        self._paint()
        cursor = QTextCursor(self.cursors[self.current])
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()
        return True

    def _paint(self) -> None:
        dark = self.view.palette().color(QPalette.ColorRole.Base).lightness() < 128
        selections = []
        for index, cursor in enumerate(self.cursors):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = mark_format(index == self.current, dark)
            selections.append(selection)
        self.view.set_layer("hits", selections)
