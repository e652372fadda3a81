"""The window's menus: every action, with its shortcut, in one place.

The menus are given what they show (:class:`MenuParts`: the actions other parts own,
and the window's commands as callables), never the window itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from reader.i18n import LANGUAGES
from reader.ui.annotations.citation import CitationCopier
from reader.ui.annotations.controller import AnnotationController
from reader.ui.annotations.reading_state import ReadingState
from reader.ui.reading.hit_marks import HitMarks
from reader.ui.reading.reading_controls import ReadingControls
from reader.ui.window.export_actions import ExportActions
from reader.ui.window.history import History
from reader.ui.window.library_menu import LibraryMenu
from reader.ui.window.list_menu import ListActions
from reader.ui.window.navigation import Navigation


@dataclass(frozen=True)
class MenuParts:
    """What the menus hold: actions other parts own, and the window's commands."""

    libraries: LibraryMenu
    exports: ExportActions
    annotator: AnnotationController
    navigation: Navigation
    history: History
    list_actions: ListActions
    state: ReadingState
    controls: ReadingControls
    hits: HitMarks
    panel_action: QAction  # the panel's toggle
    language: str  # the interface language chosen: system, en, fr
    rescan: Callable[[], None]
    focus_search: Callable[[], None]
    find_in_article: Callable[[], None]
    edit_tags: Callable[[], None]  # of the article shown
    show_all_annotations: Callable[[], None]
    show_shortcuts: Callable[[], None]
    show_kind: Callable[[str], None]  # the list's filter: all, unread, starred


@dataclass(frozen=True)
class WindowMenus:
    """What the window keeps of its menus."""

    show_actions: dict[str, QAction]  # View → All Articles, Unread, Starred
    language_actions: dict[str, QAction]  # View → Language
    article_menu: QMenu  # where the triage keys go (reader.ui.window.triage_parts)
    view_menu: QMenu


def build_menus(window: QMainWindow, parts: MenuParts) -> WindowMenus:
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("WindowMenus", "&File"))
    file_menu.addAction(parts.libraries.open_action)
    file_menu.addMenu(parts.libraries.recent_menu)
    refresh = QAction(QCoreApplication.translate("WindowMenus", "Re&scan Library"), window)
    refresh.setShortcut(QKeySequence.StandardKey.Refresh)
    refresh.triggered.connect(parts.rescan)
    file_menu.addAction(refresh)
    file_menu.addSeparator()
    exports = parts.exports
    file_menu.addActions([exports.markdown_action, exports.jsonld_action, exports.article_action])
    file_menu.addAction(exports.import_action)
    annotator = parts.annotator
    model = parts.list_actions.model
    exports.follow_article(lambda: model.article(annotator.opened.id) if annotator.opened else None)
    file_menu.aboutToShow.connect(exports.update_article_action)
    file_menu.addSeparator()
    file_menu.addAction(parts.list_actions.print_action)
    file_menu.addSeparator()
    quit_action = QAction(QCoreApplication.translate("WindowMenus", "&Quit"), window)
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)

    edit_menu = bar.addMenu(QCoreApplication.translate("WindowMenus", "&Edit"))
    edit_menu.addActions([annotator.undo_action, annotator.redo_action])
    citation = CitationCopier(annotator, parts.list_actions.model, parts.list_actions.root, window)
    edit_menu.addAction(citation.action)  # beside the pane's plain copy (Ctrl+C)
    annotator.copy_actions.append(citation.action)  # and in the pane's context menu
    edit_menu.addSeparator()
    find = QAction(QCoreApplication.translate("WindowMenus", "&Search Articles"), window)
    find.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("/")])
    find.triggered.connect(parts.focus_search)
    next_hit = QAction(QCoreApplication.translate("WindowMenus", "&Next Hit"), window)
    next_hit.setShortcut(QKeySequence.StandardKey.FindNext)
    next_hit.triggered.connect(lambda: parts.hits.step(1))
    previous_hit = QAction(QCoreApplication.translate("WindowMenus", "&Previous Hit"), window)
    previous_hit.setShortcut(QKeySequence.StandardKey.FindPrevious)
    previous_hit.triggered.connect(lambda: parts.hits.step(-1))
    find_in_article = QAction(
        QCoreApplication.translate("WindowMenus", "&Find in Article…"), window
    )
    find_in_article.setShortcut(QKeySequence.StandardKey.Find)
    find_in_article.triggered.connect(parts.find_in_article)
    edit_menu.addActions([find, next_hit, previous_hit, find_in_article])

    article_menu = bar.addMenu(QCoreApplication.translate("WindowMenus", "&Article"))
    navigation = parts.navigation
    article_menu.addActions([navigation.next_action, navigation.previous_action])
    article_menu.addActions([parts.history.back_action, parts.history.forward_action])
    article_menu.addSeparator()
    caret_action = annotator.view.caret.action
    article_menu.addActions([caret_action, annotator.highlight_action, annotator.note_action])
    window.addAction(caret_action)
    article_menu.addSeparator()
    state = parts.state
    state.star_action.setShortcuts([QKeySequence("Ctrl+D"), QKeySequence("S")])
    # m (Google Reader, Feedly, Inoreader), r and u (NetNewsWire): each toggles, as Ctrl+U.
    state.read_action.setShortcuts([QKeySequence(key) for key in ("Ctrl+U", "M", "R", "U")])
    tags = QAction(QCoreApplication.translate("WindowMenus", "&Tags…"), window)
    tags.setShortcut(QKeySequence("Ctrl+T"))
    tags.triggered.connect(lambda: parts.edit_tags())
    article_menu.addActions([state.star_action, state.read_action, tags])
    article_menu.addAction(parts.list_actions.mark_all_action)
    window.addActions([state.star_action, state.read_action, tags])

    view_menu = bar.addMenu(QCoreApplication.translate("WindowMenus", "&View"))
    show_actions = _show_menu(window, view_menu, parts.show_kind)
    view_menu.addSeparator()
    panel_action = parts.panel_action
    panel_action.setText(QCoreApplication.translate("WindowMenus", "&Highlights and Notes Panel"))
    panel_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
    all_highlights = QAction(
        QCoreApplication.translate("WindowMenus", "All Highlights and Notes…"), window
    )
    all_highlights.setShortcut(QKeySequence("Ctrl+Shift+L"))
    all_highlights.triggered.connect(parts.show_all_annotations)
    view_menu.addActions([panel_action, all_highlights, parts.list_actions.full_screen_action])
    view_menu.addSeparator()
    parts.controls.fill_menu(view_menu)
    language_actions = _language_menu(
        view_menu.addMenu(QCoreApplication.translate("WindowMenus", "&Language")),
        parts.language,
        parts.libraries.switch_language,
    )

    help_menu = bar.addMenu(QCoreApplication.translate("WindowMenus", "&Help"))
    shortcuts = QAction(QCoreApplication.translate("WindowMenus", "&Keyboard Shortcuts"), window)
    shortcuts.setShortcuts([QKeySequence("?"), QKeySequence("Ctrl+/")])
    shortcuts.triggered.connect(parts.show_shortcuts)
    help_menu.addAction(shortcuts)
    window.addAction(shortcuts)
    return WindowMenus(show_actions, language_actions, article_menu, view_menu)


def _show_menu(
    window: QMainWindow, menu: QMenu, show_kind: Callable[[str], None]
) -> dict[str, QAction]:
    """View → All Articles, Unread, Starred: the list's filter, as radio items."""
    group = QActionGroup(window)
    show_actions = {}
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
        action.triggered.connect(lambda _=False, k=kind: show_kind(k))
        menu.addAction(action)
        show_actions[kind] = action
    return show_actions


def _language_menu(
    menu: QMenu, chosen: str, switch_language: Callable[[str], None]
) -> dict[str, QAction]:
    """View → Language: the system's, or one of ours (each named in its own language)."""
    group = QActionGroup(menu)
    choices = {"system": QCoreApplication.translate("WindowMenus", "&System Language")}
    choices |= {code: f"&{name}" for code, name in LANGUAGES.items()}
    language_actions = {}
    for code, label in choices.items():
        action = menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setActionGroup(group)
        action.triggered.connect(lambda _=False, c=code: switch_language(c))
        language_actions[code] = action
    return language_actions
