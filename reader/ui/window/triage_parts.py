"""Triage in the window: the views' row above the list, the moves and their keys in the
Article menu, the views in the View menu, and Archive When Finished.

Built after the window's own parts, from what they expose: the window only makes one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QBoxLayout, QMenu

from reader.ui.annotations.controller import AnnotationController
from reader.ui.annotations.reading_state import ReadingState
from reader.ui.library_list.article_list import ArticleList
from reader.ui.library_list.filter_bar import FilterBar
from reader.ui.reading.reading_view import ReadingView
from reader.ui.session.library_session import LibrarySession
from reader.ui.session.tasks import TaskRunner
from reader.ui.triage.actions import TriageActions
from reader.ui.triage.finishing import Finishing
from reader.ui.triage.moves import TriageMoves
from reader.ui.triage.view_tabs import ViewTabs
from reader.ui.triage.views import TriagedListModel
from reader.ui.window.menus import WindowMenus
from reader.ui.window.navigation import Navigation


class TriageParts(QObject):
    def __init__(
        self,
        model: TriagedListModel,
        session: LibrarySession,
        tasks: TaskRunner,
        annotator: AnnotationController,
        state: ReadingState,
        list_view: ArticleList,
        filter_bar: FilterBar,
        navigation: Navigation,
        reading: ReadingView,
        settings: QSettings,
        menus: WindowMenus,
    ) -> None:
        owner = list_view.window()
        super().__init__(owner)
        self.moves = TriageMoves(model, session, tasks, annotator.undo_stack, self)
        self.tabs = ViewTabs(model)
        column = filter_bar.parentWidget()  # the list's column: search, filters, list
        layout = column.layout() if column is not None else None
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(filter_bar), self.tabs)
        self.actions = TriageActions(
            self.moves,
            list_view,
            lambda: state.current.id if state.current is not None else None,
            navigation.select_row,
            owner,
        )
        self.finishing = Finishing(self.actions, reading, settings)
        navigation.follow = self.finishing.next
        session.articles.ready.connect(lambda _: self.finishing.article_shown())
        session.opened.connect(lambda _: self.moves.load())
        session.refresh.done.connect(self.moves.load)  # moved articles keep their place
        self._fill_menus(menus.article_menu, menus.view_menu)

    def _fill_menus(self, article_menu: QMenu, view_menu: QMenu) -> None:
        article_menu.addSeparator()
        article_menu.addActions(self.actions.move_actions)
        queue_menu = article_menu.addMenu(self.tr("&Queue"))
        queue_menu.addActions(self.actions.queue_actions)
        article_menu.addAction(self.finishing.archive_action)
        views = QMenu(self.tr("Vie&ws"), view_menu)
        views.addActions(list(self.actions.view_actions.values()))
        first = view_menu.actions()[0]  # the list's filter: the views go before it
        view_menu.insertMenu(first, views)
        view_menu.insertSeparator(first)
