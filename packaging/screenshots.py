"""Take the README's screenshots of the real app, under a virtual display.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python packaging/screenshots.py \\
        [--out DIR] [--add FOLDER ...]

The library is built from the repository alone, in a throw-away folder: the bundled
seeds/ and the saved web pages of tests/fixtures/pages/ (as a subfolder "Saved pages"),
plus every folder given with --add (more articles for a fuller list). The app's data goes
to a throw-away data folder too.

The pictures go to a fresh folder under screenshots-tmp/ (ignored by git), or to --out;
the README's own are replaced only when asked by name: --out packaging/screenshots.

    main-window.png   English, light: the sample article
    annotations.png   two highlights, one with a note, and the highlights panel
    search.png        a search for "securite russie"
    dark.png          English, dark theme
    french.png        the French interface, light
    french-dark.png   the French interface, dark (sepia would be "sepia")
    small-panel.png   a small laptop's 1024×600, the highlights panel open
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ["ARTICLE_READER_HOME"] = tempfile.mkdtemp(prefix="article-reader-shots-")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader.app import app_settings
from reader.defaults import default_library
from reader.ui.library_list.article_model import SNIPPET_ROLE, TITLE
from reader.ui.prefs.language import install_language
from reader.ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
SCRATCH = ROOT / "screenshots-tmp"
# The fixtures that are articles (the others are pages the extraction must refuse).
SAVED_PAGES = [
    "en-blog-post.html", "fr-actualite.html", "fr-tutoriel.xhtml", "old-page.htm",
    "Harbour at dawn.html", "Harbour at dawn_files",
]  # fmt: skip
SAMPLE = "Le Mali a pu renforcer sa sécurité grâce à la Russie, selon Bamako"
WIDE, SMALL = (1360, 840), (1024, 600)
# (file, interface language, theme, what to do before the shot, window size)
SHOTS = [
    ("main-window.png", "en", "light", "read", WIDE),
    ("annotations.png", "en", "light", "annotate", WIDE),
    ("search.png", "en", "light", "search", WIDE),
    ("dark.png", "en", "dark", "annotate", WIDE),
    ("french.png", "fr", "light", "annotate", WIDE),
    ("french-dark.png", "fr", "dark", "read", WIDE),
    ("small-panel.png", "en", "light", "annotate", SMALL),
]


def snippet(window: MainWindow) -> str | None:
    """The first hit's snippet: it comes after the hits (see reader/ui/session/search_steps.py)."""
    return window.model.index(0, TITLE).data(SNIPPET_ROLE) if window.model.rowCount() else None


def make_library(extra: list[Path]) -> Path:
    root = Path(tempfile.mkdtemp(prefix="article-reader-library-")) / "Articles"
    shutil.copytree(default_library(), root)
    pages = root / "Saved pages"
    pages.mkdir()
    for name in SAVED_PAGES:
        source = ROOT / "tests" / "fixtures" / "pages" / name
        if source.is_dir():
            shutil.copytree(source, pages / name)
        else:
            shutil.copy2(source, pages / name)
    for folder in extra:
        shutil.copytree(folder, root / folder.name)
    return root


def fresh_folder() -> Path:
    """A new folder under screenshots-tmp/, named for when it was made."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    SCRATCH.mkdir(exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{stamp}-", dir=SCRATCH))


class Photographer:
    def __init__(self, app: QApplication, library: Path, out: Path) -> None:
        self.app = app
        self.library = library
        self.out = out
        self.saved: list[str] = []
        self.window: MainWindow | None = None

    def when(self, condition: Callable[[], bool], then: Callable[[], None]) -> None:
        QTimer.singleShot(50, lambda: then() if condition() else self.when(condition, then))

    def next_shot(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window = None
        if len(self.saved) == len(SHOTS):
            self.app.quit()
            return
        name, lang, theme, action, size = SHOTS[len(self.saved)]
        install_language(lang)
        settings = app_settings()
        settings.setValue("reading/theme", theme)
        settings.setValue("annotations/panel-shown", True)
        window = MainWindow(self.library, settings)
        window.resize(*size)
        window.show()
        self.window = window
        self.when(lambda: window.session.is_open and not window.session.refresh.running,
                  lambda: self.select(window, name, action))  # fmt: skip

    def select(self, window: MainWindow, name: str, action: str) -> None:
        model = window.model
        titles = [model.index(r, TITLE).data() for r in range(model.rowCount())]
        window.select_row(titles.index(SAMPLE))
        self.when(
            lambda: window.annotator.opened is not None, lambda: self.act(window, name, action)
        )

    def act(self, window: MainWindow, name: str, action: str) -> None:
        if action in ("annotate", "search") and not window.annotator.placed:
            self.highlight(window, "reprendre l’ascendant sur les terroristes", "yellow")
            self.highlight(window, "mieux sécuriser les bases militaires", "green",
                           "Lesquelles ? À comparer avec 2021.")  # fmt: skip
        if action == "annotate":
            window.panel.show()
            window.panel.select(window.annotator.placed[0].annotation.id)
        else:
            window.panel.hide()
        if action == "search":
            window.search_field.setText("securite russie")
            self.when(lambda: window.model.searching and bool(snippet(window)),  # they follow
                      lambda: QTimer.singleShot(400, lambda: self.shoot(window, name)))  # fmt: skip
        else:
            QTimer.singleShot(400, lambda: self.shoot(window, name))

    @staticmethod
    def highlight(window: MainWindow, words: str, color: str, note: str = "") -> None:
        window.reading.setTextCursor(window.reading.document().find(words))
        window.annotator.highlight_selection(color)
        if note:
            window.annotator.set_note(window.annotator.placed[-1].annotation.id, note)

    def shoot(self, window: MainWindow, name: str) -> None:
        window.grab().save(str(self.out / name))
        self.saved.append(name)
        window.tasks.wait_idle()
        self.next_shot()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--add", type=Path, action="append", default=[],
                        help="a folder of articles to add to the library")  # fmt: skip
    parser.add_argument("--out", type=Path, help="where to save the pictures (default: a "
                        "new folder under screenshots-tmp/)")  # fmt: skip
    args = parser.parse_args()
    for folder in args.add:
        if not folder.is_dir():
            parser.error(f"--add {folder}: no such folder")
    out = args.out or fresh_folder()
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    photographer = Photographer(app, make_library(args.add), out)
    QTimer.singleShot(0, photographer.next_shot)
    QTimer.singleShot(300_000, app.quit)  # never hang a script run
    app.exec()
    print(f"saved in {out}:", ", ".join(photographer.saved) or "nothing")
    return 0 if len(photographer.saved) == len(SHOTS) else 1


if __name__ == "__main__":
    sys.exit(main())
