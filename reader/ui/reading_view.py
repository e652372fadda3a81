"""The reading pane: an article's sanitized HTML in a QTextBrowser, set for reading.

A readable measure (about 70 characters a line, centred), generous leading,
a serif text face, colours from the palette so dark mode follows the system.
Only local resources inside the article's own folder load; links open in the
system browser, and only when clicked.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QMouseEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader.core.offset_map import SKIP, OffsetMap
from reader.ui.hit_marks import HitMarks

MEASURE_CHARS = 70
MIN_SIDE_MARGIN = 24
LINE_HEIGHT_PERCENT = 135  # Qt adds this on top of the font's own leading
_SAMPLE_TEXT = "Le partenariat a permis de mieux assurer sa défense, and the quick fox jumped."
_SERIF_FAMILIES = ["Noto Serif", "Source Serif 4", "Georgia", "DejaVu Serif", "Times New Roman"]


class ReadingView(QTextBrowser):
    link_activated = Signal(QUrl)
    clicked = Signal(int, QPoint)  # a plain click (no selection made): position, global point
    selection_finished = Signal()  # the mouse let go of a selection (or keys extended one)
    restyled = Signal()  # the palette changed: marks repaint in its colours

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingView")
        self.setAccessibleName("Article")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self._resource_root: Path | None = None
        self._html = ""
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self.offsets: OffsetMap | None = None  # reading text ↔ this document
        self._press: QPoint | None = None
        self.hits = HitMarks(self)
        font = QFont()
        font.setFamilies(_SERIF_FAMILIES)
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSizeF(max(12.0, QFont().pointSizeF() * 1.3))
        self.document().setDefaultFont(font)
        self.document().setDocumentMargin(0)
        self._apply_style()

    # --- content -----------------------------------------------------------------

    def show_article(
        self, body_html: str, resource_root: Path | None, text: str = "", byline: str = ""
    ) -> None:
        """Show an article; ``text`` (its reading text) lets highlights find their place."""
        self._resource_root = resource_root
        self._html = body_html
        self.setHtml(body_html)
        self._layers.clear()
        self.hits.mark(None, "")
        self._apply_measure()
        self.verticalScrollBar().setValue(0)
        shown = self.positions_text()
        if byline and (where := shown.find(byline)) >= 0:
            shown = shown[:where] + SKIP * len(byline) + shown[where + len(byline) :]
        self.offsets = OffsetMap(shown, text) if text else None

    def positions_text(self) -> str:
        """The document's text indexed like its cursor positions (UTF-16 code units:
        a character beyond the BMP, an emoji say, takes two positions, so one SKIP follows it)."""
        raw = self.document().toRawText()
        if raw.isascii() or all(ord(ch) <= 0xFFFF for ch in raw):
            return raw
        return "".join(ch + SKIP if ord(ch) > 0xFFFF else ch for ch in raw)

    def set_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Marks drawn over the text; later layers ("hits" over "highlights") on top."""
        self._layers[name] = selections
        ordered = [*self._layers.get("highlights", []), *self._layers.get("hits", [])]
        ordered += [s for key, layer in self._layers.items() if key not in ("highlights", "hits")
                    for s in layer]  # fmt: skip
        self.setExtraSelections(ordered)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.textCursor().hasSelection():
            self.selection_finished.emit()
        elif self._press is not None and not self.anchorAt(event.position().toPoint()):
            point = event.position().toPoint()
            if (point - self._press).manhattanLength() < 4:
                position = self.cursorForPosition(point).position()
                self.clicked.emit(position, event.globalPosition().toPoint())
        self._press = None

    def show_message(self, title: str, text: str) -> None:
        self._resource_root = None
        self.offsets = None
        self._layers.clear()
        self._html = (
            f'<h1 class="title">{html.escape(title)}</h1><p class="byline">{html.escape(text)}</p>'
        )
        self.setHtml(self._html)
        self.hits.mark(None, "")
        self._apply_measure()

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        """Only files inside the article's folder; never anything remote."""
        url = QUrl(url)
        if self._resource_root is None or (url.scheme() and url.scheme() != "file"):
            return None
        candidate = (self._resource_root / (url.toLocalFile() or url.path())).resolve()
        if not candidate.is_relative_to(self._resource_root.resolve()):
            return None
        return super().loadResource(kind, QUrl.fromLocalFile(str(candidate)))

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        self.link_activated.emit(url)

    # --- typography --------------------------------------------------------------

    def _apply_style(self) -> None:
        """Qt's rich text honours pixel lengths for margins, so sizes derive from the font."""
        px = QFontInfo(self.document().defaultFont()).pixelSize()
        palette = self.palette()
        muted = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        link = palette.color(QPalette.ColorRole.Link)
        self.document().setDefaultStyleSheet(
            f"""
            p, li, dd {{ line-height: {LINE_HEIGHT_PERCENT}%; }}
            p {{ margin-top: 0px; margin-bottom: {round(px * 0.9)}px; }}
            h1.title {{ font-size: {round(px * 1.75)}px; font-weight: 600;
                        margin-top: {round(px * 0.5)}px; margin-bottom: {round(px * 0.4)}px; }}
            h1, h2, h3 {{ font-weight: 600; margin-top: {round(px * 1.2)}px;
                          margin-bottom: {round(px * 0.5)}px; }}
            h2 {{ font-size: {round(px * 1.35)}px; }}
            h3 {{ font-size: {round(px * 1.15)}px; }}
            p.byline {{ color: {muted.name()}; font-family: sans-serif;
                        font-size: {round(px * 0.8)}px; margin-bottom: {round(px * 1.6)}px; }}
            p.error {{ font-family: sans-serif; }}
            blockquote {{ margin-left: {round(px * 1.2)}px; color: {muted.name()}; }}
            a {{ color: {link.name()}; }}
            pre, code {{ font-family: monospace; font-size: {round(px * 0.85)}px; }}
            """
        )

    def _apply_measure(self) -> None:
        """Centre a column of about MEASURE_CHARS characters in whatever width we have."""
        measure = self._char_width() * MEASURE_CHARS
        width = self.viewport().width()
        side = max(MIN_SIDE_MARGIN, (width - measure) / 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if abs(frame.leftMargin() - side) < 0.5 and frame.topMargin() == MIN_SIDE_MARGIN:
            return
        frame.setLeftMargin(side)
        frame.setRightMargin(side)
        frame.setTopMargin(MIN_SIDE_MARGIN)
        frame.setBottomMargin(MIN_SIDE_MARGIN * 2)
        root.setFrameFormat(frame)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_style()  # dark/light switch: byline and link colours follow
            position = self.verticalScrollBar().value()
            self.setHtml(self._html)  # the stylesheet applies when HTML is set
            self._apply_measure()
            self.verticalScrollBar().setValue(position)
            self.restyled.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_measure()

    def line_width_chars(self) -> float:
        """How many average characters fit on a line now (tests and checks use it)."""
        frame = self.document().rootFrame().frameFormat()
        width = self.viewport().width() - frame.leftMargin() - frame.rightMargin()
        return width / self._char_width()

    def _char_width(self) -> float:
        """Mean advance of a character in running text (averageCharWidth overstates it)."""
        metrics = QFontMetricsF(self.document().defaultFont())
        return metrics.horizontalAdvance(_SAMPLE_TEXT) / len(_SAMPLE_TEXT)
