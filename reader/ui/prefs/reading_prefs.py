"""How the reader likes to read: face, size, line width, line spacing (and the theme).

Kept in the settings file and applied to the reading pane; every change is
remembered at once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QSettings

FAMILIES = {
    "serif": ["Noto Serif", "Source Serif 4", "Georgia", "DejaVu Serif", "Times New Roman"],
    "sans": ["Noto Sans", "Source Sans 3", "Helvetica Neue", "Segoe UI", "DejaVu Sans", "Arial"],
}
WIDTHS = {"narrow": 58, "medium": 70, "wide": 86}  # characters a line
SPACINGS = {"compact": 118, "normal": 140, "relaxed": 165}  # line height, % of the font's
MIN_SIZE, MAX_SIZE = 9.0, 32.0


@dataclass(frozen=True)
class ReadingPrefs:
    family: str = "serif"
    size: float = 0.0  # points; 0: the default for this screen (1.3 × the UI font)
    width: str = "medium"
    spacing: str = "normal"
    theme: str = "system"

    def with_size_step(self, step: int, default: float) -> ReadingPrefs:
        """One point bigger (1) or smaller (-1); 0 back to the default."""
        if step == 0:
            return replace(self, size=0.0)
        current = self.size or default
        return replace(self, size=min(MAX_SIZE, max(MIN_SIZE, round(current) + step)))

    @classmethod
    def load(cls, settings: QSettings) -> ReadingPrefs:
        def text(key: str, allowed: object, default: str) -> str:
            value = str(settings.value(f"reading/{key}", default))
            return value if value in allowed else default  # type: ignore[operator]

        try:
            size = float(settings.value("reading/size", 0.0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            size = 0.0
        return cls(
            family=text("family", FAMILIES, "serif"),
            size=size if MIN_SIZE <= size <= MAX_SIZE else 0.0,
            width=text("width", WIDTHS, "medium"),
            spacing=text("spacing", SPACINGS, "normal"),
            theme=text("theme", ("system", "light", "sepia", "dark"), "system"),
        )

    def save(self, settings: QSettings) -> None:
        for key in ("family", "size", "width", "spacing", "theme"):
            settings.setValue(f"reading/{key}", getattr(self, key))
