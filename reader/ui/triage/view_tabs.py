"""The row of views above the list: Current (everything not archived), Inbox, Later and
Archive, each with how many articles it holds.

Tabs, not a combo: the three counts are seen at once, and the reader goes from one view
to the next with the arrow keys once the row has the focus (Tab reaches it), or with
Alt+1 … Alt+4 from anywhere (View menu). Short labels: the row must fit the list's width
on a 1024-pixel screen in French too; it scrolls rather than squeezing a label.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QTabBar, QWidget

from reader.i18n import QT_TRANSLATE_NOOP
from reader.ui.triage.views import VIEWS, TriagedListModel

LABELS = {  # translated where shown
    "unarchived": QT_TRANSLATE_NOOP("ViewTabs", "Current"),
    "inbox": QT_TRANSLATE_NOOP("ViewTabs", "Inbox"),
    "later": QT_TRANSLATE_NOOP("ViewTabs", "Later"),
    "archive": QT_TRANSLATE_NOOP("ViewTabs", "Archive"),
}


class ViewTabs(QTabBar):
    def __init__(self, model: TriagedListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName("viewTabs")
        self.setAccessibleName(self.tr("Views"))
        self.setDocumentMode(True)
        self.setDrawBase(False)
        self.setExpanding(False)
        self.setUsesScrollButtons(True)
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the focus where it was
        for view in VIEWS:
            self.addTab(self.tr(LABELS[view]))
        self.setTabToolTip(0, self.tr("The inbox and Later: every article not archived"))
        self.setTabToolTip(1, self.tr("Articles not yet sorted"))
        self.setTabToolTip(2, self.tr("Your reading queue, in your order"))
        self.setTabToolTip(3, self.tr("Articles put away; a search still finds them"))
        self.currentChanged.connect(lambda n: model.set_view(VIEWS[n]))
        model.view_changed.connect(self._follow)
        for signal in (model.places_changed, model.modelReset, model.rowsInserted,
                       model.rowsRemoved):  # fmt: skip
            signal.connect(self.update_counts)
        self.update_counts()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The styles' focus frame on a tab is faint (and none in some): with the focus,
        the current tab is underlined in the selection's colour, in every theme."""
        super().paintEvent(event)
        if self.hasFocus() and self.currentIndex() >= 0:
            painter = QPainter(self)
            rect = self.tabRect(self.currentIndex()).adjusted(3, 0, -3, -1)
            painter.fillRect(rect.left(), rect.bottom() - 2, rect.width(), 3,
                             self.palette().color(QPalette.ColorRole.Highlight))  # fmt: skip
            painter.end()

    def _follow(self, view: str) -> None:
        if view in VIEWS:
            self.setCurrentIndex(VIEWS.index(view))

    def update_counts(self) -> None:
        counts = self.model.counts()
        for n, view in enumerate(VIEWS):
            label = self.tr(LABELS[view])
            if view == "unarchived":
                self.setTabText(n, label)
                self.setAccessibleTabName(n, label)
                continue
            count = counts[view]
            self.setTabText(n, f"{label} {count}")
            articles = self.tr("1 article") if count == 1 else self.tr("%n articles", "", count)
            self.setAccessibleTabName(n, f"{label}, {articles}")
