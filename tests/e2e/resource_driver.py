"""Shows one article in the real window, in its own process, for the strace test.

    python tests/e2e/resource_driver.py LIBRARY

Started with LIBRARY as its current folder: opens the window on ".", shows the
library's only article, lays it out and paints it (which asks for its images), then
prints each image's size as the pane holds it and SHOWN, and quits.
"""

from __future__ import annotations

import resource
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from reader.app import app_settings
from reader.ui.window.main_window import MainWindow

SOURCES = sys.argv[2:]  # the image sources to report on
MEMORY = 6 << 30  # address space: reading /dev/zero must end the process, not the machine


def main() -> int:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    app = QApplication(sys.argv[:1])
    window = MainWindow(Path(sys.argv[1]), app_settings())
    window.show()

    def when(condition: Callable[[], object], then: Callable[[], None]) -> None:
        QTimer.singleShot(20, lambda: then() if condition() else when(condition, then))

    def shown() -> None:
        window.reading.viewport().repaint()  # lays out the images: asks for them
        kind = QTextDocument.ResourceType.ImageResource.value
        for source in SOURCES:
            image = window.reading.document().resource(kind, QUrl(source))
            size = f"{image.width()}x{image.height()}" if isinstance(image, QImage) else "none"
            print(f"{source} {size}", flush=True)
        print("SHOWN", flush=True)
        app.quit()

    when(lambda: window.model.rowCount() > 0, lambda: window.select_row(0))
    when(lambda: window.annotator.opened is not None, shown)
    QTimer.singleShot(60_000, app.quit)  # never outlive a test that stopped listening
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
