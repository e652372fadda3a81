"""A reading window of its own for one article file that is not in the open library.

Opening such a file (a drop, "Open with", ``article-reader FILE``) must not throw away
the library the reader has open, nor index the file's folder behind their back: the
file is shown here, rendered as the library's articles are, in the reader's theme and
text size. Highlights, stars and the reading position belong to a library, so this
window keeps none; a bar says so and offers the library the article belongs to, when
the reader already uses one (a recent library that holds the file), else its folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from reader.ui.plain_text import plain_label
from reader.ui.prefs.language import current_language
from reader.ui.reading.reading_controls import ReadingControls
from reader.ui.reading.reading_pane import ReadingPane
from reader.ui.session.shown_article import Notices, ShownArticle, shown_article
from reader.ui.session.tasks import TaskRunner

if TYPE_CHECKING:
    from reader.core.operations import OpenedArticle

# Open ``file`` in the library ``folder`` (the window's library gives way to it).
OpenInLibrary = Callable[[Path, Path], None]

OPEN_ARTICLE_WINDOWS: set[ArticleWindow] = set()  # open reading windows, kept alive here


class ArticleWindow(QMainWindow):
    def __init__(
        self,
        path: Path,
        settings: QSettings,
        library: Path | None,
        open_in_library: OpenInLibrary,
    ) -> None:
        """``library``: the reader's library that holds ``path``, if any (else its folder
        is offered as a library)."""
        super().__init__()
        self.path = path
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.tasks = TaskRunner(self)
        self.shown: ShownArticle | None = None
        self.pane = ReadingPane()
        self.reading = self.pane.view
        self.controls = ReadingControls(self.reading, settings, self)
        folder = library if library is not None else path.parent
        self.offer = self._offer_bar(library, lambda: self._to_library(open_in_library, folder))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.offer)
        layout.addWidget(self.pane, 1)
        self.setCentralWidget(central)
        close = QAction(self.tr("&Close"), self)
        close.setShortcuts(QKeySequence.StandardKey.Close)  # Ctrl+W and Ctrl+F4
        close.triggered.connect(self.close)
        self.addActions([close, self.controls.bigger, self.controls.smaller, self.controls.reset])
        self.setWindowTitle(self.tr("{0} — Article Reader").format(path.name))
        self.resize(820, 760)
        self.reading.setFocus()  # the keys scroll the article; the offer takes a click or Alt
        OPEN_ARTICLE_WINDOWS.add(self)
        self.reading.show_message(self.tr("Opening the article…"), str(path))
        self._load()

    def _offer_bar(self, library: Path | None, accept: Callable[[], None]) -> QWidget:
        bar = QWidget()
        bar.setObjectName("articleWindowOffer")
        row = QHBoxLayout(bar)
        row.setContentsMargins(10, 6, 10, 6)
        if library is not None:
            text = self.tr(
                "Read on its own: highlights are not kept here. It is in your library “{0}”."
            ).format(library.name)
            button = QPushButton(self.tr("Open in &Library"))
        else:
            text = self.tr(
                "Read on its own: highlights are not kept here. It is in none of your libraries."
            )
            button = QPushButton(self.tr("Open Its &Folder as a Library"))
        self.offer_label = plain_label(QLabel(text))  # it names a folder
        self.offer_label.setWordWrap(True)
        self.offer_button = button
        button.clicked.connect(accept)
        row.addWidget(self.offer_label, 1)
        row.addWidget(button)
        return bar

    def _to_library(self, open_in_library: OpenInLibrary, folder: Path) -> None:
        """The reader took the offer: the article is read in its library from now on."""
        open_in_library(folder, self.path)
        self.close()

    def _load(self) -> None:
        lang = current_language()
        path = self.path
        notices = Notices(
            QCoreApplication.translate(
                "ArticleLoading",
                "Showing the first {0} characters of {1}: this article is too long to show whole.",
            ),
            QCoreApplication.translate(
                "ArticleLoading", "Shown as plain text: this article is too complex to render."
            ),
            french_numbers=lang == "fr",
        )  # translated here: the worker never calls Qt's tr
        self.tasks.run(
            "open",
            lambda ctx: shown_article(_open_file(path, lang), path.parent, notices),
            self._on_loaded,
            self._on_failed,
        )

    def _on_loaded(self, shown: ShownArticle) -> None:
        opened = shown.opened
        if not opened.html:
            self.reading.show_message(
                self.tr("This article was removed"), self.tr("Its file is no longer there.")
            )
            return
        self.shown = shown
        self.reading.show_article(
            shown.html, shown.folder, shown.shown_text, opened.byline, shown.images
        )
        title = opened.text.partition("\n")[0].strip() or self.path.name
        self.setWindowTitle(self.tr("{0} — Article Reader").format(title))
        if shown.fallback:
            self.statusBar().showMessage(shown.fallback, 15_000)

    def _on_failed(self, exc: BaseException) -> None:
        self.reading.show_message(self.tr("This article cannot be shown"), str(exc))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.shutdown()
        OPEN_ARTICLE_WINDOWS.discard(self)
        super().closeEvent(event)


def _open_file(path: Path, lang: str) -> OpenedArticle:
    from reader.core.article_file import open_file  # the parsers: loaded on the lane

    return open_file(path, lang)
