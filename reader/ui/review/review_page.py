"""The daily review page: today's highlights one at a time, each answered with one key.

    K  keep          S  sooner          M  mastered          N  skip (not now)
    Left / Right     the previous or next highlight, answered or not
    O or Return      open the article at the passage (Back returns here)
    E  edit the note      T  edit the tags      C  the next colour
    Ctrl+C           copy the highlight with its citation
    Esc              back to reading

Every key is a button too. The keys are the page's own: while it shows, the reader
keys of the list and article (j, k, s, m, Space…) are off, as there is no article.
"How many left today" and the streak are said quietly in the header: nothing notifies.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.userdata import COLORS
from reader.core.catalog.store import CatalogRow
from reader.core.review.schedule import Answer
from reader.ui.annotations.citation import citation
from reader.ui.plain_text import plain_label
from reader.ui.review.card import ReviewCard
from reader.ui.review.deck import DayReview

ARROWS = {"Left": "←", "Right": "→"}  # on the buttons: shorter than their names


class ReviewPage(QWidget):
    open_requested = Signal(int, str)  # article id, annotation id: show it there
    close_requested = Signal()  # back to reading

    def __init__(
        self,
        deck: DayReview,
        row_of: Callable[[int], CatalogRow | None],
        root: Callable[[], Path | None],
    ) -> None:
        super().__init__()
        self.deck = deck
        self.row_of = row_of
        self.root = root
        self.setObjectName("reviewPage")
        self.setAccessibleName(self.tr("Daily review"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        title = plain_label(QLabel(self.tr("Daily Review")))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.progress = plain_label(QLabel())
        self.progress.setObjectName("reviewProgress")
        self.progress.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # said quietly
        self.position = plain_label(QLabel())
        self.position.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.progress)
        self.card = ReviewCard()
        self.empty = plain_label(QLabel())  # done for today, or nothing to review
        self.empty.setObjectName("reviewEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        self.answer_buttons: dict[str, QPushButton] = {}
        self.actions_by_key: dict[str, QAction] = {}
        answers = QHBoxLayout()
        choices: tuple[tuple[Answer, str, str], ...] = (
            ("keep", self.tr("Keep"), "K"),
            ("sooner", self.tr("Sooner"), "S"),
            ("mastered", self.tr("Mastered"), "M"),
            ("skip", self.tr("Skip (Not Now)"), "N"),
        )
        for answer, text, key in choices:
            button = self._button(text, key, self._answerer(answer))
            answers.addWidget(button)
            self.answer_buttons[answer] = button
        tools = QHBoxLayout()
        self.previous_button = self._button(self.tr("Previous"), "Left", lambda: deck.step(-1))
        self.next_button = self._button(self.tr("Next"), "Right", lambda: deck.step(1))
        self.open_button = self._button(self.tr("Open at Passage"), "O", self.open_passage)
        self.copy_button = self._button(
            self.tr("Copy Highlight with Citation"), "Ctrl+C", self.copy, extra=["Ctrl+Shift+C"]
        )
        self.back_button = self._button(
            self.tr("Back to Reading"), "Esc", self.close_requested.emit
        )
        for button in (self.previous_button, self.next_button, self.open_button,
                       self.copy_button):  # fmt: skip
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.back_button)
        focus = Qt.FocusReason.ShortcutFocusReason
        self._shortcut("E", lambda: self.card.note.setFocus(focus), self.tr("Edit the Note"))
        self._shortcut("T", lambda: self.card.tags.setFocus(focus), self.tr("Edit the Tags"))
        self._shortcut("C", self.next_color, self.tr("Next Colour"))
        self.card.note.done.connect(self._note_done)
        self.card.note.left.connect(self.save_note)
        self.card.tags.done.connect(self._tags_done)
        self.card.tags.editingFinished.connect(self.save_tags)
        self.card.color_chosen.connect(lambda color: deck.edit(color=color))
        inner = QWidget()
        body = QVBoxLayout(inner)
        body.addLayout(header)
        body.addWidget(self.position)
        body.addWidget(self.card)
        body.addWidget(self.empty)
        body.addLayout(answers)
        body.addLayout(tools)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 12, 24, 12)
        outer.addWidget(scroll)
        deck.changed.connect(self.refresh)
        self.refresh()

    def _button(
        self, text: str, key: str, slot: Callable[[], object], extra: list[str] | None = None
    ) -> QPushButton:
        name = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        shown = ARROWS.get(key, name)
        button = QPushButton(f"{text}   {shown}")  # the key, seen where the mouse goes
        button.setToolTip(self.tr("Key: {0}").format(name))
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(slot)
        self.actions_by_key[key] = self._shortcut(key, slot, text, extra or [])
        return button

    def _shortcut(
        self, key: str, slot: Callable[[], object], text: str, extra: list[str] | None = None
    ) -> QAction:
        action = QAction(text, self)  # named in the cheat sheet (?)
        action.setShortcuts([QKeySequence(k) for k in [key, *(extra or [])]])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Return opens the passage, or clicks the button that has the focus (no shortcut:
        the note and tags fields take it first, and the cheat sheet names O)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = QApplication.focusWidget()
            if isinstance(focused, QPushButton):
                focused.click()
            else:
                self.open_passage()
            return
        super().keyPressEvent(event)

    # --- what is shown ------------------------------------------------------------------

    def refresh(self) -> None:
        deck = self.deck
        item = deck.item
        left, streak = deck.progress.left, deck.progress.streak
        said = [self.tr("1 left today") if left == 1 else self.tr("%n left today", "", left)]
        if not left and deck.progress.done:
            said = [self.tr("All done today")]
        if streak:
            said.append(
                self.tr("1-day streak") if streak == 1 else self.tr("%n-day streak", "", streak)
            )
        self.progress.setText(" · ".join(said) if deck.loaded else "")
        everything_answered = deck.loaded and bool(deck.items) and not left
        self.card.setVisible(item is not None and not everything_answered)
        for button in (*self.answer_buttons.values(), self.open_button, self.copy_button):
            button.setEnabled(item is not None)
        self.previous_button.setEnabled(deck.at > 0)
        self.next_button.setEnabled(deck.at + 1 < len(deck.items))
        if item is not None:
            self.card.show_item(item)
            self.position.setText(
                self.tr("Highlight {0} of {1}").format(deck.at + 1, len(deck.items))
            )
        else:
            self.position.setText("")
        self.empty.setVisible(not deck.loaded or item is None or everything_answered)
        if not deck.loaded:
            self.empty.setText(self.tr("Drawing today's highlights…"))
        elif item is None:
            self.empty.setText(
                self.tr(
                    "Nothing to review today.\nHighlight passages as you read (Ctrl+H):"
                    " they come back here, a few each day."
                )
            )
        elif everything_answered:
            self.empty.setText(
                self.tr(
                    "Done for today. New highlights come back tomorrow.\n"
                    "Left and Right go through today's again."
                )
            )
            self.card.setVisible(True)
            for button in self.answer_buttons.values():
                button.setEnabled(True)  # an answer can be changed

    # --- the reader's commands ----------------------------------------------------------

    def _answerer(self, answer: Answer) -> Callable[[], None]:
        return lambda: self.answer(answer)

    def answer(self, answer: Answer) -> None:
        labels = {
            "keep": self.tr("Keep", "undo step"),
            "sooner": self.tr("Sooner", "undo step"),
            "mastered": self.tr("Mastered", "undo step"),
            "skip": self.tr("Skip", "undo step"),
        }
        self.deck.answer(answer, labels[answer])

    def open_passage(self) -> None:
        item = self.deck.item
        if item is not None:
            self.open_requested.emit(item.article_id, item.annotation_id)

    def copy(self) -> None:
        item = self.deck.item
        clipboard = QGuiApplication.clipboard()
        if item is not None and clipboard is not None:
            clipboard.setText(citation(item.quote, self.row_of(item.article_id), self.root()))

    def next_color(self) -> None:
        item = self.deck.item
        if item is not None:
            at = COLORS.index(item.color) if item.color in COLORS else -1
            self.deck.edit(color=COLORS[(at + 1) % len(COLORS)])

    def _note_done(self) -> None:
        self.save_note()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_note(self) -> None:
        item = self.deck.item
        note = self.card.note.toPlainText()
        if item is not None and note != item.note:
            self.deck.edit(note=note)

    def _tags_done(self) -> None:
        self.save_tags()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_tags(self) -> None:
        item = self.deck.item
        tags = self.card.typed_tags()
        if item is not None and tags != item.tags:
            self.deck.edit(tags=tags)
