"""Caret mode (F7): a caret in the article, to select text and highlight it by keys.

As Firefox's and Chrome's caret browsing: the arrows move a visible caret through the
text instead of scrolling, and Shift extends the selection from it (Ctrl: by word,
Home / End: to the line's ends). Added here: Ctrl+Up / Ctrl+Down go by paragraph, and
``)`` / ``(`` select to the end of the sentence / back to its start, as vi's sentence
keys (Alt+Shift+arrows would be shorter, but window managers such as Openbox take them
to move windows between desktops). A selection made so is a selection like the mouse's:
Ctrl+H highlights it and Ctrl+Shift+H adds a note (Escape in the note comes back here),
and the highlight toolbar shows over it. Escape clears a selection, then
leaves the mode; so does F7 again.

Off (the default), the article is read as before: the arrows and Space scroll, j and k
go to the next and previous article.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QTextEdit

# A sentence ends with . ! ? or … and any closing quotes or brackets (French puts a
# space before »), then a space.
_SENTENCE_END = re.compile(r"[.!?…]+(?:\s?[»”’\"')\]])*(?=\s)")
_PARAGRAPH_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down)
_SENTENCE_KEYS = (Qt.Key.Key_ParenLeft, Qt.Key.Key_ParenRight)
CARET_WIDTH = 2  # px: one-pixel carets vanish in serif text


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of a paragraph ends (after its stop), the last at its end."""
    ends = [match.end() for match in _SENTENCE_END.finditer(text)]
    return [*ends, len(text)] if not ends or ends[-1] < len(text.rstrip()) else ends


def sentence_starts(text: str) -> list[int]:
    """Where each sentence of a paragraph starts (its first letter)."""
    starts = [0]
    for end in sentence_ends(text)[:-1]:
        rest = len(text) - len(text[end:].lstrip())
        if rest < len(text):
            starts.append(rest)
    return starts


class CaretMode(QObject):
    toggled = Signal(bool)
    selection_made = Signal()  # keys left a selection: offer to highlight it

    def __init__(self, view: QTextEdit) -> None:
        super().__init__(view)
        self.view = view
        self._browsing = view.textInteractionFlags()  # the flags when the mode is off
        self.action = QAction(self.tr("&Caret Mode (Select with Keys)"), view)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("F7"))
        self.action.toggled.connect(self.set_on)
        view.installEventFilter(self)

    @property
    def on(self) -> bool:
        return self.action.isChecked()

    def set_on(self, on: bool) -> None:
        if on != self.action.isChecked():
            self.action.setChecked(on)  # comes back here through toggled
            return
        flags = self._browsing
        if on:
            flags |= Qt.TextInteractionFlag.TextSelectableByKeyboard
        self.view.setTextInteractionFlags(flags)
        self.view.setCursorWidth(CARET_WIDTH if on else 1)
        if on:
            if not self.view.textCursor().hasSelection():
                self.place_in_view()
            self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.toggled.emit(on)

    def place_in_view(self) -> None:
        """The caret at the start of the first line in view (where the reader is), unless
        it is in view already."""
        viewport = self.view.viewport().rect()
        if viewport.contains(self.view.cursorRect().center()):
            return
        cursor = self.view.cursorForPosition(QPoint(viewport.width() // 2, 4))
        cursor.movePosition(QTextCursor.MoveOperation.StartOfLine)
        if self.view.cursorRect(cursor).top() < 0:  # the line is cut at the top
            cursor.movePosition(QTextCursor.MoveOperation.Down)
            cursor.movePosition(QTextCursor.MoveOperation.StartOfLine)
        self.view.setTextCursor(cursor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.on or watched is not self.view or not isinstance(event, QKeyEvent):
            return False
        if event.type() == QEvent.Type.KeyPress:
            return self._key(event)
        shift_let_go = event.type() == QEvent.Type.KeyRelease and event.key() == Qt.Key.Key_Shift
        if shift_let_go and self.view.textCursor().hasSelection():
            self.selection_made.emit()  # the selection is made: offer to highlight it
        return False

    def _key(self, event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        plain = mods & ~Qt.KeyboardModifier.ShiftModifier
        if event.key() == Qt.Key.Key_Escape and mods == Qt.KeyboardModifier.NoModifier:
            cursor = self.view.textCursor()
            if cursor.hasSelection():
                cursor.clearSelection()
                self.view.setTextCursor(cursor)
            else:
                self.set_on(False)
            return True
        if not self.view.textCursor().hasSelection():
            self.place_in_view()  # scrolled away (Space, the wheel, a new article): from here
        if plain == Qt.KeyboardModifier.ControlModifier and event.key() in _PARAGRAPH_KEYS:
            self._by_paragraph(event.key() == Qt.Key.Key_Down, shift)
            return True
        if plain == Qt.KeyboardModifier.NoModifier and event.key() in _SENTENCE_KEYS:
            self._by_sentence(event.key() == Qt.Key.Key_ParenRight)  # Shift or not: layouts differ
            return True
        return False

    def _by_paragraph(self, forward: bool, extend: bool) -> None:
        """Forward: to this paragraph's end when selecting (the next's, if there already),
        else to the next paragraph's start; back: to this paragraph's start (the
        previous one's, if there already)."""
        cursor = self.view.textCursor()
        mode = QTextCursor.MoveMode.KeepAnchor if extend else QTextCursor.MoveMode.MoveAnchor
        move = QTextCursor.MoveOperation
        if forward and extend:
            if cursor.atBlockEnd():
                cursor.movePosition(move.NextBlock, mode)
            cursor.movePosition(move.EndOfBlock, mode)
        elif forward:
            cursor.movePosition(move.NextBlock, mode)
        else:
            if cursor.atBlockStart():
                cursor.movePosition(move.PreviousBlock, mode)
            cursor.movePosition(move.StartOfBlock, mode)
        self._set(cursor, extend)

    def _by_sentence(self, forward: bool) -> None:
        """Extend the selection to the end of this sentence (or back to its start); from
        a paragraph's end, on into the next paragraph."""
        cursor = self.view.textCursor()
        block = cursor.block()
        at = cursor.position() - block.position()
        text = block.text()
        if forward:
            target = next((end for end in sentence_ends(text) if end > at), None)
            if target is None and block.next().isValid():
                block = block.next()
                target = sentence_ends(block.text())[0]
        else:
            target = next((s for s in reversed(sentence_starts(text)) if s < at), None)
            if target is None and block.previous().isValid():
                block = block.previous()
                target = sentence_starts(block.text())[-1]
        if target is None:
            return
        cursor.setPosition(block.position() + target, QTextCursor.MoveMode.KeepAnchor)
        self._set(cursor, True)

    def _set(self, cursor: QTextCursor, extend: bool) -> None:
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()
        if extend and cursor.hasSelection():
            self.selection_made.emit()
