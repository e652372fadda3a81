"""The cheat sheet (?): every action of the menus and the reader keys, with their keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


def keys_of(action: QAction) -> str:
    return ", ".join(
        key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
    )


class ShortcutsDialog(QDialog):
    def __init__(self, menu_bar: QMenuBar, extra: list[QAction], parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # opened anew each time
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.resize(520, 620)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setAccessibleName(self.tr("Every action and its keys"))
        self.tree.setRootIsDecorated(False)
        for menu_action in menu_bar.actions():
            menu = menu_action.menu()
            if menu is not None:
                self._section(menu_action.text(), list(menu.actions()))  # type: ignore[attr-defined]
        self._section(self.tr("&Reading"), extra)
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()  # Escape and the arrows are its, not the list's behind it

    def _section(self, title: str, actions: list[QAction]) -> None:
        rows = [(a.text().replace("&", ""), keys_of(a)) for a in actions if a.shortcuts()]
        for action in actions:
            submenu = action.menu()
            if submenu is not None:
                rows += [
                    (f"{action.text()} → {a.text()}".replace("&", ""), keys_of(a))
                    for a in submenu.actions()  # type: ignore[attr-defined]
                    if a.shortcuts()
                ]
        if not rows:
            return
        header = QTreeWidgetItem([title.replace("&", ""), ""])
        font = header.font(0)
        font.setBold(True)
        header.setFont(0, font)
        header.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(header)
        for text, keys in rows:
            self.tree.addTopLevelItem(QTreeWidgetItem([f"    {text}", keys]))

    def entries(self) -> dict[str, str]:
        """Action text → keys, as listed (tests read it)."""
        found = {}
        for n in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(n)
            if item is not None and item.text(1):
                found[item.text(0).strip()] = item.text(1)
        return found
