"""Walk every widget, action and item the app has open and check that text from a
hostile library is shown as written: never taken for rich text (an image to load, a
link, bold) and never mangled (escaped twice, ``&`` eaten as a mnemonic).

The hostile fragments are harmless (``nonexistent.png``, no ``/dev/zero``): what is
checked is how Qt would interpret the strings, not what it would load.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QFont, QTextDocument
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QMainWindow,
    QWidget,
)

from reader.ui.library_list.article_model import SNIPPET_ROLE

IMG = '<img src="nonexistent.png">'
OPEN_BOLD = "<b>bold-x"  # no "/": file and folder names take these
OPEN_LINK = '<a href="#evil.example&x">link-x'
BOLD = f"{OPEN_BOLD}</b>"
LINK = f"{OPEN_LINK}</a>"
# A marker found in a string (raw or unescaped) means the fragment must be shown whole.
MARKERS = {"nonexistent.png": IMG, "bold-x": OPEN_BOLD, "evil.example": OPEN_LINK}


@dataclass
class Walk:
    problems: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)  # where hostile text was found shown well

    def check(self, kind: str, where: str, text: str, shown: str) -> None:
        """``text`` as given to Qt, ``shown`` what the reader would see of it."""
        raw = html.unescape(text)
        for marker, fragment in MARKERS.items():
            if marker not in raw and marker not in text:
                continue
            if fragment in shown:
                self.kinds.add(kind)
            else:
                self.problems.append(f"{kind} of {where}: {text!r} is shown as {shown!r}")

    def check_markup(self, kind: str, where: str, rich: str) -> None:
        """HTML we build around article text (search snippets): the article's text in it
        must carry no markup of its own (no image, link or bold came through)."""
        document = QTextDocument()
        document.setHtml(rich)
        if not any(marker in document.toPlainText() for marker in MARKERS):
            return
        self.kinds.add(kind)
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat() or fmt.isAnchor() or fmt.fontWeight() > QFont.Weight.Normal:
                    self.problems.append(f"{kind} of {where}: markup in {rich!r}")
                fragments += 1
            block = block.next()


def as_rich_text(text: str) -> str:
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def as_auto_text(text: str) -> str:
    """What a tooltip (or any auto-detected text) shows of ``text``."""
    return as_rich_text(text) if QtGuiNamespace.mightBeRichText(text) else text


def as_mnemonic_text(text: str) -> str:
    """What a menu item or a button shows: ``&&`` is ``&``, a lone ``&`` marks a key."""
    return re.sub(r"&(.)", r"\1", text)


def _widgets() -> Iterator[QWidget]:
    seen: set[int] = set()
    for top in QApplication.topLevelWidgets():
        for widget in (top, *top.findChildren(QWidget)):
            if id(widget) not in seen:
                seen.add(id(widget))
                yield widget


def _name(widget: QWidget | QAction) -> str:
    return f"{type(widget).__name__}({widget.objectName() or '-'})"


def _items(walk: Walk, where: str, model: QAbstractItemModel, snippets: bool) -> None:
    for row in range(model.rowCount(QModelIndex())):
        for column in range(64):  # a list model's columnCount is private: walk to the end
            index = model.index(row, column)
            if not index.isValid():
                break
            display = index.data(Qt.ItemDataRole.DisplayRole)
            if isinstance(display, str):  # item delegates draw plain text
                walk.check("item text", where, display, display)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                walk.check("item tooltip", where, tip, as_auto_text(tip))
            snippet = index.data(SNIPPET_ROLE) if snippets else None
            if isinstance(snippet, str):  # drawn as HTML by the list's delegate
                walk.check_markup("snippet", where, snippet)


def walk_everything() -> Walk:
    """Check every string the open windows show, as Qt would interpret it."""
    walk = Walk()
    actions: dict[int, QAction] = {}
    for widget in _widgets():
        where = _name(widget)
        if widget.isWindow() or isinstance(widget, QMainWindow):
            walk.check("window title", where, widget.windowTitle(), widget.windowTitle())
        walk.check("tooltip", where, widget.toolTip(), as_auto_text(widget.toolTip()))
        if isinstance(widget, QLabel):
            text = widget.text()
            rich = widget.textFormat() == Qt.TextFormat.RichText or (
                widget.textFormat() == Qt.TextFormat.AutoText
                and QtGuiNamespace.mightBeRichText(text)
            )
            walk.check("label", where, text, as_rich_text(text) if rich else text)
        if isinstance(widget, QAbstractButton):
            walk.check("button", where, widget.text(), as_mnemonic_text(widget.text()))
        if isinstance(widget, QMainWindow):
            message = widget.statusBar().currentMessage()
            walk.check("status bar", where, message, message)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            _items(walk, where, widget.model(), snippets=True)
        if isinstance(widget, QComboBox):
            _items(walk, where, widget.model(), snippets=False)
        for action in (*widget.actions(), *widget.findChildren(QAction)):
            actions[id(action)] = action
    for action in actions.values():
        where = _name(action)
        walk.check("action", where, action.text(), as_mnemonic_text(action.text()))
        walk.check("action tooltip", where, action.toolTip(), as_auto_text(action.toolTip()))
    return walk
