"""The daily review as a page of the window: View → Daily Review (Ctrl+Shift+R) shows it
in place of the list and the article; Esc (or the same key) goes back to reading.

Opening a highlight's passage shows the reading page at it, and Back (Alt+Left, the
mouse's back button) returns to the review, where the reader was in it: the review is
a place of the window's history (:data:`reader.ui.window.history.OUTSIDE`).

While the review shows, the keys that act on the article shown (j, k, Space, s, m, e,
l…) are off: there is no article in view to act on, and the review's own one-letter
keys take their place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget

from reader.ui.annotations.controller import AnnotationController
from reader.ui.annotations.reading_state import ReadingState
from reader.ui.library_list.article_model import ArticleListModel
from reader.ui.review.deck import DayReview
from reader.ui.review.review_page import ReviewPage
from reader.ui.session.library_session import LibrarySession
from reader.ui.session.tasks import TaskRunner
from reader.ui.window.history import History
from reader.ui.window.menus import WindowMenus
from reader.ui.window.navigation import Navigation
from reader.ui.window.triage_parts import TriageParts


class ReviewMode(QObject):
    def __init__(
        self,
        window: QMainWindow,
        session: LibrarySession,
        tasks: TaskRunner,
        annotator: AnnotationController,
        model: ArticleListModel,
        history: History,
        open_article: Callable[[int, str], None],
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.history = history
        self.annotator = annotator
        self.open_article = open_article
        self.deck = DayReview(session, tasks, annotator.undo_stack, self, today)
        self.page = ReviewPage(self.deck, model.article, lambda: session.root)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        reading = window.takeCentralWidget()  # the list beside the article
        assert reading is not None
        self.stack.addWidget(reading)
        self.stack.addWidget(self.page)
        window.setCentralWidget(self.stack)
        self.action = QAction(self.tr("Daily &Review"), window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.action.triggered.connect(self.toggle)
        window.addAction(self.action)
        self.quiet: list[QAction] = []  # off while the review shows
        self._was_enabled: dict[QAction, bool] = {}
        history.open_outside = self.show_review
        self.page.open_requested.connect(self.open_at_passage)
        self.page.close_requested.connect(self.close_review)
        self.deck.edited.connect(self._edited)

    def quiet_while_shown(self, actions: Iterable[QAction]) -> None:
        self.quiet.extend(actions)

    @property
    def showing(self) -> bool:
        return self.stack.currentWidget() is self.page

    def toggle(self) -> None:
        if self.showing:
            self.close_review()
        else:
            self.show_review()

    def show_review(self) -> None:
        if not self.showing:
            self._was_enabled = {action: action.isEnabled() for action in self.quiet}
            for action in self.quiet:
                action.setEnabled(False)
            self.stack.setCurrentWidget(self.page)
            self.deck.load()  # today's list: the day may have turned since it was shown
        self.history.enter_outside()
        self.page.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_reading(self) -> None:
        """The list and the article again (an article is being opened)."""
        if self.showing:
            self.page.save_note()
            self.stack.setCurrentIndex(0)
            for action, enabled in self._was_enabled.items():
                action.setEnabled(enabled)

    def close_review(self) -> None:
        """Back to the article that was shown, a place Back then returns here from."""
        self.show_reading()
        shown = self.annotator.opened
        if shown is not None:
            self.history.visit(shown.id)
        self.annotator.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_at_passage(self, article_id: int, annotation_id: str) -> None:
        self.open_article(article_id, annotation_id)  # shows the reading page
        self.history.visit(article_id)  # the same article as before counts as a move too
        self.annotator.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _edited(self, article_id: int) -> None:
        """A highlight of the article behind the review was edited: show it as saved."""
        opened = self.annotator.opened
        if opened is not None and opened.id == article_id:
            self.annotator.reload_needed.emit()


def review_menu(
    review: ReviewMode,
    triage: TriageParts,
    navigation: Navigation,
    state: ReadingState,
    menus: WindowMenus,
) -> None:
    """View → Daily Review, and the keys it turns off while it shows."""
    view_menu = menus.view_menu
    views = next(a for a in view_menu.actions() if a.menu() is not None)  # View → Views
    view_menu.insertAction(views, review.action)
    review.quiet_while_shown(navigation.actions)
    review.quiet_while_shown([state.star_action, state.read_action])
    review.quiet_while_shown(triage.actions.move_actions + triage.actions.queue_actions)
    page_keys = {key for action in review.page.actions() for key in action.shortcuts()}
    for menu_action in review.window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if isinstance(menu, QMenu) else []:
            if page_keys & set(action.shortcuts()):  # Copy with Citation: the page's own
                review.quiet_while_shown([action])
