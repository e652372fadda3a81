"""A drag source for the real-display drop test (not a test itself).

    python tests/e2e/drag_source.py TITLE PATH...

Shows a small window titled TITLE; a press on it starts a drag of PATHs as file URLs,
as a file manager does. It prints ``DRAGGING`` when the drag starts and ``DONE`` when
the drag is over, and stays: the target reads the dragged data from it after the drop
(end it once the target shows it has).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel


class Source(QLabel):
    def mousePressEvent(self, event: QMouseEvent) -> None:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(path) for path in sys.argv[2:]])
        drag = QDrag(self)
        drag.setMimeData(mime)
        print("DRAGGING", flush=True)
        drag.exec(Qt.DropAction.CopyAction | Qt.DropAction.MoveAction | Qt.DropAction.LinkAction)
        print("DONE", flush=True)


def main() -> int:
    app = QApplication(sys.argv[:1])
    source = Source("drag me")
    source.setWindowTitle(sys.argv[1])
    source.setGeometry(0, 0, 120, 120)
    source.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
