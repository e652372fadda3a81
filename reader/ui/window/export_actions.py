"""File → Export Highlights (Markdown, JSON-LD), Export This Article's Highlights, and
Import Highlights, off the GUI thread.

The file is chosen here; the export is made and written on the writer lane (it
reads the catalog), atomically: a temporary file beside the target, flushed to
disk, then renamed over it (what QSaveFile does; the core's version serves the
command line too), so a crash never leaves half a file. An import is read there too,
as the command line reads it (``load_jsonld``: a file that is not JSON, or nested too
deep, is a one-line message), and says in the status bar how far it is.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.core.catalog.store import CatalogRow
from reader.ui.session.library_session import LibrarySession

if TYPE_CHECKING:
    from reader.core.annotations.export import ImportReport
    from reader.core.library.library import Library, Progress


class ExportActions(QObject):
    message = Signal(str)
    imported = Signal()  # highlights were added: the article shown may have new ones

    def __init__(self, session: LibrarySession, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.window = parent
        self.markdown_action = QAction(self.tr("Export Highlights as &Markdown…"), parent)
        self.markdown_action.triggered.connect(lambda: self.ask_export("markdown"))
        self.jsonld_action = QAction(self.tr("Export Highlights as &JSON-LD…"), parent)
        self.jsonld_action.triggered.connect(lambda: self.ask_export("jsonld"))
        self.article_action = QAction(self.tr("Export This &Article's Highlights…"), parent)
        self.article_action.setStatusTip(
            self.tr("The highlights and notes of the article shown, as Markdown or W3C JSON-LD")
        )
        self.article_action.triggered.connect(self.ask_export_article)
        self.import_action = QAction(self.tr("&Import Highlights…"), parent)
        self.import_action.triggered.connect(self.ask_import)
        # The article shown (the window's menus tell, see follow_article), none until then.
        self.shown_article: Callable[[], CatalogRow | None] = lambda: None
        self.article_action.setEnabled(False)

    def follow_article(self, shown: Callable[[], CatalogRow | None]) -> None:
        """Export This Article's Highlights exports ``shown()``, enabled when there is one
        (:meth:`update_article_action`: the File menu calls it as it opens)."""
        self.shown_article = shown
        self.update_article_action()

    def update_article_action(self) -> None:
        self.article_action.setEnabled(self.shown_article() is not None)

    def ask_export(self, kind: str) -> None:
        suffix = "md" if kind == "markdown" else "jsonld"
        default_name = self.tr("highlights", "the file name an export suggests")
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export Highlights"),
            str(Path.home() / f"{default_name}.{suffix}"),
            "Markdown (*.md)" if kind == "markdown" else "JSON-LD (*.jsonld *.json)",
        )
        if name:
            self.export(kind, Path(name))

    def ask_export_article(self) -> None:
        row = self.shown_article()
        if row is None:
            return
        markdown, jsonld = "Markdown (*.md)", self.tr("W3C Web Annotation JSON-LD (*.jsonld)")
        highlights = self.tr("highlights", "the file name an export suggests")
        suggested = Path.home() / f"{Path(row.path).stem} {highlights}.md"  # not the article's
        name, chosen = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export This Article's Highlights"),
            str(suggested),
            f"{markdown};;{jsonld}",
        )
        if name:
            kind = (
                "jsonld" if chosen == jsonld or name.endswith((".jsonld", ".json")) else "markdown"
            )
            self.export(kind, Path(name), row.id)

    def export(self, kind: str, target: Path, article_id: int | None = None) -> None:
        """The library's highlights, or one article's, as ``kind`` into ``target``."""

        def work(library: Library, progress: Progress) -> str:
            from reader.core.annotations.export import to_jsonld, to_markdown, write_atomically
            from reader.core.exchange.extras import ReaderExtras

            if kind == "markdown":
                text = to_markdown(library, article_id, ReaderExtras(library))
            else:
                data = to_jsonld(library, article_id, ReaderExtras(library))
                text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            write_atomically(target, text)
            return str(target)

        self.session.run_on_library(
            work,
            lambda path: self.message.emit(self.tr("Highlights exported to {0}").format(path)),
            lambda exc: self.message.emit(self.tr("Could not export: {0}").format(exc)),
        )

    def ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import Highlights"), str(Path.home()), "JSON-LD (*.jsonld *.json)"
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, source: Path) -> None:
        def work(library: Library, progress: Progress) -> ImportReport:
            from reader.core.annotations.export import import_jsonld, load_jsonld
            from reader.core.exchange.extras import ReaderExtras

            return import_jsonld(library, load_jsonld(source), progress, ReaderExtras(library))

        placing = self.tr("Importing highlights from {0}: {1} of {2} placed…")

        def progressed(done: int, total: int, message: str) -> None:
            self.message.emit(placing.format(source.name, done, total))

        def done(report: object) -> None:
            from reader.core.annotations.export import ImportReport

            assert isinstance(report, ImportReport)
            self.message.emit(self.summary(report))
            self.imported.emit()

        def failed(exc: BaseException) -> None:
            reason = " ".join(str(exc).split()) or type(exc).__name__  # one line
            self.message.emit(self.tr("Could not import {0}: {1}").format(source.name, reason))

        self.session.run_on_library(work, done, failed, progressed)

    def summary(self, report: ImportReport) -> str:
        """ "Imported 3 highlights (1 could not be placed, 2 already there)", translated."""
        if report.added == 1:
            text = self.tr("Imported 1 highlight")
        else:
            text = self.tr("Imported %n highlights", "", report.added)
        details = []
        if report.orphans:
            details.append(self.tr("%n could not be placed", "", report.orphans))
        if report.skipped_existing:
            details.append(self.tr("%n already there", "", report.skipped_existing))
        if report.errors:
            details.append(self.tr("%n not imported", "", len(report.errors)))
        if details:
            text += f" ({', '.join(details)})"
        return text
