"""Paints the list's rows as NetNewsWire and Readwise do: the title over up to two lines
across the list's width, then muted: "source · date · #tags" and the article's opening (or
why it cannot be read), on the lines left, elided at the end.

While searching a row has two lines more: "source · date · #tags" on a line of its own,
then the search snippet, its hits marked, in place of the opening (so the hit is always
in view, however long the source); the title stays bold only while unread. Only the star
has a column of its own: source and date take no width from the title.

Every row is as high as the view makes it (``row_height``): the title takes at most
``TITLE_LINES`` of its lines, the muted text the lines left, and nothing is drawn
outside the row, at any width or font size.

The list is painted again on every keystroke's answer and every scroll, with the same
titles at the same width: a line's height, a title's wrapping and a line's elision are
kept (by the font's key), so that a paint mostly draws.
"""

from __future__ import annotations

from functools import lru_cache

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

from reader.ui.library_list.article_model import (
    DATE,
    EXCERPT_ROLE,
    SNIPPET_ROLE,
    SOURCE,
    TAGS_ROLE,
    TITLE,
)

TITLE_LINES = 2  # a title wraps over up to two lines
ROW_LINES = 3  # a row of the list: the title and the muted lines under it
SNIPPET_LINES = 2  # a search hit's row: these lines of snippet under a two-line title…
SEARCH_ROW_LINES = TITLE_LINES + 1 + SNIPPET_LINES  # …and its "source · date" line
_PADDING = 4  # above the first line and below the last
_GAP = 1  # between the title and the line under it
_MARGIN = 4  # left and right of the text, as the style's own
_MARK_COLOUR = "#fde68a"

Index = QModelIndex | QPersistentModelIndex


_FONTS: dict[str, QFont] = {}  # by QFont.key(): the fonts the caches below were asked of


def _key(font: QFont) -> str:
    key = font.key()
    if key not in _FONTS:
        _FONTS[key] = QFont(font)
    return key


def line_height(font: QFont) -> int:
    """One line of a row: the taller of the font and its bold (an unread title)."""
    return _line_height(_key(font))


@lru_cache(maxsize=64)
def _line_height(font: str) -> int:
    bold = QFont(_FONTS[font])
    bold.setBold(True)
    return max(QFontMetrics(_FONTS[font]).lineSpacing(), QFontMetrics(bold).lineSpacing())


@lru_cache(maxsize=4096)
def _elided(text: str, font: str, width: int) -> str:
    return QFontMetrics(_FONTS[font]).elidedText(text, Qt.TextElideMode.ElideRight, width)


def row_height(font: QFont, lines: int = ROW_LINES) -> int:
    """The height of a row of ``lines`` lines of text (the title's included)."""
    return line_height(font) * lines + _GAP + 2 * _PADDING


def lines_in(height: int, font: QFont) -> int:
    """How many lines a row this high holds (the inverse of ``row_height``)."""
    return max(1, (height - _GAP - 2 * _PADDING) // line_height(font))


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
        painter.save()
        painter.setClipRect(opt.rect, Qt.ClipOperation.IntersectClip)  # never on the next row
        try:
            self._paint_text(painter, opt, index, text, icon)
        finally:
            painter.restore()

    def _paint_text(
        self, painter: QPainter, opt: QStyleOptionViewItem, index: Index, text: str, icon: QIcon
    ) -> None:
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ink = opt.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        line = line_height(opt.font)
        first = QRect(opt.rect.left() + _MARGIN, opt.rect.top() + _PADDING, 0, line)
        first.setRight(opt.rect.right() - _MARGIN)
        if index.column() != TITLE:
            horizontal = opt.displayAlignment & Qt.AlignmentFlag.AlignHorizontal_Mask
            _draw_line(painter, first, text, opt.font, ink, horizontal)
            return

        lines = lines_in(opt.rect.height(), opt.font)
        title_font = QFont(opt.font)  # bold while unread (the model's font), hits too
        if not icon.isNull():
            size = min(line, opt.decorationSize.height())
            icon.paint(painter, QRect(first.left(), first.top() + (line - size) // 2, size, size))
            first.setLeft(first.left() + size + _MARGIN)
        titled = wrapped(text, title_font, first.width(), min(TITLE_LINES, max(1, lines - 1)))
        for number, title_line in enumerate(titled):
            at = QRect(first)
            at.moveTop(first.top() + number * line)
            _draw_line(painter, at, title_line, title_font, ink, Qt.AlignmentFlag.AlignLeft)

        muted = ink if selected else opt.palette.color(QPalette.ColorRole.PlaceholderText)
        left = lines - max(1, len(titled))
        second = QRect(first)
        second.setLeft(opt.rect.left() + _MARGIN)
        second.moveTop(first.top() + max(1, len(titled)) * line + _GAP)
        second.setHeight(left * line)
        body_font = QFont(opt.font)
        body_font.setBold(False)  # an unread article's title is bold, not its opening
        snippet = index.data(SNIPPET_ROLE)
        if snippet:
            if left > 1:  # "source · date" on its own line, the snippet under it
                about = QRect(second)
                about.setHeight(line)
                _draw_line(painter, about, about_text(index), body_font, muted,
                           Qt.AlignmentFlag.AlignLeft)  # fmt: skip
                second.setTop(second.top() + line)
            self._draw_snippet(painter, second, snippet, body_font, muted)
            return
        for number, muted_line in enumerate(
            wrapped(muted_text(index), body_font, second.width(), left)
        ):
            at = QRect(second)
            at.setHeight(line)
            at.moveTop(second.top() + number * line)
            _draw_line(painter, at, muted_line, body_font, muted, Qt.AlignmentFlag.AlignLeft)

    def _draw_snippet(
        self,
        painter: QPainter,
        rect: QRect,
        snippet: str,
        font: QFont,
        muted: QColor,
    ) -> None:
        """The snippet's HTML, hits marked, on the lines of ``rect`` (whole lines only: no
        half line cut at the row's foot)."""
        self._document.setDefaultFont(font)
        self._document.setDefaultStyleSheet(
            f"body {{ color: {muted.name()}; }}"
            f" mark {{ background-color: {_MARK_COLOUR}; color: #000; }}"
        )
        self._document.setHtml(f"<body>{snippet}</body>")
        self._document.setTextWidth(rect.width())
        height = _whole_lines(self._document, rect.height())
        painter.save()
        painter.translate(rect.topLeft())
        clip = QRectF(0, 0, rect.width(), height)
        painter.setClipRect(clip, Qt.ClipOperation.IntersectClip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        self._document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        lines = SEARCH_ROW_LINES if index.data(SNIPPET_ROLE) else ROW_LINES
        size.setHeight(row_height(option.font, lines))
        return size


def _whole_lines(document: QTextDocument, height: int) -> float:
    """The height of the document's lines that fit whole in ``height``."""
    document.size()  # lays the document out: its lines are known from here
    bottom = 0.0
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        top = layout.position().y()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            end = top + line.y() + line.height()
            if end > height:
                return bottom
            bottom = end
        block = block.next()
    return bottom


def about_text(index: Index) -> str:
    """The row's "source · date · #tags"."""
    model, row = index.model(), index.row()
    parts = [model.index(row, SOURCE).data(), model.index(row, DATE).data()] if model else []
    tags = index.data(TAGS_ROLE) or []
    parts.extend(f"#{tag}" for tag in tags)
    return " · ".join(str(part) for part in parts if part)


def muted_text(index: Index) -> str:
    """What the muted lines say: "source · date · #tags", then the opening (or why it
    cannot be read)."""
    about = about_text(index)
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
    return list(_wrapped(text, _key(font), width, max_lines))


@lru_cache(maxsize=2048)
def _wrapped(text: str, font_key: str, width: int, max_lines: int) -> tuple[str, ...]:
    font = _FONTS[font_key]
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
    lines[-1] = _elided(lines[-1], font_key, width)
    return tuple(line for line in lines if line)


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
    elided = _elided(text, _key(font), rect.width())
    painter.drawText(rect, alignment | Qt.AlignmentFlag.AlignVCenter, elided)
    painter.restore()
