"""The annotations dock: the current article's highlights in reading order, and its orphans.

Each entry shows the quote, the note, the colour and the date. A click scrolls
the article to it; the note of the selected highlight is edited below the list
(saved as you type). The list filters by colour and by text. Highlights that
could not be placed in the article's current text ("orphans") have their own
section, with their quote and note, to be deleted or placed by hand on a selection
(the button says "Re-attach").

A note holds at most ``MAX_NOTE_CHARS`` characters (what an import accepts, and what a
note search looks at): typing or pasting stops there, and the panel says so.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.userdata import COLORS, Annotation
from reader.core.articles.dates import short_date
from reader.core.articles.typography import unquoted
from reader.core.limits import MAX_NOTE_CHARS
from reader.ui.annotations.highlight_layer import color_name
from reader.ui.annotations.selection_toolbar import color_icon
from reader.ui.plain_text import literal
from reader.ui.prefs.language import current_language

ID_ROLE = Qt.ItemDataRole.UserRole + 1
# A note is saved as it is typed: at the next turn of the event loop after a keystroke
# (keys typed together are saved together), so a crash loses at most the last one.
NOTE_SAVE_MS = 0


QUOTE_CHARS = 220  # of a long highlight, the panel shows its start
NOTE_CHARS = 400  # of a long note, its entry and tooltip show the start (the editor all of it)


def _cut(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def entry_text(annotation: Annotation) -> str:
    quote, marks = unquoted(annotation.quote)
    if len(quote) > QUOTE_CHARS:
        quote = quote[: QUOTE_CHARS - 1] + "…"
    if marks:
        quote = QCoreApplication.translate("AnnotationsPanel", "“{0}”").format(quote)
    lines = [quote]
    if annotation.note:
        lines.append(f"✎ {_cut(annotation.note, NOTE_CHARS)}")
    lines.append(short_date(annotation.created[:10], current_language()))
    return "\n".join(lines)


class NoteEditor(QPlainTextEdit):
    """A note's editor that holds at most ``MAX_NOTE_CHARS`` characters (counted as
    Qt counts them, so never more than Python counts): a paste is cut to the room left
    before it is inserted, and whatever else goes past the limit (a key, a drop, an
    input method) loses the characters it put just before the cursor."""

    limit_reached = Signal(bool)  # the note is full (True) or has room again (False)

    def __init__(self) -> None:
        super().__init__()
        self._full = False
        self.textChanged.connect(self._keep_to_limit)

    def _length(self) -> int:
        return self.document().characterCount() - 1  # less the closing paragraph mark

    def insertFromMimeData(self, source: QMimeData) -> None:
        if not source.hasText():
            return
        cursor = self.textCursor()
        room = MAX_NOTE_CHARS - self._length() + cursor.selectionEnd() - cursor.selectionStart()
        text = source.text()
        if len(text) > room:
            cut = QMimeData()
            cut.setText(text[: max(0, room)])
            super().insertFromMimeData(cut)
        else:
            super().insertFromMimeData(source)

    def _keep_to_limit(self) -> None:
        over = self._length() - MAX_NOTE_CHARS
        if over > 0:
            cursor = self.textCursor()
            end = cursor.position()
            cursor.setPosition(max(0, end - over))
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            if self._length() > MAX_NOTE_CHARS:  # the cursor was not after what came in
                cursor.setPosition(MAX_NOTE_CHARS)
                cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
        full = self._length() >= MAX_NOTE_CHARS
        if full != self._full:
            self._full = full
            self.limit_reached.emit(full)


class AnnotationsPanel(QDockWidget):
    activated = Signal(str)  # annotation id: show it in the article
    note_edited = Signal(str, str)  # annotation id, the note as typed
    delete_requested = Signal(str)
    place_orphan_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Highlights and Notes"))
        self.setObjectName("annotationsPanel")
        self.setAccessibleName(self.tr("Highlights and notes"))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        filters = QHBoxLayout()
        self.color_filter = QComboBox()
        self.color_filter.setAccessibleName(self.tr("Show highlights of colour"))
        self.color_filter.addItem(self.tr("All colours"), "")
        for color in COLORS:
            self.color_filter.addItem(color_icon(color), color_name(color), color)
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Filter highlights"))
        self.text_filter.setAccessibleName(self.tr("Filter highlights"))
        self.text_filter.setClearButtonEnabled(True)
        filters.addWidget(self.color_filter)
        filters.addWidget(self.text_filter, 1)
        layout.addLayout(filters)

        self.list = QListWidget()
        self.list.setObjectName("highlightList")
        self.list.setAccessibleName(self.tr("Highlights in reading order"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.list, 3)

        self.note_label = QLabel(self.tr("&Note"))
        self.note = NoteEditor()
        self.note.setObjectName("noteEditor")
        self.note.setAccessibleName(self.tr("Note of the selected highlight"))
        self.note.setPlaceholderText(self.tr("Select a highlight, then write a note here"))
        self.note.setTabChangesFocus(True)
        self.note.setEnabled(False)
        self.note_label.setBuddy(self.note)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note, 1)
        self.note_full = QLabel(
            self.tr("This note is full: a note holds at most {0} characters.").format(
                QLocale().toString(MAX_NOTE_CHARS)
            )
        )
        self.note_full.setTextFormat(Qt.TextFormat.PlainText)
        self.note_full.setWordWrap(True)
        self.note_full.setVisible(False)
        self.note.limit_reached.connect(self._on_note_full)
        layout.addWidget(self.note_full)
        self.delete_button = QPushButton(self.tr("&Delete Highlight"))
        self.delete_button.setEnabled(False)
        layout.addWidget(self.delete_button)

        self.orphans_label = QLabel()
        self.orphans_label.setTextFormat(Qt.TextFormat.RichText)  # our words and a count
        self.orphans_label.setWordWrap(True)
        self.orphans = QListWidget()
        self.orphans.setObjectName("orphanList")
        self.orphans.setAccessibleName(self.tr("Highlights that could not be placed"))
        self.orphans.setWordWrap(True)
        orphan_buttons = QHBoxLayout()
        self.place_orphan_button = QPushButton(self.tr("&Re-attach to Selection"))
        self.place_orphan_button.setToolTip(self.tr("Select the passage in the article first"))
        self.delete_orphan_button = QPushButton(self.tr("Delete"))
        self.delete_orphan_button.setAccessibleName(
            self.tr("Delete the highlight that was not placed")
        )
        orphan_buttons.addWidget(self.place_orphan_button)
        orphan_buttons.addWidget(self.delete_orphan_button)
        for widget in (self.orphans_label, self.orphans):
            layout.addWidget(widget)
        layout.addLayout(orphan_buttons)
        self.setWidget(body)

        self._annotations: list[Annotation] = []
        self._editing: str | None = None
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_MS)
        self._note_timer.timeout.connect(self._save_note)

        self.color_filter.currentIndexChanged.connect(self._refill)
        self.text_filter.textChanged.connect(self._refill)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemClicked.connect(lambda item: self.activated.emit(item.data(ID_ROLE)))
        self.list.itemActivated.connect(lambda item: self.activated.emit(item.data(ID_ROLE)))
        self.note.textChanged.connect(self._note_timer.start)
        self.delete_button.clicked.connect(self._delete_current)
        self.place_orphan_button.clicked.connect(self._place_current_orphan)
        self.delete_orphan_button.clicked.connect(self._delete_orphan)
        self.set_annotations([], [])

    # --- content ------------------------------------------------------------------

    def set_annotations(self, placed: list[Annotation], orphans: list[Annotation]) -> None:
        self.flush_note()
        self._annotations = placed
        self._refill()
        editing = next((a for a in placed if a.id == self._editing), None)
        if editing is not None and self.note.toPlainText() != editing.note:
            self.note.blockSignals(True)  # an undo (or redo) changed the note: show it
            self.note.setPlainText(editing.note)
            self.note.blockSignals(False)
        self.orphans.clear()
        for annotation in orphans:
            item = QListWidgetItem(color_icon(annotation.color), entry_text(annotation))
            item.setData(ID_ROLE, annotation.id)
            self.orphans.addItem(item)
        count = len(orphans)
        self.orphans_label.setText(
            self.tr(
                "<b>Could not be placed</b> ({0}): the article's text changed. "
                "Select the passage and re-attach, or delete."
            ).format(count)
        )
        for widget in (self.orphans_label, self.orphans, self.place_orphan_button,
                       self.delete_orphan_button):  # fmt: skip
            widget.setVisible(bool(orphans))
        if orphans:
            self.orphans.setCurrentRow(0)

    def select(self, annotation_id: str) -> None:
        for n in range(self.list.count()):
            if self.list.item(n).data(ID_ROLE) == annotation_id:
                self.list.setCurrentRow(n)
                return

    def edit_note(self, annotation_id: str) -> None:
        """Select a highlight and put the cursor in its note."""
        self.show()
        self.raise_()
        self.select(annotation_id)
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)
        self.note.moveCursor(self.note.textCursor().MoveOperation.End)

    def _refill(self) -> None:
        from reader.core.search.analysis import fold  # Whoosh's: loaded when first shown

        current = self.list.currentItem()
        keep = current.data(ID_ROLE) if current else self._editing
        color = self.color_filter.currentData() or ""
        words = fold(self.text_filter.text()).split()
        self.list.blockSignals(True)
        self.list.clear()
        for annotation in self._annotations:
            if color and annotation.color != color:
                continue
            haystack = fold(f"{annotation.quote} {annotation.note}")
            if not all(word in haystack for word in words):
                continue
            item = QListWidgetItem(color_icon(annotation.color), entry_text(annotation))
            item.setData(ID_ROLE, annotation.id)
            item.setToolTip(literal(_cut(annotation.note or annotation.quote, NOTE_CHARS)))
            self.list.addItem(item)
        self.list.blockSignals(False)
        if keep:
            self.select(keep)
        self._on_current(self.list.currentItem(), None)

    def _on_current(self, item: QListWidgetItem | None, _previous: object) -> None:
        annotation_id = item.data(ID_ROLE) if item else None
        if annotation_id == self._editing:
            return
        self.flush_note()
        self._editing = annotation_id
        annotation = next((a for a in self._annotations if a.id == annotation_id), None)
        self.note.blockSignals(True)
        self.note.setPlainText(annotation.note if annotation else "")
        self.note.blockSignals(False)
        self.note.setEnabled(annotation is not None)
        self.delete_button.setEnabled(annotation is not None)

    # --- edits --------------------------------------------------------------------

    def _on_note_full(self, full: bool) -> None:
        self.note_full.setVisible(full)
        if full:
            QApplication.beep()

    def flush_note(self) -> None:
        """Save a note being typed now (before the list changes or the app quits)."""
        if self._note_timer.isActive():
            self._note_timer.stop()
            self._save_note()

    def _save_note(self) -> None:
        if self._editing is None:
            return
        annotation = next((a for a in self._annotations if a.id == self._editing), None)
        text = self.note.toPlainText()
        if annotation is not None and text != annotation.note:
            self.note_edited.emit(self._editing, text)

    def _delete_current(self) -> None:
        if self._editing is not None:
            self.delete_requested.emit(self._editing)

    def _place_current_orphan(self) -> None:
        item = self.orphans.currentItem()
        if item is not None:
            self.place_orphan_requested.emit(item.data(ID_ROLE))

    def _delete_orphan(self) -> None:
        item = self.orphans.currentItem()
        if item is not None:
            self.delete_requested.emit(item.data(ID_ROLE))
