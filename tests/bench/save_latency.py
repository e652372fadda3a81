"""How long from "highlight" to "on disk" in the window: ``python -m tests.bench.save_latency``.

Opens the window (offscreen) on a copy of the sample article, highlights ten passages
one after another through the window's own action, and times each from the action to
the window's ``saved`` signal (the change committed with ``synchronous=FULL`` on the
``user`` lane and reported back to the GUI thread).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

PASSAGES = [
    "L’aide de Moscou", "lutte contre le terrorisme", "Assimi Goïta", "fleuri ces derniers mois",
    "Des résultats concrets", "partenariat militaire", "reprendre l’ascendant",
    "mieux assurer sa défense", "sommet Russie-Afrique", "bases militaires",
]  # fmt: skip


def main() -> int:
    os.environ["ARTICLE_READER_HOME"] = tempfile.mkdtemp(prefix="article-reader-latency-")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.app import app_settings
    from reader.defaults import default_library
    from reader.ui.window.main_window import MainWindow

    library = Path(tempfile.mkdtemp(prefix="article-reader-library-"))
    shutil.copy(default_library() / "000_10d9d95bf921b5c7.txt", library / "mali.txt")
    app = QApplication(sys.argv[:1])
    window = MainWindow(library, app_settings())
    window.show()
    times: list[float] = []
    started = [0.0]

    def highlight_next() -> None:
        if len(times) == len(PASSAGES):
            print(
                f"action → saved: median {statistics.median(times):.1f} ms,"
                f" max {max(times):.1f} ms ({len(times)} highlights)"
            )
            window.close()
            app.quit()
            return
        window.reading.setTextCursor(window.reading.document().find(PASSAGES[len(times)]))
        started[0] = time.perf_counter()
        window.annotator.highlight_selection("yellow")

    def on_saved(_: str) -> None:
        times.append((time.perf_counter() - started[0]) * 1000)
        QTimer.singleShot(50, highlight_next)

    def when_shown() -> None:
        if window.annotator.opened is None:
            QTimer.singleShot(50, when_shown)
        else:
            highlight_next()

    window.annotator.saved.connect(on_saved)
    window.session.refresh.done.connect(lambda: QTimer.singleShot(100, when_shown))
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    return 0 if len(times) == len(PASSAGES) else 1


if __name__ == "__main__":
    sys.exit(main())
