"""The reading side of the window: a thin progress line, the article, the find bar, and
caret mode's line of keys.

Caret mode changes what the arrows do, so the pane says which keys select while it is on."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from reader.ui.plain_text import plain_label
from reader.ui.reading.find_bar import FindBar
from reader.ui.reading.reading_view import ReadingView

PROGRESS_STEPS = 1000


class ReadingPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = ReadingView()
        self.progress = QProgressBar()
        self.progress.setObjectName("readingProgress")
        self.progress.setAccessibleName(self.tr("How far through the article"))
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(3)
        self.progress.setStyleSheet(
            "QProgressBar { border: none; background: transparent; }"
            " QProgressBar::chunk { background: palette(highlight); }"
        )
        self.find_bar = FindBar(self.view)
        self.caret_hint = plain_label(QLabel())
        self.caret_hint.setObjectName("caretHint")
        self.caret_hint.setWordWrap(True)
        self.caret_hint.setText(
            self.tr(
                "Caret mode: the arrows move the caret; Shift+arrows select"
                " (Ctrl+Shift: by word, ) and (: by sentence, Ctrl+Shift+Down: to the"
                " paragraph's end). Ctrl+H highlights, Ctrl+Shift+H adds a note;"
                " Escape or F7 leaves."
            )
        )
        self.caret_hint.setContentsMargins(8, 4, 8, 4)
        self.caret_hint.setAutoFillBackground(True)
        self.caret_hint.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.caret_hint.hide()
        self.view.caret.toggled.connect(self.caret_hint.setVisible)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.progress)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.caret_hint)
        layout.addWidget(self.find_bar)
        bar = self.view.verticalScrollBar()
        bar.valueChanged.connect(self._update_progress)
        bar.rangeChanged.connect(self._update_progress)

    def fraction_read(self) -> float:
        """0.0 at the top of the article, 1.0 at its end (1.0 when it fits in view)."""
        bar = self.view.verticalScrollBar()
        return 1.0 if bar.maximum() <= 0 else bar.value() / bar.maximum()

    def _update_progress(self) -> None:
        # QProgressBar repaints at once on a new value, and a repaint paints every region
        # of the window waiting to be (the list's new rows too) inside whatever scrolled
        # the article: painted with the rest of the window instead.
        self.progress.setUpdatesEnabled(False)
        self.progress.setValue(round(self.fraction_read() * PROGRESS_STEPS))
        self.progress.setUpdatesEnabled(True)  # an update, never a repaint
