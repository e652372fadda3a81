"""The cheat sheet (?): every action of the menus, the reader keys and caret mode's keys.

Caret mode's keys are no actions (the article's text takes them), so they are listed apart.

Only keys a reader can type are listed: a letter or sign, the editing and arrow keys,
F1 to F12, with modifiers. The media and vendor keys Qt's standard bindings bring
along (F14 and the Undo key for Undo on X11, Back, Forward, Zoom In) are left out:
they named nothing on most keyboards ("Annuler" bare in French, for the Undo key).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QKeyCombination, Qt
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


def typable(sequence: QKeySequence) -> bool:
    """A one-chord sequence on a key of an ordinary keyboard (letters, arrows, F1–F12)."""
    if sequence.count() != 1:
        return False
    chord: QKeyCombination = sequence[0]  # type: ignore[index]  # the stubs lack __getitem__
    return chord.key().value <= Qt.Key.Key_F12.value  # the printable keys, then Escape … F12


def keys_of(action: QAction) -> str:
    shown = [key for key in action.shortcuts() if typable(key)]
    texts = [key.toString(QKeySequence.SequenceFormat.NativeText) for key in shown]
    return ", ".join(dict.fromkeys(texts))


class ShortcutsDialog(QDialog):
    def __init__(
        self,
        menu_bar: QMenuBar,
        extra: list[QAction],
        parent: QWidget,
        pages: Sequence[tuple[str, list[QAction]]] = (),
    ) -> None:
        """``extra``: the reading keys (no menu has them); ``pages``: a page's own keys
        (the daily review's), each with the section's title."""
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
        self._listed: set[tuple[str, str]] = set()
        for menu_action in menu_bar.actions():
            menu = menu_action.menu()
            if menu is not None:
                self._section(menu_action.text(), list(menu.actions()))  # type: ignore[attr-defined]
        self._section(self.tr("&Reading"), extra)
        for title, actions in pages:
            self._section(title, actions)
        self._caret_section()
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
        rows = [(a.text().replace("&", ""), keys_of(a)) for a in actions if keys_of(a)]
        for action in actions:
            submenu = action.menu()
            if submenu is not None:
                rows += [
                    (f"{action.text()} → {a.text()}".replace("&", ""), keys_of(a))
                    for a in submenu.actions()  # type: ignore[attr-defined]
                    if keys_of(a)
                ]
        # A nameless action says nothing; one already listed (j and k are in a menu and
        # among the reading keys) is listed once, where its menu has it.
        rows = [row for row in rows if row[0].strip() and row not in self._listed]
        self._listed.update(rows)
        self._add_rows(title, rows)

    def _add_rows(self, title: str, rows: list[tuple[str, str]]) -> None:
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

    def _caret_section(self) -> None:
        """What the keys do in caret mode (Article → Caret Mode, F7)."""
        rows = (
            (self.tr("Move the caret"), "Left, Right, Up, Down, Home, End"),
            (self.tr("Move by word"), "Ctrl+Left, Ctrl+Right"),
            (self.tr("Move by paragraph"), "Ctrl+Up, Ctrl+Down"),
            (self.tr("Select as you move"), "Shift+Left, Shift+Right, Shift+Up, Shift+Down"),
            (self.tr("Select by word"), "Ctrl+Shift+Left, Ctrl+Shift+Right"),
            (self.tr("Select to the sentence's end, back to its start"), "), ("),
            (self.tr("Select to the paragraph's end"), "Ctrl+Shift+Down"),
            (self.tr("Clear the selection, then leave caret mode"), "Esc"),
        )
        native = QKeySequence.SequenceFormat.NativeText
        shown = []
        for text, keys in rows:
            names = [QKeySequence(key).toString(native) or key for key in keys.split(", ")]
            shown.append((text, ", ".join(names)))
        self._add_rows(self.tr("In Caret Mode"), shown)

    def entries(self) -> dict[str, str]:
        """Action text → keys, as listed (tests read it)."""
        found = {}
        for n in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(n)
            if item is not None and item.text(1):
                found[item.text(0).strip()] = item.text(1)
        return found
