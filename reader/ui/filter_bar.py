"""The row under the search field: show all, unread or starred articles, and one tag."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

SHOW = (("all", "All articles"), ("unread", "Unread"), ("starred", "Starred"))


class FilterBar(QWidget):
    changed = Signal(str, str)  # kind (all / unread / starred), tag ("" for any)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.show_box = QComboBox()
        self.show_box.setObjectName("showFilter")
        self.show_box.setAccessibleName("Show")
        for kind, label in SHOW:
            self.show_box.addItem(label, kind)
        self.tag_box = QComboBox()
        self.tag_box.setObjectName("tagFilter")
        self.tag_box.setAccessibleName("Tag")
        self.tag_box.addItem("Any tag", "")
        layout.addWidget(self.show_box)
        layout.addWidget(self.tag_box, 1)
        self.show_box.currentIndexChanged.connect(self._emit)
        self.tag_box.currentIndexChanged.connect(self._emit)

    def set_kind(self, kind: str) -> None:
        index = self.show_box.findData(kind)
        if index >= 0:
            self.show_box.setCurrentIndex(index)

    def set_tags(self, tags: list[str]) -> None:
        current = self.tag_box.currentData() or ""
        self.tag_box.blockSignals(True)
        self.tag_box.clear()
        self.tag_box.addItem("Any tag", "")
        for tag in tags:
            self.tag_box.addItem(tag, tag)
        index = self.tag_box.findData(current)
        self.tag_box.setCurrentIndex(max(0, index))
        self.tag_box.blockSignals(False)
        if index < 0 and current:
            self._emit()  # the tag filtered on is gone (renamed): show any

    def _emit(self) -> None:
        self.changed.emit(self.show_box.currentData() or "all", self.tag_box.currentData() or "")
