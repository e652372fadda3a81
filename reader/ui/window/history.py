"""Where the reader has been: Back and Forward through the articles read, and the
article each library was left on, reopened at the next launch.

An article counts once it has been shown for HISTORY_AFTER_MS, however it was opened
(the list, j / k, a search hit, a link, the highlights view): the reader stopped on it.
Rows the selection only passed (arrowing down the list, j held down) are glances, not
places to go back to, so Back goes to the article read before them, as a browser's
Back skips the pages a redirect passed through. Back and Forward are Alt+Left /
Alt+Right, the mouse's back and forward buttons, and the Article menu's.

One place is no article: the daily review (``OUTSIDE``). Opening it counts at once, so
Back from an article opened at one of its passages returns to it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QWidget

HISTORY_LIMIT = 200  # articles remembered each way
HISTORY_AFTER_MS = 1500  # shown this long and an article is a place Back returns to
OUTSIDE = -1  # the place that is no article (article ids are positive)


class History(QObject):
    """Back and Forward over article ids; ``open_article`` shows one (and calls
    :meth:`visit`, which the history recognises as its own move)."""

    def __init__(self, open_article: Callable[[int], None], owner: QWidget) -> None:
        super().__init__(owner)
        self._open = open_article
        self.open_outside: Callable[[], None] | None = None  # shows the daily review
        self._back: list[int] = []
        self._forward: list[int] = []
        self._current: int | None = None  # the article read last (where Back starts from)
        self._passing: int | None = None  # shown, not yet long enough to count
        self._moving: int | None = None  # the id a Back or Forward is opening
        self._dwell = QTimer(self)
        self._dwell.setSingleShot(True)
        self._dwell.timeout.connect(self._count_passing)
        self.back_action = QAction(self.tr("&Back"), owner)
        self.back_action.setShortcuts([QKeySequence("Alt+Left"), QKeySequence("Back")])
        self.back_action.triggered.connect(self.back)
        self.forward_action = QAction(self.tr("&Forward"), owner)
        self.forward_action.setShortcuts([QKeySequence("Alt+Right"), QKeySequence("Forward")])
        self.forward_action.triggered.connect(self.forward)
        owner.addActions([self.back_action, self.forward_action])
        self._update()

    @property
    def current(self) -> int | None:
        """The article read last: the place Back and Forward move from."""
        return self._current

    def visit(self, article_id: int) -> None:
        """An article is shown: by Back/Forward (already a place), or anew, when it counts
        once it has stayed HISTORY_AFTER_MS (and then ends the way forward)."""
        moving, self._moving = self._moving, None
        self._dwell.stop()
        self._passing = None
        if article_id in (moving, self._current):
            self._update()
            return  # where Back or Forward went (it has moved already), or no move
        self._passing = article_id
        self._dwell.start(HISTORY_AFTER_MS)
        self._update()

    def enter_outside(self) -> None:
        """The daily review is shown: a place at once (no article to stay on)."""
        self._dwell.stop()
        self._passing = None
        if self._current != OUTSIDE:
            if self._current is not None:
                self._back = [*self._back, self._current][-HISTORY_LIMIT:]
            self._forward.clear()
            self._current = OUTSIDE
        self._update()

    def _go(self, place: int) -> None:
        if place != OUTSIDE:
            self._open(place)
        elif self.open_outside is not None:
            self.open_outside()

    def _count_passing(self) -> None:
        article_id, self._passing = self._passing, None
        if article_id is None or article_id == self._current:
            return
        if self._current is not None:
            self._back = [*self._back, self._current][-HISTORY_LIMIT:]
        self._forward.clear()
        self._current = article_id
        self._update()

    def forget(self, article_id: int) -> None:
        """A removed article is no longer a place to go back to."""
        self._back = [i for i in self._back if i != article_id]
        self._forward = [i for i in self._forward if i != article_id]
        if self._passing == article_id:
            self._dwell.stop()
            self._passing = None
        self._update()

    def back(self) -> None:
        if self._passing is not None and self._current is not None:
            self._return_to_current()  # a row only glanced at: Back is the article read
            return
        self._step(self._back, self._forward)

    def forward(self) -> None:
        self._step(self._forward, self._back)

    def _return_to_current(self) -> None:
        assert self._current is not None
        self._dwell.stop()
        self._passing = None
        self._moving = self._current
        self._update()
        self._go(self._current)

    def _step(self, source: list[int], other: list[int]) -> None:
        if not source:
            return
        self._dwell.stop()
        self._passing = None  # a glance is no place to come back to
        target = source.pop()
        if self._current is not None:
            other.append(self._current)
        self._current = target
        self._moving = target
        self._update()
        self._go(target)

    def _update(self) -> None:
        glancing = self._passing is not None and self._current is not None
        self.back_action.setEnabled(bool(self._back) or glancing)
        self.forward_action.setEnabled(bool(self._forward))

    def watch_mouse(self, *widgets: QWidget) -> None:
        """The mouse's back and forward buttons, pressed over these widgets."""
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.BackButton:
                self.back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.forward()
                return True
        return super().eventFilter(watched, event)


def _last_article_key(root: Path) -> str:
    digest = hashlib.sha1(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f"library/{digest}/lastArticle"


def save_last_article(settings: QSettings, root: Path, path: str) -> None:
    """The article (its library path) this library was left on."""
    settings.setValue(_last_article_key(root), path)


def last_article(settings: QSettings, root: Path) -> str:
    """The library path of the article this library was left on ("": none yet)."""
    return str(settings.value(_last_article_key(root), "") or "")
