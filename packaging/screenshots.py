"""Take the README's screenshots of the real app, under a virtual display.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python packaging/screenshots.py \\
        [--out DIR] [--add FOLDER ...] [--only NAME ...]

The library is built from the repository alone, in a throw-away folder: the bundled
seeds/ and the saved web pages of tests/fixtures/pages/ (as a subfolder "Saved pages"),
a few French articles with long titles written here (a subfolder "Revue de presse"),
plus every folder given with --add (more articles for a fuller list). The app's data goes
to a throw-away data folder too. --only takes just the pictures named (search-small.png…).

The pictures go to a fresh folder under screenshots-tmp/ (ignored by git), or to --out;
the README's own are replaced only when asked by name: --out packaging/screenshots.

    main-window.png   English, light: the sample article
    annotations.png   two highlights, one with a note, and the highlights panel
    search.png        a search for "securite russie"
    dark.png          English, dark theme
    french.png        the French interface, light
    french-dark.png   the French interface, dark (sepia would be "sepia")
    small-panel.png   a small laptop's 1024×600, the highlights panel open
    search-small.png  the French interface at 1024×600: a search whose hits have long
                      French titles and snippets
    dropped-folder.png  just after a folder was dropped on the window: its library, open
    queue*.png        1024×600: the Later view (the reading queue, long French titles in
                      it), English and French, light and dark; the views' row has the focus
                      in the dark ones
    review*.png       1024×600: the daily review on its first highlight (the French ones on
                      the second, with its note), English and French, light and dark
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

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from reader.app import app_settings
from reader.defaults import default_library
from reader.ui.library_list.article_model import ID_ROLE, SNIPPET_ROLE, TITLE
from reader.ui.prefs.language import install_language
from reader.ui.window.launch import current_window
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
Shot = tuple[str, str, str, str, tuple[int, int]]
SHOTS: list[Shot] = [
    ("main-window.png", "en", "light", "read", WIDE),
    ("annotations.png", "en", "light", "annotate", WIDE),
    ("search.png", "en", "light", "search", WIDE),
    ("dark.png", "en", "dark", "annotate", WIDE),
    ("french.png", "fr", "light", "annotate", WIDE),
    ("french-dark.png", "fr", "dark", "read", WIDE),
    ("small-panel.png", "en", "light", "annotate", SMALL),
    ("search-small.png", "fr", "light", "search-fr", SMALL),
    ("dropped-folder.png", "en", "light", "drop", WIDE),
    *[
        (f"{page}{suffix}.png", lang, theme, page, SMALL)
        for page in ("queue", "review")
        for suffix, lang, theme in (
            ("", "en", "light"),
            ("-dark", "en", "dark"),
            ("-fr", "fr", "light"),
            ("-fr-dark", "fr", "dark"),
        )
    ],
]
FRENCH_QUERY = "sécurité"
PRESS = "Revue de presse"  # the folder of long French titles, and the one dropped
# (file name, title, date, source, paragraphs): long titles, as French papers write them.
PRESS_ARTICLES = [
    ("alimentation.md",
     "La sécurité alimentaire en Afrique de l’Ouest mise à l’épreuve par des sécheresses "
     "répétées et la flambée du prix des engrais importés",
     "2023-09-14", "Le Monde diplomatique",
     ["Dans les campagnes du Sahel, la sécurité alimentaire de millions de familles dépend "
      "désormais de la saison des pluies et du cours mondial des engrais azotés.",
      "Les agronomes interrogés plaident pour des variétés de mil plus résistantes et pour "
      "des réserves de céréales gérées à l’échelle des villages."]),
    ("ferroviaire.md",
     "Transports régionaux : la modernisation des petites lignes ferroviaires promise depuis "
     "dix ans se heurte encore au financement et à la sécurité des passages à niveau",
     "2024-02-03", "Ouest-France",
     ["Les élus locaux réclament un calendrier précis : la sécurité des passages à niveau "
      "reste la première inquiétude des riverains, loin devant la vitesse des trains.",
      "SNCF Réseau évoque des travaux étalés jusqu’en 2030, faute d’un accord sur la part "
      "que paieront l’État et les régions."]),
    ("numerique.md",
     "Cybersécurité des hôpitaux publics : après une série d’attaques par rançongiciel, "
     "les établissements de santé renforcent la sécurité de leurs systèmes d’information",
     "2023-11-22", "Libération",
     ["Trois centres hospitaliers ont dû reporter des opérations cet automne ; la sécurité "
      "informatique devient un poste de dépense à part entière dans les budgets.",
      "Les soignants, eux, demandent surtout des procédures de secours sur papier qui "
      "fonctionnent vraiment le jour où tout s’arrête."]),
    ("montagne.md",
     "Sécurité en montagne : les secouristes du massif du Mont-Blanc appellent les "
     "randonneurs à renoncer plus tôt quand la météo se dégrade en fin d’après-midi",
     "2024-07-30", "Le Dauphiné libéré",
     ["Le peloton de gendarmerie de haute montagne a déjà mené plus d’interventions qu’à la "
      "même date l’an dernier, souvent pour des randonneurs épuisés ou mal équipés.",
      "Renoncer n’est pas un échec, répètent les guides : la sécurité commence au départ, "
      "avec un horaire de demi-tour décidé avant de partir."]),
]  # fmt: skip


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
    press = root / PRESS
    press.mkdir()
    for name, title, date, source, paragraphs in PRESS_ARTICLES:
        front = f'---\ntitle: "{title}"\ndate: {date}\nsource: {source}\nlang: fr\n---\n\n'
        (press / name).write_text(front + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    for folder in extra:
        shutil.copytree(folder, root / folder.name)
    return root


def drop_folder(target: QWidget, folder: Path) -> None:
    """Drop ``folder`` on ``target`` as a file manager would (the window acts once the
    drop's event is over)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    point = QPoint(target.width() // 2, target.height() // 2)
    action, button, keys = (
        Qt.DropAction.CopyAction,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, QDragEnterEvent(point, action, mime, button, keys))
    QApplication.sendEvent(target, QDropEvent(QPointF(point), action, mime, button, keys))


def scanned(window: MainWindow) -> bool:
    return window.session.is_open and not window.session.refresh.running


def fresh_folder() -> Path:
    """A new folder under screenshots-tmp/, named for when it was made."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    SCRATCH.mkdir(exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{stamp}-", dir=SCRATCH))


class Photographer:
    def __init__(self, app: QApplication, library: Path, out: Path, shots: list[Shot]) -> None:
        self.app = app
        self.library = library
        self.out = out
        self.shots = shots
        self.saved: list[str] = []
        self.window: MainWindow | None = None

    def when(self, condition: Callable[[], bool], then: Callable[[], None]) -> None:
        QTimer.singleShot(50, lambda: then() if condition() else self.when(condition, then))

    def next_shot(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window = None
        if len(self.saved) == len(self.shots):
            self.app.quit()
            return
        name, lang, theme, action, size = self.shots[len(self.saved)]
        install_language(lang)
        settings = app_settings()
        settings.setValue("reading/theme", theme)
        settings.setValue("annotations/panel-shown", True)
        window = MainWindow(self.library, settings)
        window.resize(*size)
        window.show()
        self.window = window
        self.when(lambda: scanned(window), lambda: self.select(window, name, action))

    def select(self, window: MainWindow, name: str, action: str) -> None:
        if action == "drop":
            self.drop(window, name)
            return
        model = window.model
        titles = [model.index(r, TITLE).data() for r in range(model.rowCount())]
        window.select_row(titles.index(SAMPLE))
        sample = model.index(titles.index(SAMPLE), TITLE).data(ID_ROLE)
        # The sample, not the article the last window was left on (shown first).
        self.when(
            lambda: window.annotator.opened is not None and window.annotator.opened.id == sample,
            lambda: self.act(window, name, action),
        )

    def act(self, window: MainWindow, name: str, action: str) -> None:
        if action in ("annotate", "search") and not window.annotator.placed:
            self.highlight(window, "reprendre l’ascendant sur les terroristes", "yellow")
            self.highlight(window, "mieux sécuriser les bases militaires", "green",
                           "Lesquelles ? À comparer avec 2021.")  # fmt: skip
        if action == "queue":
            self.queue(window, name)
            return
        if action == "review":
            self.review(window, name)
            return
        if action == "annotate":
            window.panel.show()
            window.panel.select(window.annotator.placed[0].annotation.id)
        else:
            window.panel.hide()
        if action == "search-fr":
            window.search_field.setText(FRENCH_QUERY)
            self.when(lambda: window.model.searching and bool(snippet(window)),
                      lambda: QTimer.singleShot(400, lambda: self.shoot(window, name)))  # fmt: skip
        elif action == "search":
            window.search_field.setText("securite russie")
            self.when(lambda: window.model.searching and bool(snippet(window)),  # they follow
                      lambda: QTimer.singleShot(400, lambda: self.shoot(window, name)))  # fmt: skip
        else:
            QTimer.singleShot(400, lambda: self.shoot(window, name))

    def queue(self, window: MainWindow, name: str) -> None:
        """The press articles and the sample in Later; the Later view, the first shown."""
        window.panel.hide()
        if window.model.searching:  # the library's last search comes back at relaunch
            window.search_field.clear()
            self.when(lambda: not window.model.searching, lambda: self.queue(window, name))
            return
        press = [row.id for row in window.model.all_rows() if row.path.startswith(PRESS)]
        sample = [row.id for row in window.model.all_rows() if row.title == SAMPLE]
        window.triage.moves.move(sorted(press) + sample, "later", "")
        window.model.set_view("later")
        window.select_row(0)
        if name.endswith("-dark.png"):
            window.triage.tabs.setFocus(Qt.FocusReason.TabFocusReason)  # is the focus seen?
        else:
            window.list_view.setFocus(Qt.FocusReason.TabFocusReason)
        self.when(
            window.tasks.idle, lambda: QTimer.singleShot(400, lambda: self.shoot(window, name))
        )

    def review(self, window: MainWindow, name: str) -> None:
        """Today's review of the sample's two highlights (the French on the second)."""
        window.panel.hide()
        if window.model.searching:  # the library's last search comes back at relaunch
            window.search_field.clear()
            self.when(lambda: not window.model.searching, lambda: self.review(window, name))
            return
        if not window.annotator.placed:
            self.highlight(window, "reprendre l’ascendant sur les terroristes", "yellow")
            self.highlight(window, "mieux sécuriser les bases militaires", "green",
                           "Lesquelles ? À comparer avec 2021.")  # fmt: skip
        window.tasks.wait_idle()
        window.review.show_review()
        deck = window.review.deck

        def shoot() -> None:
            if name.startswith("review-fr"):
                deck.step(1)
            QTimer.singleShot(400, lambda: self.shoot(window, name))

        self.when(lambda: deck.loaded and window.tasks.idle(), shoot)

    def drop(self, window: MainWindow, name: str) -> None:
        """Drop the press folder on the list; shoot the window that opens it."""
        folder = self.library / PRESS
        drop_folder(window.list_view.viewport(), folder)

        def opened() -> MainWindow | None:
            shown = current_window()
            if shown is None or shown.session.root != folder or not scanned(shown):
                return None
            return shown if shown.annotator.opened is not None else None

        def shoot() -> None:
            shown = opened()
            assert shown is not None
            self.window = shown  # the one to close next
            QTimer.singleShot(400, lambda: self.shoot(shown, name))

        self.when(lambda: opened() is not None, shoot)

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
    names = [shot[0] for shot in SHOTS]
    parser.add_argument("--only", nargs="+", choices=names, metavar="NAME",
                        help=f"take only these pictures ({', '.join(names)})")  # fmt: skip
    args = parser.parse_args()
    shots = [shot for shot in SHOTS if not args.only or shot[0] in args.only]
    for folder in args.add:
        if not folder.is_dir():
            parser.error(f"--add {folder}: no such folder")
    out = args.out or fresh_folder()
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    photographer = Photographer(app, make_library(args.add), out, shots)
    QTimer.singleShot(0, photographer.next_shot)
    QTimer.singleShot(300_000, app.quit)  # never hang a script run
    app.exec()
    print(f"saved in {out}:", ", ".join(photographer.saved) or "nothing")
    return 0 if len(photographer.saved) == len(shots) else 1


if __name__ == "__main__":
    sys.exit(main())
