"""Paints the list's rows as NetNewsWire and Readwise do: the title over up to two lines
across the list's width, then a muted "source · date" and the article's opening (or why it
cannot be read) on the lines left, elided at the end.

While searching the muted lines are the search snippet instead, with the hits marked, on
up to ``SNIPPET_LINES`` lines; the title stays bold only while unread. Only the star has
a column of its own: source and date take no width from the title.
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
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.ui.library_list.article_model import DATE, EXCERPT_ROLE, SNIPPET_ROLE, SOURCE, TITLE

TITLE_LINES = 2  # a title wraps over up to two lines
ROW_LINES = 3  # the title and the muted lines under it
SNIPPET_LINES = 2  # lines of search snippet under a hit's title
_PADDING = 4  # above the first line and below the last
_GAP = 1  # between the title and the line under it
_MARGIN = 4  # left and right of the text, as the style's own
_MARK_COLOUR = "#fde68a"

Index = QModelIndex | QPersistentModelIndex


def row_height(metrics: QFontMetrics, lines: int = ROW_LINES) -> int:
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
        titled = wrapped(text, title_font, first.width(), TITLE_LINES)
        for number, title_line in enumerate(titled):
            at = QRect(first)
            at.moveTop(first.top() + number * line)
            _draw_line(painter, at, title_line, title_font, ink, Qt.AlignmentFlag.AlignLeft)

        muted = ink if selected else opt.palette.color(QPalette.ColorRole.PlaceholderText)
        second = QRect(first)
        second.setLeft(opt.rect.left() + _MARGIN)
        second.moveTop(first.top() + max(1, len(titled)) * line + _GAP)
        if snippet:
            self._draw_snippet(painter, opt, second, snippet, muted)
            return
        body_font = QFont(opt.font)
        body_font.setBold(False)  # an unread article's title is bold, not its opening
        left = ROW_LINES - max(1, len(titled))
        for number, muted_line in enumerate(
            wrapped(muted_text(index), body_font, second.width(), left)
        ):
            at = QRect(second)
            at.moveTop(second.top() + number * line)
            _draw_line(painter, at, muted_line, body_font, muted, Qt.AlignmentFlag.AlignLeft)

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
        lines = TITLE_LINES + SNIPPET_LINES if index.data(SNIPPET_ROLE) else ROW_LINES
        size.setHeight(row_height(option.fontMetrics, lines))
        return size


def muted_text(index: Index) -> str:
    """What the muted lines say: "source · date", then the opening (or why it is unreadable)."""
    model, row = index.model(), index.row()
    parts = (model.index(row, SOURCE).data(), model.index(row, DATE).data()) if model else ()
    about = " · ".join(str(part) for part in parts if part)
    excerpt = str(index.data(EXCERPT_ROLE) or "")
    if not (about and excerpt):
        return about or excerpt
    dash = excerpt[0] in "—–-"  # an opening line of dialogue: no second dash before it
    return f"{about} {excerpt}" if dash else f"{about} — {excerpt}"


def wrapped(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """``text`` wrapped at word boundaries to ``width`` over at most ``max_lines`` lines,
    the last one elided if the text goes on (as the list draws it)."""
    if not text or max_lines <= 0 or width <= 0:
        return []
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    starts: list[int] = []
    layout.beginLayout()
    while len(starts) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    lines = [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    metrics = QFontMetrics(font)
    lines[-1] = metrics.elidedText(lines[-1], Qt.TextElideMode.ElideRight, width)
    return [line for line in lines if line]


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
