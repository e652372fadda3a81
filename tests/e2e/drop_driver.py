"""Drops everything a reader might drop on the window, in its own process (not a test).

    python tests/e2e/drop_driver.py LIBRARY OTHER_LIBRARY OUTSIDE_ARTICLE SCRATCH

On the list, the reading pane and the window's own frame (the status bar) in turn it
drops: a folder, an article of the library, an article from elsewhere, several items
at once, a web address, a file that is no article, a path that vanished, and nothing.
After each drop it waits until the window has settled (a replaced window is open and
scanned) and prints ``DROPPED <where> <what>``; at the end ``SURVIVED``. A crash ends
the process with a signal: the test sees the status and the last line printed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from reader.app import app_settings
from reader.ui.window.article_window import OPEN_ARTICLE_WINDOWS
from reader.ui.window.launch import current_window
from reader.ui.window.main_window import MainWindow


def main() -> int:
    library, other, outside, scratch = (Path(a) for a in sys.argv[1:5])
    app = QApplication(sys.argv[:1])
    first = MainWindow(library, app_settings())
    first.show()
    picture = scratch / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    vanished = scratch / "vanished"
    vanished.mkdir()
    payloads: dict[str, list[str | Path]] = {
        "folder": [other],
        "library-article": [library / "harbour.md"],
        "outside-article": [outside],
        "several": [picture, outside, other, library / "mali.txt"],
        "web-address": ["https://example.org/article.html"],
        "no-article": [picture],
        "vanished": [vanished],
        "nothing": [],
        "back-home": [library],
    }
    steps = [(where, what) for where in ("list", "pane", "window") for what in payloads]

    def target(window: MainWindow, where: str) -> QWidget:
        if where == "list":
            return window.list_view.viewport()
        if where == "pane":
            return window.reading.viewport()
        return window.statusBar()

    def settled() -> bool:
        window = current_window()
        return (
            window is not None
            and window.isVisible()
            and window.session.is_open
            and not window.session.refresh.running
        )

    def when(condition: Callable[[], bool], then: Callable[[], None]) -> None:
        QTimer.singleShot(20, lambda: then() if condition() else when(condition, then))

    def step(index: int) -> None:
        if index == len(steps):
            print("SURVIVED", flush=True)
            for widget in list(OPEN_ARTICLE_WINDOWS):
                widget.close()
            app.quit()
            return
        where, what = steps[index]
        window = current_window()
        assert window is not None
        if what == "vanished" and vanished.exists():
            vanished.rmdir()  # it was there when the reader picked it up
        drop(target(window, where), payloads[what])
        QTimer.singleShot(0, lambda: when(settled, lambda: report(index)))

    def report(index: int) -> None:
        print("DROPPED", *steps[index], flush=True)
        step(index + 1)

    when(settled, lambda: step(0))
    QTimer.singleShot(240_000, lambda: app.exit(3))  # never hang the test
    return app.exec()


def drop(target: QWidget, items: list[str | Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl(i) if isinstance(i, str) else QUrl.fromLocalFile(str(i)) for i in items])
    point = QPoint(target.width() // 2, target.height() // 2)
    action, buttons, keys = (
        Qt.DropAction.CopyAction,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, QDragEnterEvent(point, action, mime, buttons, keys))
    QApplication.sendEvent(target, QDragMoveEvent(point, action, mime, buttons, keys))
    QApplication.sendEvent(target, QDropEvent(QPointF(point), action, mime, buttons, keys))
    del mime  # Qt is done with the drop's data once the event returns


if __name__ == "__main__":
    sys.exit(main())
