"""Drives the real window in its own process for the SIGKILL test (not a test itself).

    python tests/e2e/kill_driver.py LIBRARY highlight|note

Opens the window on LIBRARY, selects "renforcer sa sécurité" in the sample
article and highlights it with Ctrl+H; with ``note`` it then types a note in
the panel. It prints HIGHLIGHTED / NOTED as soon as the window reports the
change saved, then idles until killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader.app import app_settings
from reader.ui.window.main_window import MainWindow

WORDS = "renforcer sa sécurité"
NOTE = "typed just before the crash"


def main() -> int:
    root, mode = Path(sys.argv[1]), sys.argv[2]
    app = QApplication(sys.argv[:1])
    window = MainWindow(root, app_settings())
    window.show()

    def say(word: str) -> None:
        print(word, flush=True)

    def when(condition, then) -> None:  # type: ignore[no-untyped-def]
        QTimer.singleShot(20, lambda: then() if condition() else when(condition, then))

    def highlight() -> None:
        window.reading.setTextCursor(window.reading.document().find(WORDS))
        QTest.keyClick(window.reading, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)

    def on_saved(annotation_id: str) -> None:
        if mode == "highlight":
            say("HIGHLIGHTED")
        elif not window.annotator.annotations[annotation_id].note:
            window.panel.edit_note(annotation_id)
            QTest.keyClicks(window.panel.note, NOTE)
        else:
            say("NOTED")

    window.annotator.saved.connect(on_saved)
    QTimer.singleShot(60_000, app.quit)  # never outlive a test that stopped listening
    when(lambda: window.annotator.opened is not None and window.annotator.opened.text, highlight)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
