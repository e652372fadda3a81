"""Paints the list's cells: the title over a second, muted line; the other columns beside it.

The second line is the article's opening (its excerpt), or why it cannot be read,
elided to one line. While searching it is the search snippet instead, with the
hits marked, on up to ``SNIPPET_LINES`` lines; the title stays bold only while unread. Source,
date and star sit on the title's line, not between the two.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.ui.library_list.article_model import EXCERPT_ROLE, SNIPPET_ROLE, TITLE

SNIPPET_LINES = 2  # lines of search snippet under a hit's title
_PADDING = 4  # above the first line and below the last
_GAP = 1  # between the title and the line under it
_MARGIN = 4  # left and right of the text, as the style's own
_MARK_COLOUR = "#fde68a"

Index = QModelIndex | QPersistentModelIndex


def row_height(metrics: QFontMetrics, lines: int = 2) -> int:
    """The height of a row of ``lines`` lines of text (the title's included)."""
    return metrics.lineSpacing() * lines + _GAP + 2 * _PADDING


class ArticleDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = QTextDocument()  # lays out search snippets; reused for every cell
        self._document.setDocumentMargin(0)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, icon = opt.text, QIcon(opt.icon)
        # Background, selection and focus through the style, as usual; the text by hand.
        opt.text = ""
        opt.icon = QIcon()
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ink = opt.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        line = opt.fontMetrics.lineSpacing()
        first = QRect(opt.rect.left() + _MARGIN, opt.rect.top() + _PADDING, 0, line)
        first.setRight(opt.rect.right() - _MARGIN)
        if index.column() != TITLE:
            horizontal = opt.displayAlignment & Qt.AlignmentFlag.AlignHorizontal_Mask
            _draw_line(painter, first, text, opt.font, ink, horizontal)
            return

        snippet = index.data(SNIPPET_ROLE)
        title_font = QFont(opt.font)  # bold while unread (the model's font), hits too
        if not icon.isNull():
            size = min(line, opt.decorationSize.height())
            icon.paint(painter, QRect(first.left(), first.top() + (line - size) // 2, size, size))
            first.setLeft(first.left() + size + _MARGIN)
        _draw_line(painter, first, text, title_font, ink, Qt.AlignmentFlag.AlignLeft)

        muted = ink if selected else opt.palette.color(QPalette.ColorRole.PlaceholderText)
        second = QRect(first)
        second.setLeft(opt.rect.left() + _MARGIN)
        second.moveTop(first.bottom() + 1 + _GAP)
        if snippet:
            self._draw_snippet(painter, opt, second, snippet, muted)
            return
        body_font = QFont(opt.font)
        body_font.setBold(False)  # an unread article's title is bold, not its opening
        excerpt = index.data(EXCERPT_ROLE) or ""
        _draw_line(painter, second, excerpt, body_font, muted, Qt.AlignmentFlag.AlignLeft)

    def _draw_snippet(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        rect: QRect,
        snippet: str,
        muted: QColor,
    ) -> None:
        """The snippet's HTML, hits marked, clipped to ``SNIPPET_LINES`` lines."""
        font = QFont(opt.font)
        font.setBold(False)
        self._document.setDefaultFont(font)
        self._document.setDefaultStyleSheet(
            f"body {{ color: {muted.name()}; }}"
            f" mark {{ background-color: {_MARK_COLOUR}; color: #000; }}"
        )
        self._document.setHtml(f"<body>{snippet}</body>")
        self._document.setTextWidth(rect.width())
        painter.save()
        painter.translate(rect.topLeft())
        clip = QRectF(0, 0, rect.width(), rect.height() * SNIPPET_LINES)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        self._document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        lines = 1 + (SNIPPET_LINES if index.data(SNIPPET_ROLE) else 1)
        size.setHeight(row_height(option.fontMetrics, lines))
        return size


def _draw_line(
    painter: QPainter,
    rect: QRect,
    text: str,
    font: QFont,
    colour: QColor,
    alignment: Qt.AlignmentFlag,
) -> None:
    """One line of text, elided with the font it is drawn in (or it would clip)."""
    if not text:
        return
    painter.save()
    painter.setFont(font)
    painter.setPen(colour)
    elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect, alignment | Qt.AlignmentFlag.AlignVCenter, elided)
    painter.restore()
