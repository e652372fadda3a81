"""The window's menus: every action, with its shortcut, in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu

from reader.i18n import LANGUAGES
from reader.ui.prefs.language import SETTING
from reader.ui.window.library_menu import switch_language

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("WindowMenus", "&File"))
    file_menu.addAction(window.libraries.open_action)
    file_menu.addMenu(window.libraries.recent_menu)
    refresh = QAction(QCoreApplication.translate("WindowMenus", "Re&scan Library"), window)
    refresh.setShortcut(QKeySequence.StandardKey.Refresh)
    refresh.triggered.connect(lambda: window.session.request_refresh(None))
    file_menu.addAction(refresh)
    file_menu.addSeparator()
    exports = window.exports
    file_menu.addActions([exports.markdown_action, exports.jsonld_action, exports.import_action])
    file_menu.addSeparator()
    quit_action = QAction(QCoreApplication.translate("WindowMenus", "&Quit"), window)
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)

    annotator = window.annotator
    edit_menu = bar.addMenu(QCoreApplication.translate("WindowMenus", "&Edit"))
    edit_menu.addActions([annotator.undo_action, annotator.redo_action])
    edit_menu.addSeparator()
    find = QAction(QCoreApplication.translate("WindowMenus", "&Search Articles"), window)
    find.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("/")])
    find.triggered.connect(window.focus_search)
    next_hit = QAction(QCoreApplication.translate("WindowMenus", "&Next Hit"), window)
    next_hit.setShortcut(QKeySequence.StandardKey.FindNext)
    next_hit.triggered.connect(lambda: window.reading.hits.step(1))
    previous_hit = QAction(QCoreApplication.translate("WindowMenus", "&Previous Hit"), window)
    previous_hit.setShortcut(QKeySequence.StandardKey.FindPrevious)
    previous_hit.triggered.connect(lambda: window.reading.hits.step(-1))
    find_in_article = QAction(
        QCoreApplication.translate("WindowMenus", "&Find in Article…"), window
    )
    find_in_article.setShortcut(QKeySequence.StandardKey.Find)
    find_in_article.triggered.connect(window.find_bar.open_bar)
    edit_menu.addActions([find, next_hit, previous_hit, find_in_article])

    article_menu = bar.addMenu(QCoreApplication.translate("WindowMenus", "&Article"))
    navigation = window.navigation
    article_menu.addActions([navigation.next_action, navigation.previous_action])
    article_menu.addSeparator()
    article_menu.addActions([annotator.highlight_action, annotator.note_action])
    article_menu.addSeparator()
    state = window.state
    state.star_action.setShortcuts([QKeySequence("Ctrl+D"), QKeySequence("S")])
    tags = QAction(QCoreApplication.translate("WindowMenus", "&Tags…"), window)
    tags.setShortcut(QKeySequence("Ctrl+T"))
    tags.triggered.connect(window.edit_tags)
    article_menu.addActions([state.star_action, state.read_action, tags])
    window.addActions([state.star_action, state.read_action, tags])

    view_menu = bar.addMenu(QCoreApplication.translate("WindowMenus", "&View"))
    _show_menu(window, view_menu)
    view_menu.addSeparator()
    panel_action = window.panel.toggleViewAction()
    panel_action.setText(QCoreApplication.translate("WindowMenus", "&Highlights and Notes Panel"))
    panel_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
    all_highlights = QAction(
        QCoreApplication.translate("WindowMenus", "All Highlights and Notes…"), window
    )
    all_highlights.setShortcut(QKeySequence("Ctrl+Shift+L"))
    all_highlights.triggered.connect(window.show_all_annotations)
    view_menu.addActions([panel_action, all_highlights])
    view_menu.addSeparator()
    window.controls.fill_menu(view_menu)
    _language_menu(
        window, view_menu.addMenu(QCoreApplication.translate("WindowMenus", "&Language"))
    )

    help_menu = bar.addMenu(QCoreApplication.translate("WindowMenus", "&Help"))
    shortcuts = QAction(QCoreApplication.translate("WindowMenus", "&Keyboard Shortcuts"), window)
    shortcuts.setShortcuts([QKeySequence("?"), QKeySequence("Ctrl+/")])
    shortcuts.triggered.connect(window.show_shortcuts)
    help_menu.addAction(shortcuts)
    window.addAction(shortcuts)

    window._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window.list_view)
    window._escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # not in the find bar
    window._escape.activated.connect(window.search_field.clear)


def _show_menu(window: MainWindow, menu: QMenu) -> None:
    """View → All Articles, Unread, Starred: the list's filter, as radio items."""
    group = QActionGroup(window)
    window.show_actions = {}
    labels = (
        ("all", QCoreApplication.translate("WindowMenus", "&All Articles")),
        ("unread", QCoreApplication.translate("WindowMenus", "&Unread")),
        ("starred", QCoreApplication.translate("WindowMenus", "&Starred (Bookmarks)")),
    )
    for n, (kind, label) in enumerate(labels, start=1):
        action = QAction(label, window)
        action.setCheckable(True)
        action.setChecked(kind == "all")
        action.setShortcut(QKeySequence(f"Ctrl+{n}"))
        action.setActionGroup(group)
        action.triggered.connect(lambda _=False, k=kind: window.filter_bar.set_kind(k))
        menu.addAction(action)
        window.show_actions[kind] = action


def _language_menu(window: MainWindow, menu: QMenu) -> None:
    """View → Language: the system's, or one of ours (each named in its own language)."""
    group = QActionGroup(menu)
    chosen = str(window.settings.value(SETTING, "system"))
    choices = {"system": QCoreApplication.translate("WindowMenus", "&System Language")}
    choices |= {code: f"&{name}" for code, name in LANGUAGES.items()}
    window.language_actions = {}
    for code, label in choices.items():
        action = menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setActionGroup(group)
        action.triggered.connect(lambda _=False, c=code: switch_language(window, c))
        window.language_actions[code] = action
