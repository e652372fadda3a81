"""Edit → Copy with Citation (Ctrl+Shift+C), beside plain copy: the selection, or the
highlight clicked last, as a Markdown blockquote followed by one line that says where
it is from (title, source, date, path), ready to paste into notes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QWidget

from reader.core.catalog.store import CatalogRow
from reader.ui.annotations.controller import AnnotationController
from reader.ui.library_list.article_model import ArticleListModel


def citation(quote: str, row: CatalogRow | None, root: Path | None) -> str:
    """``quote`` as a blockquote, then its title, source, date and path on one line."""
    lines = [line.strip() for line in quote.replace("\u2029", "\n").strip().splitlines()]
    block = "\n".join(f"> {line}" if line else ">" for line in lines)
    if row is None:
        return block + "\n"
    path = Path(row.path)
    if root is not None and not path.is_absolute():
        path = root / path
    where = [part for part in (row.title, row.source, row.date or "") if part]
    where.append(f"<{path}>" if " " in str(path) else str(path))
    return f"{block}\n\n— {' · '.join(where)}\n"


class CitationCopier(QObject):
    def __init__(
        self,
        annotator: AnnotationController,
        model: ArticleListModel,
        root: Callable[[], Path | None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.annotator = annotator
        self.model = model
        self.root = root
        self.clicked: tuple[int, str] | None = (
            None  # article id, quote of the highlight clicked last
        )
        self.action = QAction(self.tr("Copy with &Citation"), parent)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.action.triggered.connect(self.copy)
        annotator.view.clicked.connect(self._on_click)

    def _on_click(self, position: int, _: QPoint) -> None:
        placed = self.annotator.layer.at(position)
        opened = self.annotator.opened
        if placed is None or opened is None:
            self.clicked = None
        else:
            self.clicked = (opened.id, placed.annotation.quote)

    def quote(self) -> str:
        cursor = self.annotator.view.textCursor()
        if cursor.hasSelection():
            return cursor.selection().toPlainText()
        opened = self.annotator.opened
        if self.clicked is not None and opened is not None and self.clicked[0] == opened.id:
            return self.clicked[1]
        return ""

    def copy(self) -> None:
        quote = self.quote()
        opened = self.annotator.opened
        if not quote.strip() or opened is None:
            return
        row = self.model.article(opened.id)
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(citation(quote, row, self.root()))
