"""One highlight of the review, as a card: its colour, the quote, the note and tags (both
editable in place), and the article it is from (title, source, date).

The note and tags fields keep the keys typed in them (letters, arrows, Return, Escape):
the review's one-letter keys act only outside them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.userdata import COLORS
from reader.core.articles.dates import short_date
from reader.core.review.daily import ReviewItem
from reader.ui.annotations.highlight_layer import PALETTE, color_name
from reader.ui.annotations.selection_toolbar import color_icon
from reader.ui.plain_text import plain_label
from reader.ui.prefs.language import current_language

_FIELD_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Left,
               Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End}  # fmt: skip


def _field_takes(event: QEvent) -> bool:
    """A key a field keeps from the page's shortcuts (it edits, or leaves the field)."""
    return (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and Qt.Key(event.key()) in _FIELD_KEYS
    )


class NoteField(QPlainTextEdit):
    done = Signal()  # Escape or Ctrl+Return: the note is kept, back to the card
    left = Signal()  # the focus went elsewhere: the note is kept

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def event(self, event: QEvent) -> bool:
        if _field_takes(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        combination = event.keyCombination()
        ctrl_return = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Return)
        if event.key() == Qt.Key.Key_Escape or combination == ctrl_return:
            self.done.emit()
            return
        super().keyPressEvent(event)


class TagsField(QLineEdit):
    done = Signal()  # Return or Escape: the tags are kept, back to the card

    def event(self, event: QEvent) -> bool:
        if _field_takes(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self.done.emit()
            return
        super().keyPressEvent(event)


class ReviewCard(QFrame):
    color_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.quote = plain_label(QLabel())  # the reader's text, never markup
        self.quote.setObjectName("reviewQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.quote.font())
        font.setFamilies(["Noto Serif", "Source Serif 4", "Georgia", "DejaVu Serif", "serif"])
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.quote.setFont(font)
        self.bar = QFrame()  # the highlight's colour, down the quote's side
        self.bar.setFixedWidth(6)
        quote_row = QHBoxLayout()
        quote_row.addWidget(self.bar)
        quote_row.addWidget(self.quote, 1)
        self.note = NoteField()
        self.note.setObjectName("reviewNote")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("No note. Press E to write one."))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.tags = TagsField()
        self.tags.setObjectName("reviewTags")
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("No tags. Press T to add some, separated by commas."))
        self.chips: dict[str, QToolButton] = {}
        chips = QHBoxLayout()
        chips.setSpacing(2)
        chips.addWidget(plain_label(QLabel(self.tr("Colour (C):"))))
        for color in COLORS:
            chip = QToolButton()
            chip.setIcon(color_icon(color))
            chip.setCheckable(True)
            chip.setAutoRaise(True)
            chip.setToolTip(color_name(color))
            chip.setAccessibleName(color_name(color))
            chip.clicked.connect(lambda _=False, c=color: self.color_chosen.emit(c))
            chips.addWidget(chip)
            self.chips[color] = chip
        chips.addStretch(1)
        self.source = plain_label(QLabel())  # titles as written
        self.source.setObjectName("reviewSource")
        self.source.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addLayout(quote_row)
        layout.addWidget(self.source)
        layout.addWidget(self.note)
        layout.addWidget(self.tags)
        layout.addLayout(chips)

    def show_item(self, item: ReviewItem) -> None:
        self.quote.setText(item.quote)
        stripe = PALETTE.get(item.color, PALETTE["yellow"])[2]  # strong in light and dark
        self.bar.setStyleSheet(f"background: {stripe}; border-radius: 3px;")
        self.bar.setAccessibleName(color_name(item.color))
        for name, chip in self.chips.items():
            chip.setChecked(name == item.color)
        if not self.note.hasFocus():
            self.note.setPlainText(item.note)
        if not self.tags.hasFocus():
            self.tags.setText(", ".join(item.tags))
        where = [item.title, item.source, short_date(item.date, current_language())]
        self.source.setText(" · ".join(part for part in where if part))

    def typed_tags(self) -> tuple[str, ...]:
        names = (tag.strip() for tag in self.tags.text().split(","))
        return tuple(dict.fromkeys(name for name in names if name))
