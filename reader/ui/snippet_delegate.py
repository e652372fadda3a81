"""Paints the title cell: the title, and under it the search snippet with hits marked."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.ui.article_model import SNIPPET_ROLE

SNIPPET_LINES = 2
_PADDING = 3


class SnippetDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = QTextDocument()
        self._document.setDocumentMargin(0)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        snippet = index.data(SNIPPET_ROLE)
        if not snippet:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        line = opt.fontMetrics.lineSpacing()
        title_rect = opt.rect.adjusted(0, _PADDING, 0, 0)
        title_rect.setHeight(line)
        # Background, selection and the title line through the style, as usual.
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        font = QFont(opt.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(opt.palette.color(group))
        bold = QFontMetrics(font)  # elide with the font it is drawn in, or it clips
        elided = bold.elidedText(text, Qt.TextElideMode.ElideRight, opt.rect.width() - 8)
        painter.drawText(title_rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignLeft, elided)
        painter.restore()
        # The snippet: smaller, muted, hits marked, clipped to SNIPPET_LINES lines.
        muted = opt.palette.color(group if selected else QPalette.ColorRole.PlaceholderText)
        self._document.setDefaultFont(opt.font)
        self._document.setDefaultStyleSheet(
            f"body {{ color: {muted.name()}; }} mark {{ background-color: #fde68a; color: #000; }}"
        )
        self._document.setHtml(f"<body>{snippet}</body>")
        self._document.setTextWidth(opt.rect.width() - 8)
        painter.save()
        top = title_rect.bottom() + 2
        painter.translate(opt.rect.left() + 4, top)
        clip = QRectF(0, 0, opt.rect.width() - 8, line * SNIPPET_LINES)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        self._document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(SNIPPET_ROLE):
            size.setHeight(option.fontMetrics.lineSpacing() * (1 + SNIPPET_LINES) + 3 * _PADDING)
        return size
