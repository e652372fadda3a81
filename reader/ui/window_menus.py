"""The window's menus: every action, with its shortcut, in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(window.libraries.open_action)
    file_menu.addMenu(window.libraries.recent_menu)
    refresh = QAction("&Rescan Library", window)
    refresh.setShortcut(QKeySequence.StandardKey.Refresh)
    refresh.triggered.connect(lambda: window.session.request_refresh(None))
    file_menu.addAction(refresh)
    file_menu.addSeparator()
    exports = window.exports
    file_menu.addActions([exports.markdown_action, exports.jsonld_action, exports.import_action])
    file_menu.addSeparator()
    quit_action = QAction("&Quit", window)
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)

    annotator = window.annotator
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([annotator.undo_action, annotator.redo_action])
    edit_menu.addSeparator()
    find = QAction("&Search Articles", window)
    find.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("/")])
    find.triggered.connect(window.focus_search)
    next_hit = QAction("&Next Hit", window)
    next_hit.setShortcut(QKeySequence.StandardKey.FindNext)
    next_hit.triggered.connect(lambda: window.reading.hits.step(1))
    previous_hit = QAction("&Previous Hit", window)
    previous_hit.setShortcut(QKeySequence.StandardKey.FindPrevious)
    previous_hit.triggered.connect(lambda: window.reading.hits.step(-1))
    find_in_article = QAction("&Find in Article…", window)
    find_in_article.setShortcut(QKeySequence.StandardKey.Find)
    find_in_article.triggered.connect(window.find_bar.open_bar)
    edit_menu.addActions([find, next_hit, previous_hit, find_in_article])

    article_menu = bar.addMenu("&Article")
    navigation = window.navigation
    article_menu.addActions([navigation.next_action, navigation.previous_action])
    article_menu.addSeparator()
    article_menu.addActions([annotator.highlight_action, annotator.note_action])
    article_menu.addSeparator()
    state = window.state
    state.star_action.setShortcuts([QKeySequence("Ctrl+D"), QKeySequence("S")])
    tags = QAction("&Tags…", window)
    tags.setShortcut(QKeySequence("Ctrl+T"))
    tags.triggered.connect(window.edit_tags)
    article_menu.addActions([state.star_action, state.read_action, tags])
    window.addActions([state.star_action, state.read_action, tags])

    view_menu = bar.addMenu("&View")
    show = QActionGroup(window)
    window.show_actions = {}
    for n, (kind, label) in enumerate(
        (("all", "&All Articles"), ("unread", "&Unread"), ("starred", "&Starred (Bookmarks)")),
        start=1,
    ):
        action = QAction(label, window)
        action.setCheckable(True)
        action.setChecked(kind == "all")
        action.setShortcut(QKeySequence(f"Ctrl+{n}"))
        action.setActionGroup(show)
        action.triggered.connect(lambda _=False, k=kind: window.filter_bar.set_kind(k))
        view_menu.addAction(action)
        window.show_actions[kind] = action
    view_menu.addSeparator()
    panel_action = window.panel.toggleViewAction()
    panel_action.setText("&Highlights and Notes Panel")
    panel_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
    all_highlights = QAction("All Highlights and Notes…", window)
    all_highlights.setShortcut(QKeySequence("Ctrl+Shift+L"))
    all_highlights.triggered.connect(window.show_all_annotations)
    view_menu.addActions([panel_action, all_highlights])
    view_menu.addSeparator()
    window.controls.fill_menu(view_menu)

    help_menu = bar.addMenu("&Help")
    shortcuts = QAction("&Keyboard Shortcuts", window)
    shortcuts.setShortcuts([QKeySequence("?"), QKeySequence("Ctrl+/")])
    shortcuts.triggered.connect(window.show_shortcuts)
    help_menu.addAction(shortcuts)
    window.addAction(shortcuts)

    window._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window.list_view)
    window._escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # not in the find bar
    window._escape.activated.connect(window.search_field.clear)
