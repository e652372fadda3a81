"""Reaching an article's end: with Article → Archive Articles When Done (off by default) the
article goes to the Archive, and Space there goes on to the next article of the queue
when the reader is reading the queue (the Later view), before any book's next chapter.

An article is finished when the reader scrolls to its end themselves (a restored
position or a resize is no finish) or presses Space at its end. Finishing archives but
never changes the article under the reader's eyes: Space then goes on, to the row that
took its place.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractScrollArea

from reader.ui.triage.actions import TriageActions

SETTING = "triage/archiveWhenFinished"


class Finishing(QObject):
    def __init__(
        self, actions: TriageActions, reading: QAbstractScrollArea, settings: QSettings
    ) -> None:
        super().__init__(actions)
        self.actions = actions
        self.model = actions.model
        self.settings = settings
        self.archive_action = QAction(self.tr("Archive Articles When &Done"), actions.owner)
        self.archive_action.setCheckable(True)
        self.archive_action.setChecked(settings.value(SETTING, False, type=bool) is True)
        self.archive_action.toggled.connect(lambda on: settings.setValue(SETTING, on))
        self._scrolled_by_reader = False
        self._finished: int | None = None  # archived on finishing, once while it is shown
        bar = reading.verticalScrollBar()
        bar.actionTriggered.connect(self._on_reader_scroll)
        bar.valueChanged.connect(self._on_scroll)
        self.bar = bar

    def article_shown(self) -> None:
        self._scrolled_by_reader = False
        self._finished = None

    def _on_reader_scroll(self, _action: int) -> None:
        self._scrolled_by_reader = True

    def _on_scroll(self, value: int) -> None:
        if self._scrolled_by_reader and 0 < self.bar.maximum() <= value:
            self.finish()

    def finish(self) -> None:
        """The article shown is finished: to the Archive, if the reader asked so."""
        shown = self.actions.current()
        if not self.archive_action.isChecked() or shown is None or shown == self._finished:
            return
        self._finished = shown
        if self.model.place_of(shown) != "archive":
            self.actions.move("archive", [shown], make_way=False)

    def next(self) -> bool:
        """Space at the article's end: False lets the list's next row (or chapter) come."""
        self.finish()
        shown = self.actions.current()
        if shown is None:
            return False
        row = self.model.row_of(shown)
        left_at = self.actions.left_at
        count = self.model.rowCount()
        if row is None and left_at is not None and left_at[0] == shown and count:
            self.actions.select_row(min(left_at[1], count - 1))  # the row in its place
            return True
        if self.model.view == "later" and row is not None and not self.model.searching:
            if row + 1 < count:
                self.actions.select_row(row + 1)  # the queue's next, not a chapter's
            return True
        return False
