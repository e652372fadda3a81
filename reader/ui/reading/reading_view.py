"""The reading pane: an article's sanitized HTML in a QTextBrowser, set for reading.

A readable measure (about 70 characters a line by default, centred), generous
leading, a serif or sans face, size, line width and spacing as the reader chose
(:class:`ReadingPrefs`), colours from the palette so the themes follow. Only
images inside the article's own folder show, read beforehand off the GUI thread and
scaled down to the measure; links open in the system browser, and only when clicked.
Tooltips (a link's title) show the article's text as written, never as HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QPoint, QPointF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QHelpEvent,
    QImage,
    QMouseEvent,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.core.annotations.offset_map import SKIP, OffsetMap
from reader.ui.plain_text import literal
from reader.ui.prefs.reading_prefs import FAMILIES, SPACINGS, WIDTHS, ReadingPrefs
from reader.ui.prefs.reading_style import reading_stylesheet
from reader.ui.reading.caret_mode import CaretMode
from reader.ui.reading.hit_marks import HitMarks
from reader.ui.reading.tags_line import with_tags_line
from reader.ui.session.article_images import image_alts, local_image_path, placeholder

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # characters beyond the BMP
MIN_SIDE_MARGIN = 24
_SAMPLE_TEXT = "Le partenariat a permis de mieux assurer sa défense, and the quick fox jumped."


class ReadingView(QTextBrowser):
    link_activated = Signal(QUrl)
    clicked = Signal(int, QPoint)  # a plain click (no selection made): position, global point
    selection_finished = Signal()  # the mouse let go of a selection (or keys made one)
    restyled = Signal()  # re-rendered (palette, face, size…): marks must be painted again
    size_step = Signal(int)  # Ctrl+wheel: one notch bigger (1) or smaller (-1), as Ctrl+=/-

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingView")
        self.setAccessibleName(self.tr("Article"))
        self.setOpenLinks(False)
        self.setTabChangesFocus(True)  # Tab goes on to the next control, not from link to link
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self._resource_root: Path | None = None
        self._images: dict[Path, QImage] = {}  # by resolved path, read by the worker
        self._html = ""
        self._alts: dict[str, str] | None = None  # image sources' alt texts, when first asked
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self.offsets: OffsetMap | None = None  # reading text ↔ this document
        self._press: QPoint | None = None
        self._text = self._byline = self._tags_line = ""  # what offsets are mapped from
        self._article = False  # an article is shown (not a message)
        self._wheel_rest = 0  # a touchpad's part of a notch, kept for the next event
        self.hits = HitMarks(self)
        self.default_size = max(12.0, QFont().pointSizeF() * 1.3)
        self.prefs = ReadingPrefs()
        self.document().setDocumentMargin(0)
        self._apply_font()
        self._apply_style()
        self.caret = CaretMode(self)  # F7: select by keys
        self.caret.selection_made.connect(self.selection_finished)

    def apply_prefs(self, prefs: ReadingPrefs) -> None:
        """Face, size, width and spacing; the article stays where the reader was."""
        if prefs == self.prefs:
            return
        self.prefs = prefs
        self._apply_font()
        self._rerender()

    def _apply_font(self) -> None:
        font = QFont()
        font.setFamilies(FAMILIES[self.prefs.family])
        sans = self.prefs.family == "sans"
        font.setStyleHint(QFont.StyleHint.SansSerif if sans else QFont.StyleHint.Serif)
        font.setPointSizeF(self.prefs.size or self.default_size)
        self.document().setDefaultFont(font)

    # --- content -----------------------------------------------------------------

    def show_article(
        self,
        body_html: str,
        resource_root: Path | None,
        text: str = "",
        byline: str = "",
        images: Mapping[Path, QImage] | None = None,
    ) -> None:
        """Show an article; ``text`` (the reading text it shows) lets highlights find their
        place; ``images``: its images, read off the GUI thread (the only ones shown)."""
        self._resource_root = resource_root
        self._images = dict(images or {})
        self._html = body_html
        self._alts = None
        self._text, self._byline, self._tags_line = text, byline, ""
        self._article = True
        self.setHtml(body_html)
        self._layers.clear()
        self.hits.mark(None, "")
        self._apply_measure()
        self.verticalScrollBar().setValue(0)
        self._map_offsets()

    def _map_offsets(self) -> None:
        """The reading text ↔ this document; byline and tags line are no part of it."""
        shown = self.positions_text()
        for chrome in (self._byline, self._tags_line):
            if chrome and (where := shown.find(chrome)) >= 0:
                shown = shown[:where] + SKIP * len(chrome) + shown[where + len(chrome) :]
        self.offsets = OffsetMap(shown, self._text) if self._text else None

    def set_tags(self, tags: Sequence[str]) -> None:
        """Show the article's tags under its byline (plain text), the place kept."""
        line = self.tr("Tags: {0}").format(" · ".join(tags)) if tags else ""
        if line == self._tags_line or not self._article:
            return
        top = self.top_offset()
        self._tags_line = line
        self._html = with_tags_line(self._html, line)
        self._apply_style()
        self.document().clearUndoRedoStacks()
        self.setHtml(self._html)
        self._apply_measure(force=True)
        self._map_offsets()
        self.scroll_to_offset(top)
        self.restyled.emit()  # highlights and marks are placed again on the new document

    def positions_text(self) -> str:
        """The document's text indexed like its cursor positions (UTF-16 code units:
        a character beyond the BMP, an emoji say, takes two positions, so one SKIP follows it)."""
        raw = self.document().toRawText()
        if raw.isascii() or not _ASTRAL.search(raw):  # a scan in C: 300,000 characters
            return raw
        return _ASTRAL.sub(lambda beyond: beyond.group() + SKIP, raw)

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
        self._images = {}
        self._article = False
        self.offsets = None
        self._layers.clear()
        self._alts = None
        self._html = (
            f'<h1 class="title">{html.escape(title)}</h1><p class="byline">{html.escape(text)}</p>'
        )
        self.setHtml(self._html)
        self.hits.mark(None, "")
        self._apply_measure()

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        """Only images of the article's folder, read beforehand by the worker that opened
        it, and never anything remote. Whatever is refused is answered all the same (a
        placeholder image, else nothing): given no answer, Qt would open the URL itself,
        on this thread, as a file relative to the current folder (``/dev/zero`` never
        ends, a named pipe never answers, ``../../etc/passwd`` is not the article's)."""
        if getattr(kind, "value", kind) != QTextDocument.ResourceType.ImageResource.value:
            return QByteArray()  # no style sheet, page or other file is ever loaded
        path = None if self._resource_root is None else local_image_path(self._resource_root, url)
        image = self._images.get(path) if path is not None else None
        if image is None:  # refused, or beyond what the worker read: its alt text instead
            if self._alts is None:
                self._alts = image_alts(self._html)
            image = placeholder(self._alts.get(QUrl(url).toString(), ""))
        return self._scaled_image(image)

    def _scaled_image(self, image: QImage) -> QImage:
        """The image, no wider than the measure nor the pane (sharp on high-DPI screens)."""
        ratio = self.devicePixelRatioF()
        measure = self._char_width() * WIDTHS[self.prefs.width]
        room = self.viewport().width() - 2 * MIN_SIDE_MARGIN  # a pane narrower than the measure
        widest = (min(measure, room) if room > 0 else measure) * ratio
        if image.width() > widest:
            image = image.scaledToWidth(round(widest), Qt.TransformationMode.SmoothTransformation)
        else:
            image = image.copy()  # the ratio is set on a copy, not on the worker's image
        image.setDevicePixelRatio(ratio)
        return image

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel is the size action (QTextEdit's own zoom changed the face and
        size behind the prefs' back, and Ctrl+0 could not undo it)."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._wheel_rest = 0
            super().wheelEvent(event)
            return
        event.accept()
        self._wheel_rest += event.angleDelta().y() or event.angleDelta().x()
        while abs(self._wheel_rest) >= 120:
            step = 1 if self._wheel_rest > 0 else -1
            self._wheel_rest -= 120 * step
            self.size_step.emit(step)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event)
            return True
        return super().viewportEvent(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        """A link's or image's title (the article's text) shown as written, never as HTML:
        Qt's own tooltip took ``<img src="/dev/zero">`` for an image to load."""
        scroll = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        found = self.document().documentLayout().formatAt(QPointF(event.pos()) + scroll)
        tip = found.toCharFormat().toolTip() if found.isCharFormat() else ""
        tip = self._mark_tip(self.cursorForPosition(event.pos()).position()) or tip
        if tip:
            QToolTip.showText(event.globalPos(), literal(tip), self.viewport())
        else:
            QToolTip.hideText()

    def _mark_tip(self, position: int) -> str:
        """The tooltip of the innermost mark under ``position`` (a highlight's note)."""
        under = [
            (cursor.selectionEnd() - cursor.selectionStart(), selection.format.toolTip())
            for selection in self._layers.get("highlights", [])
            if (cursor := selection.cursor).selectionStart() <= position < cursor.selectionEnd()
            and selection.format.toolTip()
        ]
        return min(under)[1] if under else ""

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        self.link_activated.emit(url)

    # --- typography --------------------------------------------------------------

    def _apply_style(self) -> None:
        px = QFontInfo(self.document().defaultFont()).pixelSize()
        line_height = SPACINGS[self.prefs.spacing]
        sans = self.prefs.family == "sans"
        self.document().setDefaultStyleSheet(
            reading_stylesheet(px, self.palette(), line_height, sans)
        )

    def _rerender(self) -> None:
        """Set the HTML again (a stylesheet applies when HTML is set), keeping the place."""
        self._apply_style()
        top = self.top_offset()
        self.document().clearUndoRedoStacks()
        self.setHtml(self._html)
        self._apply_measure(force=True)
        self.scroll_to_offset(top)
        self.restyled.emit()

    def top_offset(self) -> int:
        """The reading-text offset of the first line in view (0 without an article)."""
        if self.offsets is None:
            return 0
        cursor = self.cursorForPosition(QPoint(self.viewport().width() // 2, 2))
        return self.offsets.to_text(cursor.position())

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so that the line holding this reading-text offset is at the top."""
        if self.offsets is None or offset <= 0:
            self.verticalScrollBar().setValue(0)
            return
        cursor = QTextCursor(self.document())
        last = self.document().characterCount() - 1
        cursor.setPosition(min(self.offsets.to_shown(offset), last))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top())

    def _apply_measure(self, force: bool = False) -> None:
        """Centre a column of the chosen width (in characters) in whatever width we have."""
        measure = self._char_width() * WIDTHS[self.prefs.width]
        width = self.viewport().width()
        side = max(MIN_SIDE_MARGIN, (width - measure) / 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        unchanged = abs(frame.leftMargin() - side) < 0.5 and frame.topMargin() == MIN_SIDE_MARGIN
        if unchanged and not force:
            return
        frame.setLeftMargin(side)
        frame.setRightMargin(side)
        frame.setTopMargin(MIN_SIDE_MARGIN)
        frame.setBottomMargin(MIN_SIDE_MARGIN * 2)
        root.setFrameFormat(frame)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._rerender()  # a theme switch: page, text, byline and link colours follow

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
