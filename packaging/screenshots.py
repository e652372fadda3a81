"""Take the README's screenshots of the real app on the bundled library.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python packaging/screenshots.py

Uses a throw-away data folder, opens seeds/, selects the sample article,
and saves packaging/screenshots/main-window.png, annotations.png (two
highlights, one with a note, and the highlights panel) and search.png (a
search for "securite russie").
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ["ARTICLE_READER_HOME"] = tempfile.mkdtemp(prefix="article-reader-shots-")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader.app import app_settings
from reader.defaults import default_library
from reader.ui.article_model import TITLE
from reader.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent / "screenshots"
SAMPLE = "Le Mali a pu renforcer sa sécurité grâce à la Russie, selon Bamako"


def main() -> int:
    app = QApplication(sys.argv)
    window = MainWindow(default_library(), app_settings())
    window.resize(1280, 800)
    window.show()
    steps: list[str] = []

    def when(condition, then) -> None:  # type: ignore[no-untyped-def]
        def poll() -> None:
            if condition():
                then()
            else:
                QTimer.singleShot(50, poll)

        poll()

    def select_sample() -> None:
        model = window.model
        titles = [model.index(r, TITLE).data() for r in range(model.rowCount())]
        window.select_row(titles.index(SAMPLE))
        when(lambda: SAMPLE in window.reading.toPlainText(), shoot_main)

    def shoot_main() -> None:
        window.grab().save(str(OUT / "main-window.png"))
        steps.append("main-window.png")
        annotate()

    def highlight(words: str, color: str, note: str = "") -> None:
        window.reading.setTextCursor(window.reading.document().find(words))
        window.annotator.highlight_selection(color)
        if note:
            window.annotator.set_note(window.annotator.placed[-1].annotation.id, note)

    def annotate() -> None:
        highlight("reprendre l’ascendant sur les terroristes", "yellow")
        highlight(
            "mieux sécuriser les bases militaires", "green", "Lesquelles ? À comparer avec 2021."
        )
        window.panel.show()
        window.panel.select(window.annotator.placed[0].annotation.id)
        QTimer.singleShot(300, shoot_annotations)

    def shoot_annotations() -> None:
        window.grab().save(str(OUT / "annotations.png"))
        steps.append("annotations.png")
        window.search_field.setText("securite russie")
        when(lambda: window.model.searching and window.model.rowCount() > 0, shoot_search)

    def shoot_search() -> None:
        window.grab().save(str(OUT / "search.png"))
        steps.append("search.png")
        window.close()
        app.quit()

    window.session.refreshed.connect(select_sample)
    QTimer.singleShot(30_000, app.quit)  # never hang a script run
    app.exec()
    print("saved:", ", ".join(steps) or "nothing")
    return 0 if len(steps) == 3 else 1


if __name__ == "__main__":
    sys.exit(main())
