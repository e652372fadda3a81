"""Where the reader has been: Back and Forward through the articles opened, and the
article each library was left on, reopened at the next launch.

Every article opened counts, however it was opened (the list, a search hit, a link,
the highlights view), as in Foliate or Calibre's viewer. Back and Forward are
Alt+Left / Alt+Right, the mouse's back and forward buttons, and the Article menu's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QWidget

HISTORY_LIMIT = 200  # articles remembered each way


class History(QObject):
    """Back and Forward over article ids; ``open_article`` shows one (and calls
    :meth:`visit`, which the history recognises as its own move)."""

    def __init__(self, open_article: Callable[[int], None], owner: QWidget) -> None:
        super().__init__(owner)
        self._open = open_article
        self._back: list[int] = []
        self._forward: list[int] = []
        self._current: int | None = None
        self._moving: int | None = None  # the id a Back or Forward is opening
        self.back_action = QAction(self.tr("&Back"), owner)
        self.back_action.setShortcuts([QKeySequence("Alt+Left"), QKeySequence("Back")])
        self.back_action.triggered.connect(self.back)
        self.forward_action = QAction(self.tr("&Forward"), owner)
        self.forward_action.setShortcuts([QKeySequence("Alt+Right"), QKeySequence("Forward")])
        self.forward_action.triggered.connect(self.forward)
        owner.addActions([self.back_action, self.forward_action])
        self._update()

    def visit(self, article_id: int) -> None:
        """An article was opened: by Back/Forward, or anew (which ends the way forward)."""
        moving, self._moving = self._moving, None
        if article_id in (moving, self._current):
            return  # where Back or Forward went (it has moved already), or no move
        if self._current is not None:
            self._back = [*self._back, self._current][-HISTORY_LIMIT:]
        self._forward.clear()
        self._current = article_id
        self._update()

    def forget(self, article_id: int) -> None:
        """A removed article is no longer a place to go back to."""
        self._back = [i for i in self._back if i != article_id]
        self._forward = [i for i in self._forward if i != article_id]
        self._update()

    def back(self) -> None:
        self._step(self._back, self._forward)

    def forward(self) -> None:
        self._step(self._forward, self._back)

    def _step(self, source: list[int], other: list[int]) -> None:
        if not source:
            return
        target = source.pop()
        if self._current is not None:
            other.append(self._current)
        self._current = target
        self._moving = target
        self._update()
        self._open(target)

    def _update(self) -> None:
        self.back_action.setEnabled(bool(self._back))
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
