"""The window: article list | reading pane, a search bar above, a status bar below.

Widgets only render and forward intent; the LibrarySession does the work off
the GUI thread and the models hold the state.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from reader.core.catalog.store import CatalogRow
from reader.ui.annotations.all_annotations import AllAnnotationsDialog
from reader.ui.annotations.controller import AnnotationController
from reader.ui.annotations.panel import AnnotationsPanel
from reader.ui.annotations.reading_state import ReadingState
from reader.ui.annotations.tags_dialog import TagsDialog
from reader.ui.library_list.article_list import ArticleList
from reader.ui.library_list.article_model import ID_ROLE, ROW_ROLE
from reader.ui.library_list.filter_bar import FilterBar
from reader.ui.library_list.search_bar import SearchBar
from reader.ui.plain_text import plain_label
from reader.ui.prefs.language import SETTING, current_language
from reader.ui.reading.reading_controls import ReadingControls
from reader.ui.reading.reading_pane import ReadingPane
from reader.ui.reading.related_list import RelatedList, with_related
from reader.ui.session.library_session import LibrarySession, ShownArticle
from reader.ui.session.tasks import TaskRunner
from reader.ui.triage.views import TriagedListModel
from reader.ui.window.export_actions import ExportActions
from reader.ui.window.history import History, last_article, save_last_article
from reader.ui.window.layout_state import (
    restore_layout,
    restore_sort,
    save_layout,
    save_list_state,
    saved_search,
)
from reader.ui.window.library_menu import LibraryMenu, remember_library
from reader.ui.window.list_menu import ListActions
from reader.ui.window.list_place import ListPlace
from reader.ui.window.menus import MenuParts, build_menus
from reader.ui.window.navigation import Navigation, follow_link
from reader.ui.window.opening import Opener
from reader.ui.window.review_mode import ReviewMode, review_menu
from reader.ui.window.search import WindowSearch
from reader.ui.window.shortcuts_dialog import ShortcutsDialog
from reader.ui.window.status_text import RefreshProgress, show_count, watch_catalog_notice
from reader.ui.window.triage_parts import TriageParts

OPEN_WINDOWS: set[MainWindow] = set()  # windows opened in another's place, kept alive here


class MainWindow(QMainWindow):
    def __init__(self, library_root: Path, settings: QSettings) -> None:
        super().__init__()
        self.settings = settings
        self.tasks = TaskRunner(self)
        self.session = LibrarySession(library_root, self.tasks, self)
        self.model = TriagedListModel(self)  # the article list, as the view shown (triage)
        self._current_id: int | None = None
        self._unchosen_id: int | None = None  # shown at launch, not chosen by the reader
        self._all_annotations: AllAnnotationsDialog | None = None
        self._pending_annotation = ""  # scroll to it once its article is shown
        self._build_widgets()
        restore_sort(self.list_view, settings)
        self.place = ListPlace(self.list_view, self.model, lambda: self._current_id)
        self.select_row = self.place.select_row
        self.annotator = AnnotationController(
            self.reading, self.panel, self.session, self.tasks, settings
        )
        self.state = ReadingState(self.reading, self.model, self.session, self.tasks, self)
        self.exports = ExportActions(self.session, self)
        self.controls = ReadingControls(self.reading, settings, self)
        self.navigation = Navigation(self.list_view, self.reading, self.select_row, self)
        self.history = History(self.open_article, self)
        self.history.watch_mouse(self, self.list_view.viewport(), self.reading.viewport())
        self.list_actions = ListActions(
            self, self.list_view, self.model, self.state, self.reading,
            lambda: self.session.root, self.edit_tags, self.annotator.undo_stack,
        )  # fmt: skip
        self.libraries = LibraryMenu(
            settings, library_root, self.replace_with, self.show_notice, self
        )
        remember_library(settings, library_root)
        self.opener = Opener(self, self)  # drops, and what other launches hand over
        self.opener.watch(self.search_field, self.find_bar.field)
        self.setAcceptDrops(True)
        self._build_menus()
        self._connect()
        restore_layout(self, self.splitter, settings)
        self._update_title()
        self.reading.show_message(self.tr("Opening the library…"), str(library_root))
        self.session.open()

    # --- construction -------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.search_bar = SearchBar()
        self.search_field = self.search_bar.field

        self.list_view = ArticleList(self.model)

        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search_bar)
        self.filter_bar = FilterBar()
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.list_view)

        self.reading_pane = ReadingPane()
        self.reading = self.reading_pane.view
        self.find_bar = self.reading_pane.find_bar
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.related = RelatedList(self.session, self.tasks, self.settings)  # under the pane
        self.splitter.addWidget(with_related(self.reading_pane, self.related))
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([420, 720])
        self.setCentralWidget(self.splitter)
        self.panel = AnnotationsPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.hide()  # the reading pane first; it shows with the first highlight made

        self.count_label = plain_label(QLabel())  # it may quote the query
        self.statusBar().addWidget(self.count_label, 1)
        self.progress = RefreshProgress(self.statusBar())
        self.resize(1180, 760)

    def _build_menus(self) -> None:
        menus = build_menus(self, MenuParts(
            self.libraries, self.exports, self.annotator, self.navigation, self.history,
            self.list_actions, self.state,
            self.controls, self.reading.hits, self.panel.toggleViewAction(),
            str(self.settings.value(SETTING, "system")),
            rescan=lambda: self.session.refresh.request(None),
            focus_search=self.focus_search,
            find_in_article=self.find_bar.open_bar,
            edit_tags=self.edit_tags,
            show_all_annotations=self.show_all_annotations,
            show_shortcuts=self.show_shortcuts,
            show_kind=self.filter_bar.set_kind,
        ))  # fmt: skip
        self.show_actions: dict[str, QAction] = menus.show_actions
        self.language_actions: dict[str, QAction] = menus.language_actions
        self.triage = TriageParts(
            self.model, self.session, self.tasks, self.annotator, self.state, self.list_view,
            self.filter_bar, self.navigation, self.reading, self.settings, menus,
        )  # fmt: skip
        self.review = ReviewMode(self, self.session, self.tasks, self.annotator, self.model,
                                 self.history, self.open_article)  # fmt: skip
        review_menu(self.review, self.triage, self.navigation, self.state, menus)

    def _connect(self) -> None:
        self.session.listed.connect(self.model.reset_rows)  # a big library's first rows
        self.session.opened.connect(self._on_opened)
        self.session.open_failed.connect(self._on_open_failed)
        self.session.refresh.rows_changed.connect(self._on_rows_changed)
        self.session.refresh.progress.connect(self.progress.show_progress)
        self.session.refresh.done.connect(self._on_refreshed)
        self.session.articles.ready.connect(self._on_article_ready)
        self.related.open_requested.connect(self.open_article)  # as the list: Back returns
        self.search = WindowSearch(
            self, session=self.session, model=self.model, list_view=self.list_view,
            search_bar=self.search_bar, count_label=self.count_label, select_row=self.select_row,
            marks=self.reading.hits, shown_lang=self._shown_lang, count=self._update_count,
            keep_visible=self.place.keep_visible,
        )  # fmt: skip
        self.filter_bar.changed.connect(self._on_filter)
        self.list_view.star_clicked.connect(self.state.toggle_star)
        self.list_view.escape_pressed.connect(self.search_field.clear)  # the whole list again
        for source in (self.annotator, self.state, self.exports):
            source.message.connect(self.show_notice)
        self.tasks.failed.connect(self.show_notice)
        self.notice_timer = watch_catalog_notice(self, self.session, self.show_notice)
        self.annotator.reload_needed.connect(self._reload_current)
        self.exports.imported.connect(self._reload_current)
        for tags_known in (self.state.tags_changed, self.state.loaded):  # the filter: live
            tags_known.connect(lambda: self.filter_bar.set_tags(self.model.all_tags()))
        self.reading.restyled.connect(self.search.mark_shown)
        self.reading.link_activated.connect(
            lambda url: follow_link(url, self.current_row(), self.model, self.open_article,
                                    self.show_notice)
        )  # fmt: skip
        selection = self.list_view.selectionModel()
        selection.currentRowChanged.connect(self._on_current_changed)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_count)

    # --- library events -----------------------------------------------------------

    def _on_opened(self, rows: list[CatalogRow]) -> None:
        self.model.reset_rows(rows)
        self.state.load()
        self.filter_bar.set_tags(self.model.all_tags())
        self.filter_bar.set_sources(self.model.sources())
        if self.session.read_only_reason:
            self.show_notice(
                self.tr(
                    "Read-only: {0}. You can read and search;"
                    " highlights, stars and tags cannot be saved."
                ).format(self.session.read_only_reason)
            )
        self._update_title()
        if rows:
            self._show_first()
            self.search_field.setText(saved_search(self.settings, self.session.root))
        else:
            self.reading.show_message(self.tr("Looking for articles…"), str(self.session.root))

    def _show_first(self) -> None:
        """Show the article this library was left on, else the first: the reader has
        not chosen it, so it is not read until they read it."""
        left_on = self.model.id_of_path(last_article(self.settings, self.session.root))
        row = self.model.row_of(left_on) if left_on is not None else None
        self._unchosen_id = self.model.index(row or 0, 0).data(ID_ROLE)
        self.select_row(row or 0)
        if not self.search_field.text():
            self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)  # keys for the list first

    def _on_open_failed(self, message: str) -> None:
        self.reading.show_message(self.tr("This library cannot be opened"), message)
        self.count_label.setText(self.tr("No library"))

    def _on_rows_changed(self, upserts: list[CatalogRow], removed: list[int]) -> None:
        self.place.applying(lambda: self.model.apply(upserts, removed))
        for article_id in removed:
            self.history.forget(article_id)
        if self._current_id is not None and self._current_id in removed:
            self._current_id = None
            self.related.request(None)
            self.reading.show_message(
                self.tr("This article was removed"),
                self.tr("Its file is no longer in the library."),
            )
        elif self._current_id is not None and any(r.id == self._current_id for r in upserts):
            self._reload_current()  # edited on disk, or renamed: show it as it is now
        if self._current_id is None and self.model.rowCount() and not removed:
            self._show_first()
        if self.search_field.text().strip():
            self.search.timer.start()  # new or edited articles may match the query

    def _on_refreshed(self) -> None:
        self.filter_bar.set_sources(self.model.sources())
        self.state.load()  # stars and tags may have followed a moved article to its new id
        self.progress.finished(self.session.refresh.unavailable)  # "" when the folder is there
        self._update_count()
        if not self.model.total():  # none in the library, not none shown (a search, a filter)
            self.reading.show_message(
                self.tr("No articles here yet"),
                self.tr("Add .txt or .md files to {0} and they will appear here.").format(
                    self.session.root
                ),
            )

    # --- search -------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    # --- reading ------------------------------------------------------------------

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        article_id = current.data(ID_ROLE)
        if article_id == self._current_id:
            return
        self.state.leave()  # the position in the article we leave is saved first
        self._current_id = article_id
        if article_id != self._unchosen_id:
            self._unchosen_id = None
        self.history.visit(article_id)
        self._reload_current()

    def _reload_current(self) -> None:
        row = self.model.article(self._current_id) if self._current_id is not None else None
        if row is not None:
            self.session.articles.load(row, current_language())

    def _on_article_ready(self, shown: ShownArticle) -> None:
        opened = shown.opened
        if opened.id != self._current_id:
            return
        if not opened.html:
            self.state.article_shown(None)
            self.annotator.clear()
            self.related.request(None)
            self.reading.show_message(
                self.tr("This article was removed"), self.tr("Its file is no longer there.")
            )
            return
        self.reading.show_article(
            shown.html, shown.folder, shown.shown_text, opened.byline, shown.images
        )
        if shown.fallback:  # plain text, or only the start of a long article: say why
            self.show_notice(shown.fallback)
        self.annotator.show(opened)
        self.find_bar.article_changed()
        self.state.article_shown(opened, chosen=opened.id != self._unchosen_id)
        self.search.mark_shown()
        self.related.request(self.model.article(opened.id))  # after the article, never before
        if self._pending_annotation:
            self.annotator.scroll_to(self._pending_annotation)
            self.panel.select(self._pending_annotation)
            self._pending_annotation = ""

    def _shown_lang(self) -> str | None:
        """The language of the article shown (None: none is)."""
        row = self.model.article(self._current_id) if self._current_id is not None else None
        return None if row is None else row.lang

    def open_article(self, article_id: int, annotation_id: str = "") -> None:
        """Show an article (and scroll to one of its highlights), leaving filters if needed."""
        self._pending_annotation = annotation_id
        self.review.show_reading()
        if self.model.row_of(article_id) is None:
            self.search_field.clear()
            self.filter_bar.show_everything()
            self.model.reveal(article_id)  # the view that has it (an archived article)
        row = self.model.row_of(article_id)
        if row is None:
            return
        if article_id == self._current_id:
            self._reload_current()
        else:
            self.select_row(row)

    def show_all_annotations(self) -> None:
        if self._all_annotations is None:
            self._all_annotations = AllAnnotationsDialog(self.model, self)
            self._all_annotations.open_requested.connect(self.open_article)
        self._all_annotations.show_library(self.session.userdata, self.tasks)

    def edit_tags(self, article_id: int | None = None) -> None:
        article_id = self._current_id if article_id is None else article_id
        if article_id is not None:
            TagsDialog(article_id, self.model, self.state, self).open()

    def _on_filter(self, kind: str, tag: str, source: str) -> None:
        self.model.set_filter(kind, tag, source)
        if kind in self.show_actions:
            self.show_actions[kind].setChecked(True)
        self._update_count()
        self.place.keep_visible()

    def replace_with(self, folder: Path, same_article: bool = False) -> MainWindow:
        """A new window on ``folder`` where this one was (on the same article, if asked).
        This one closes first, so its library is closed and its state saved."""
        row = self.current_row() if same_article else None
        geometry = self.geometry()
        self.close()
        replacement = MainWindow(folder, self.settings)
        OPEN_WINDOWS.add(replacement)
        replacement.setGeometry(geometry)
        replacement.show()
        if row is not None:  # the same article again, where the reader was in it
            replacement.session.opened.connect(lambda _: replacement.open_article(row.id))
        return replacement

    def show_shortcuts(self) -> None:
        review = (self.tr("In the Daily Review"), self.review.page.actions())
        ShortcutsDialog(self.menuBar(), self.navigation.actions, self, [review]).open()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.opener.accept_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.opener.drop(event)

    def show_notice(self, text: str) -> None:
        self.statusBar().showMessage(text, 15_000)

    def current_row(self) -> CatalogRow | None:
        index = self.list_view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    # --- status and state ---------------------------------------------------------

    def _update_count(self) -> None:
        query = self.search_field.text().strip()
        show_count(
            self.count_label, self.list_view, self.model, self.session, query, self.search.listed
        )

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("{0} — Article Reader").format(self.session.root.name))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.panel.flush_note()  # a note being typed is saved before we go
        self.state.leave()
        if (shown := self.model.article(self._current_id or -1)) is not None:
            save_last_article(self.settings, self.session.root, shown.path)
        save_layout(self, self.splitter, self.settings)
        save_list_state(self.settings, self.session.root, self.model.sort_order,
                        self.search_field.text().strip())  # fmt: skip
        self.tasks.shutdown()
        self.session.close()
        OPEN_WINDOWS.discard(self)
        super().closeEvent(event)
