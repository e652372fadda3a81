"""The row under the search field: show all, unread or starred articles, one tag, one source."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from reader.i18n import QT_TRANSLATE_NOOP

SHOW = (  # translated where shown
    ("all", QT_TRANSLATE_NOOP("FilterBar", "All articles")),
    ("unread", QT_TRANSLATE_NOOP("FilterBar", "Unread")),
    ("starred", QT_TRANSLATE_NOOP("FilterBar", "Starred")),
)
ANY_TAG = QT_TRANSLATE_NOOP("FilterBar", "Any tag")
ANY_SOURCE = QT_TRANSLATE_NOOP("FilterBar", "Any source")


class FilterBar(QWidget):
    changed = Signal(str, str, str)  # kind (all / unread / starred), tag, source ("": any)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.show_box = QComboBox()
        self.show_box.setObjectName("showFilter")
        self.show_box.setAccessibleName(self.tr("Show"))
        for kind, label in SHOW:
            self.show_box.addItem(self.tr(label), kind)
        self.tag_box = _choices("tagFilter", self.tr("Tag"), self.tr(ANY_TAG))
        self.source_box = _choices("sourceFilter", self.tr("Source"), self.tr(ANY_SOURCE))
        layout.addWidget(self.show_box)
        layout.addWidget(self.tag_box, 1)
        layout.addWidget(self.source_box, 1)
        for box in (self.show_box, self.tag_box, self.source_box):
            box.currentIndexChanged.connect(self._emit)

    def set_kind(self, kind: str) -> None:
        index = self.show_box.findData(kind)
        if index >= 0:
            self.show_box.setCurrentIndex(index)

    def set_tags(self, tags: list[str]) -> None:
        self._fill(self.tag_box, self.tr(ANY_TAG), tags)

    def set_sources(self, sources: list[str]) -> None:
        self._fill(self.source_box, self.tr(ANY_SOURCE), sources)

    def show_everything(self) -> None:
        """Show every article: all kinds, any tag, any source."""
        self.set_kind("all")
        self.tag_box.setCurrentIndex(0)
        self.source_box.setCurrentIndex(0)

    def _fill(self, box: QComboBox, anything: str, names: list[str]) -> None:
        """Offer these names; the one chosen stays chosen if it is still there."""
        current = box.currentData() or ""
        if [box.itemData(i) for i in range(1, box.count())] == names:
            return  # unchanged (the list refreshes often while a library loads)
        box.blockSignals(True)
        box.clear()
        box.addItem(anything, "")
        for name in names:
            box.addItem(name, name)
        index = box.findData(current)
        box.setCurrentIndex(max(0, index))
        box.blockSignals(False)
        if index < 0 and current:
            self._emit()  # the name filtered on is gone (renamed, deleted): show any

    def _emit(self) -> None:
        self.changed.emit(
            self.show_box.currentData() or "all",
            self.tag_box.currentData() or "",
            self.source_box.currentData() or "",
        )


def _choices(name: str, accessible: str, anything: str) -> QComboBox:
    """A combo of names that stays narrow however long they are (the list pane is)."""
    box = QComboBox()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    box.addItem(anything, "")
    return box
