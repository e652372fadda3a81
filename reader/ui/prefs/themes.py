"""Light, sepia and dark: the reading pane's colours, and the whole window matching them.

A theme is a QPalette for the application (Fusion honours every role, on every
platform), so lists, panels and menus follow the reading pane. "System" follows
the platform's light or dark setting and switches live when it changes
(``QStyleHints.colorSchemeChanged``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

CHOICES = ("system", "light", "sepia", "dark")


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    base: str  # the page
    alternate: str
    text: str
    muted: str
    button: str
    highlight: str
    highlighted_text: str
    link: str
    mid: str

    @property
    def dark(self) -> bool:
        return QColor(self.base).lightness() < 128

    def palette(self) -> QPalette:
        palette = QPalette()
        roles = {
            QPalette.ColorRole.Window: self.window,
            QPalette.ColorRole.WindowText: self.text,
            QPalette.ColorRole.Base: self.base,
            QPalette.ColorRole.AlternateBase: self.alternate,
            QPalette.ColorRole.Text: self.text,
            QPalette.ColorRole.Button: self.button,
            QPalette.ColorRole.ButtonText: self.text,
            QPalette.ColorRole.Highlight: self.highlight,
            QPalette.ColorRole.HighlightedText: self.highlighted_text,
            QPalette.ColorRole.Link: self.link,
            QPalette.ColorRole.LinkVisited: self.link,
            QPalette.ColorRole.PlaceholderText: self.muted,
            QPalette.ColorRole.ToolTipBase: self.base,
            QPalette.ColorRole.ToolTipText: self.text,
            QPalette.ColorRole.Mid: self.mid,
            QPalette.ColorRole.Midlight: self.alternate,
            QPalette.ColorRole.Dark: self.mid,
            QPalette.ColorRole.BrightText: "#ffffff",
        }
        for role, color in roles.items():
            palette.setColor(role, QColor(color))
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                     QPalette.ColorRole.ButtonText):  # fmt: skip
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(self.muted))
        return palette


# The selection (``highlight``) is the reverse of a reader's highlight, so the two are
# never taken for each other: highlights are pale fills under the text's own ink in light
# and sepia, deep fills under light ink in dark (``annotations.highlight_layer``); so
# the selection is a deep fill under white in light and sepia, and a pale one under dark
# ink in dark.
THEMES = {
    "light": Theme("light", "#f3f3f1", "#ffffff", "#f7f7f5", "#1f1f1f", "#6b6b6b", "#ececea",
                   "#2f6fd0", "#ffffff", "#1d5fbf", "#c8c8c4"),
    "sepia": Theme("sepia", "#eadfc8", "#f6efdf", "#f0e6d0", "#4a3b2a", "#8a7458", "#e4d7bb",
                   "#8f5e2a", "#ffffff", "#8a4b12", "#cdbd9b"),
    "dark": Theme("dark", "#242424", "#1b1b1b", "#222222", "#e4e4e4", "#9a9a9a", "#303030",
                  "#a8c7fa", "#0f1d33", "#8ab4f8", "#4a4a4a"),
}  # fmt: skip


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


class ThemeManager(QObject):
    """Applies the chosen theme to the application and follows the system when asked."""

    changed = Signal(str)  # the theme now applied: light, sepia or dark

    def __init__(self, choice: str = "system", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choice = choice if choice in CHOICES else "system"
        self.current = ""
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.system_changed)

    def resolved(self, system_dark: bool | None = None) -> Theme:
        if self.choice != "system":
            return THEMES[self.choice]
        dark = system_is_dark() if system_dark is None else system_dark
        return THEMES["dark" if dark else "light"]

    def set_choice(self, choice: str) -> None:
        if choice not in CHOICES:
            raise ValueError(f"theme must be one of {CHOICES}")
        self.choice = choice
        self.apply()

    def apply(self, system_dark: bool | None = None) -> None:
        theme = self.resolved(system_dark)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            if app.style().name().lower() != "fusion":
                app.setStyle("Fusion")
            app.setPalette(theme.palette())
        if theme.name != self.current:
            self.current = theme.name
            self.changed.emit(theme.name)

    def system_changed(self, scheme: Qt.ColorScheme) -> None:
        """The platform switched between light and dark: follow it, live."""
        if self.choice == "system":
            self.apply(system_dark=scheme == Qt.ColorScheme.Dark)
