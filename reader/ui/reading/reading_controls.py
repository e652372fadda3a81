"""View → Theme, Text: the reader's choices for the pane, applied at once and remembered."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from reader.i18n import QT_TRANSLATE_NOOP
from reader.ui.prefs.reading_prefs import ReadingPrefs
from reader.ui.prefs.themes import ThemeManager
from reader.ui.reading.reading_view import ReadingView

# Translated where shown (the menus), in the ReadingControls context.
THEME_LABELS = {
    "system": QT_TRANSLATE_NOOP("ReadingControls", "&System"),
    "light": QT_TRANSLATE_NOOP("ReadingControls", "&Light"),
    "sepia": QT_TRANSLATE_NOOP("ReadingControls", "S&epia"),
    "dark": QT_TRANSLATE_NOOP("ReadingControls", "&Dark"),
}
FAMILY_LABELS = {
    "serif": QT_TRANSLATE_NOOP("ReadingControls", "&Serif"),
    "sans": QT_TRANSLATE_NOOP("ReadingControls", "Sa&ns-Serif"),
}
WIDTH_LABELS = {
    "narrow": QT_TRANSLATE_NOOP("ReadingControls", "&Narrow"),
    "medium": QT_TRANSLATE_NOOP("ReadingControls", "&Medium"),
    "wide": QT_TRANSLATE_NOOP("ReadingControls", "&Wide"),
}
SPACING_LABELS = {
    "compact": QT_TRANSLATE_NOOP("ReadingControls", "&Compact"),
    "normal": QT_TRANSLATE_NOOP("ReadingControls", "&Normal"),
    "relaxed": QT_TRANSLATE_NOOP("ReadingControls", "&Relaxed"),
}


class ReadingControls(QObject):
    def __init__(self, view: ReadingView, settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self.view = view
        self.settings = settings
        self.prefs = ReadingPrefs.load(settings)
        self.themes = ThemeManager(self.prefs.theme, self)
        self.themes.apply()
        view.apply_prefs(self.prefs)
        self.bigger = self._action(
            self.tr("&Bigger Text"), [QKeySequence.StandardKey.ZoomIn, "Ctrl+="]
        )
        self.bigger.triggered.connect(lambda: self.step_size(1))
        self.smaller = self._action(self.tr("S&maller Text"), [QKeySequence.StandardKey.ZoomOut])
        self.smaller.triggered.connect(lambda: self.step_size(-1))
        self.reset = self._action(self.tr("Actual Si&ze"), ["Ctrl+0"])
        self.reset.triggered.connect(lambda: self.step_size(0))
        view.size_step.connect(self.step_size)  # Ctrl+wheel, the same as the keys
        self.groups: dict[str, dict[str, QAction]] = {}

    def _action(self, text: str, keys: list[object]) -> QAction:
        action = QAction(text, self.parent())
        sequences: list[QKeySequence] = []
        for key in keys:
            if isinstance(key, QKeySequence.StandardKey):
                sequences += QKeySequence.keyBindings(key)
            else:
                sequences.append(QKeySequence(str(key)))
        unique = list(dict.fromkeys(sequences))
        action.setShortcuts(unique)
        return action

    def fill_menu(self, menu: QMenu) -> None:
        """Theme, face, width and spacing as radio items; size as three actions."""
        self._choice_menu(menu.addMenu(self.tr("&Theme")), "theme", THEME_LABELS)
        text = menu.addMenu(self.tr("Te&xt"))
        text.addActions([self.bigger, self.smaller, self.reset])
        text.addSeparator()
        self._choice_menu(text, "family", FAMILY_LABELS)
        text.addSeparator()
        self._choice_menu(text.addMenu(self.tr("Line &Width")), "width", WIDTH_LABELS)
        self._choice_menu(text.addMenu(self.tr("Line S&pacing")), "spacing", SPACING_LABELS)

    def _choice_menu(self, menu: QMenu, key: str, labels: dict[str, str]) -> None:
        group = QActionGroup(menu)
        self.groups[key] = {}
        for value, label in labels.items():
            action = menu.addAction(self.tr(label))
            action.setCheckable(True)
            action.setChecked(getattr(self.prefs, key) == value)
            action.setActionGroup(group)
            action.triggered.connect(lambda _=False, k=key, v=value: self.choose(k, v))
            self.groups[key][value] = action

    def choose(self, key: str, value: str) -> None:
        self.update(replace(self.prefs, **{key: value}))  # type: ignore[arg-type]

    def step_size(self, step: int) -> None:
        self.update(self.prefs.with_size_step(step, self.view.default_size))

    def update(self, prefs: ReadingPrefs) -> None:
        theme_changed = prefs.theme != self.prefs.theme
        self.prefs = prefs
        prefs.save(self.settings)
        if theme_changed:
            self.themes.set_choice(prefs.theme)
        self.view.apply_prefs(prefs)
        for key, actions in self.groups.items():
            chosen = actions.get(getattr(prefs, key))
            if chosen is not None:
                chosen.setChecked(True)
