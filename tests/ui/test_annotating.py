"""Highlighting through the real widgets: select, highlight, note, colour, delete, undo."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from driving import highlighted_text, open_article, saved, select_words
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.catalog import store
from reader.ui.window.main_window import MainWindow


def test_shortcut_highlights_the_selection_and_it_is_saved(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "renforcer sa sécurité")
    qtbot.keyClick(window.reading, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert highlighted_text(window) == ["renforcer sa sécurité"]
    [annotation] = saved(window)
    assert annotation.quote == "renforcer sa sécurité"
    assert annotation.selectors.quote.suffix.startswith(" grâce à la Russie")
    assert annotation.color == "yellow"
    assert window.panel.list.count() == 1


def test_the_floating_toolbar_appears_on_selection_and_highlights_in_its_colour(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    view = window.reading
    select_words(window, "lutte contre le terrorisme")
    rect = view.cursorRect(view.textCursor())
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    toolbar = window.annotator.toolbar
    assert toolbar.isVisible()
    qtbot.mouseClick(toolbar.buttons["green"], Qt.MouseButton.LeftButton)
    assert [a.color for a in saved(window)] == ["green"]
    assert not toolbar.isVisible()
    # The colour chosen last is the one the shortcut uses next.
    select_words(window, "forces armées")
    window.annotator.highlight_action.trigger()
    assert sorted(a.color for a in saved(window)) == ["green", "green"]


def test_a_note_typed_in_the_panel_is_saved_and_changes_the_look(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "L’aide de Moscou")
    window.annotator.note_action.trigger()
    assert window.panel.isVisible()
    assert window.panel.note.hasFocus() or window.panel.note.isEnabled()
    qtbot.keyClicks(window.panel.note, "Source to check")  # QTest types ASCII only
    qtbot.waitUntil(lambda: bool(saved(window)) and saved(window)[0].note == "Source to check")
    selection = window.reading.extraSelections()[0]
    assert selection.format.underlineStyle() != selection.format.UnderlineStyle.NoUnderline
    assert "Source to check" in window.panel.list.item(0).text()


def test_click_on_a_highlight_offers_colours_and_delete_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "renforcer sa sécurité")
    window.annotator.highlight_selection("yellow")
    view = window.reading
    start, end, _ = window.annotator.layer.spans[0]
    cursor = QTextCursor(view.document())
    cursor.setPosition((start + end) // 2)
    point = view.cursorRect(cursor).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    menu = window.annotator.popup_menu
    assert menu is not None and menu.isVisible()
    by_text = {action.text(): action for action in menu.actions()}
    by_text["Pink"].trigger()
    menu.close()
    assert [a.color for a in saved(window)] == ["pink"]

    window.annotator.delete(saved(window)[0].id)
    assert saved(window) == []
    assert highlighted_text(window) == []
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the delete
    assert [a.color for a in saved(window)] == ["pink"]
    assert highlighted_text(window) == ["renforcer sa sécurité"]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the colour
    assert [a.color for a in saved(window)] == ["yellow"]
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_Z, redo)
    assert [a.color for a in saved(window)] == ["pink"]


def test_overlapping_highlights_and_one_over_the_title_and_two_paragraphs(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "renforcer sa sécurité")  # in the title
    window.annotator.highlight_selection("yellow")
    select_words(window, "sa sécurité grâce")  # overlaps the first
    window.annotator.highlight_selection("blue")
    view = window.reading
    cursor = view.document().find("terrorisme.")
    end_cursor = view.document().find("Nous avons")
    cursor.setPosition(cursor.selectionStart())
    cursor.setPosition(end_cursor.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)  # across two paragraphs
    window.annotator.highlight_selection("green")
    quotes = sorted(a.quote for a in saved(window))
    assert quotes == ["renforcer sa sécurité", "sa sécurité grâce", "terrorisme.\n« Nous avons"]
    # A click where both overlap picks the shorter, innermost one.
    inner = window.reading.document().find("sécurité")
    start = inner.selectionStart() + 2
    assert window.annotator.layer.at(start) is not None
    assert window.annotator.layer.at(start).annotation.quote in (  # type: ignore[union-attr]
        "renforcer sa sécurité",
        "sa sécurité grâce",
    )
    assert highlighted_text(window)[0] == "renforcer sa sécurité"


def test_highlights_come_back_when_the_article_is_reopened_and_after_an_edit(
    qtbot: QtBot, window: MainWindow, library: Path
) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "lutte contre le terrorisme")
    window.annotator.highlight_selection("purple")
    window.tasks.wait_idle()
    open_article(qtbot, window, "The harbour")
    assert highlighted_text(window) == []
    # The file is edited on disk: a sentence is inserted before the highlight.
    mali = library / "mali.txt"
    text = mali.read_text(encoding="utf-8").replace(
        "L’aide de Moscou", "Une phrase ajoutée au début. L’aide de Moscou"
    )
    with qtbot.waitSignal(window.session.refresh.done, timeout=15_000):
        mali.write_text(text, encoding="utf-8")
    open_article(qtbot, window, "Le Mali")
    assert highlighted_text(window) == ["lutte contre le terrorisme"]


def test_panel_filters_by_colour_and_text_and_clicking_scrolls_to_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    for words, color in (("renforcer sa sécurité", "yellow"), ("forces armées", "blue")):
        select_words(window, words)
        window.annotator.highlight_selection(color)
    panel = window.panel
    assert panel.list.count() == 2
    assert "renforcer" in panel.list.item(0).text()  # reading order
    panel.color_filter.setCurrentIndex(panel.color_filter.findData("blue"))
    assert panel.list.count() == 1 and "forces armées" in panel.list.item(0).text()
    panel.color_filter.setCurrentIndex(0)
    qtbot.keyClicks(panel.text_filter, "securite")  # accents folded
    assert panel.list.count() == 1 and "renforcer" in panel.list.item(0).text()
    panel.text_filter.clear()
    item = panel.list.item(1)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    focused = [s for s in window.reading.extraSelections() if s.format.background().color()]
    assert focused  # painted; the focused one is drawn deeper


def test_an_orphan_is_listed_and_can_be_placed_by_hand_on_a_new_selection(
    qtbot: QtBot, window: MainWindow, library: Path
) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "lutte contre le terrorisme")
    window.annotator.highlight_selection("yellow")
    window.tasks.wait_idle()
    open_article(qtbot, window, "The harbour")
    mali = library / "mali.txt"
    text = mali.read_text(encoding="utf-8").replace(
        "pour mener sa lutte contre le terrorisme", "dans un tout autre domaine"
    )
    with qtbot.waitSignal(window.session.refresh.done, timeout=15_000):
        mali.write_text(text, encoding="utf-8")
    open_article(qtbot, window, "Le Mali")
    panel = window.panel
    assert panel.orphans.count() == 1 and panel.orphans.isVisibleTo(panel)
    assert "lutte contre le terrorisme" in panel.orphans.item(0).text()
    select_words(window, "tout autre domaine")
    qtbot.mouseClick(panel.place_orphan_button, Qt.MouseButton.LeftButton)
    assert panel.orphans.count() == 0
    assert highlighted_text(window) == ["tout autre domaine"]
    [annotation] = saved(window)
    assert not annotation.orphan


def test_the_library_wide_view_finds_a_note_and_opens_its_article(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "forces armées")
    window.annotator.highlight_selection("yellow")
    window.annotator.set_note(saved(window)[0].id, "Réorganisation de l'armée")
    open_article(qtbot, window, "The harbour")
    window.show_all_annotations()
    dialog = window._all_annotations
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.list.count() == 2)  # the article, then its highlight
    qtbot.keyClicks(dialog.field, "armee")
    assert dialog.list.count() == 2
    qtbot.keyClicks(dialog.field, " nowhere")
    assert dialog.list.count() == 0
    dialog.field.clear()
    with qtbot.waitSignal(window.session.articles.ready, timeout=10_000):
        dialog._open(dialog.list.item(1))
    assert window.current_row() is not None
    assert window.current_row().title.startswith("Le Mali")  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.panel.list.currentItem() is not None)  # its highlight


def test_context_menu_offers_highlighting(qtbot: QtBot, window: MainWindow) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "forces armées")
    view = window.reading
    point = view.cursorRect(view.textCursor()).center()
    assert window.annotator.highlight_action.isEnabled()
    window.annotator._context_menu(point)
    menus = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.inherits("QMenu")]
    assert any(
        "Highlight Selection" in a.text().replace("&", "") for m in menus for a in m.actions()
    )
    for menu in menus:
        menu.close()


def test_a_read_only_data_folder_shows_what_was_saved_and_refuses_changes(
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    library: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(library)
    open_article(qtbot, window, "Le Mali")
    select_words(window, "forces armées")
    window.annotator.highlight_selection("blue")
    window.tasks.wait_idle()
    window.close()
    # The data folder can no longer be written (as root, chmod would not stop us):
    # opening the saved catalog for writing fails the way SQLite fails then.
    real_init = store.Catalog.__init__

    def read_only_catalog(self: store.Catalog, db_path: Path) -> None:
        if "article-reader-readonly-" not in str(db_path):
            raise sqlite3.OperationalError("attempt to write a readonly database")
        real_init(self, db_path)

    monkeypatch.setattr(store.Catalog, "__init__", read_only_catalog)
    window = open_window(library)
    assert "read-only" in window.statusBar().currentMessage().lower()
    open_article(qtbot, window, "Le Mali")
    assert highlighted_text(window) == ["forces armées"]  # what was saved is shown
    messages: list[str] = []
    window.annotator.message.connect(messages.append)
    select_words(window, "renforcer sa sécurité")
    window.annotator.highlight_selection("yellow")
    assert highlighted_text(window) == ["forces armées"]
    assert messages and "cannot be" in messages[0]


def test_a_highlight_after_an_emoji_covers_the_words_selected(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    """Qt counts an emoji as two positions, Python as one character: both must agree."""
    (library / "emoji.md").write_text(
        "# Des nouvelles 🙂 du port\n\nLes bateaux 🚢🚢 sont rentrés avant la tempête.\n",
        encoding="utf-8",
    )
    window = open_window(library)
    open_article(qtbot, window, "Des nouvelles")
    select_words(window, "avant la tempête")
    window.annotator.highlight_selection("yellow")
    assert highlighted_text(window) == ["avant la tempête"]
    assert [a.quote for a in saved(window)] == ["avant la tempête"]


def test_undoing_a_note_shows_the_old_note_and_typing_does_not_bring_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "forces armées")
    window.annotator.note_action.trigger()
    qtbot.keyClicks(window.panel.note, "first thought")
    qtbot.waitUntil(lambda: saved(window)[0].note == "first thought")
    window.annotator.undo_action.trigger()
    assert saved(window)[0].note == ""
    assert window.panel.note.toPlainText() == ""
    qtbot.keyClicks(window.panel.note, "!")
    qtbot.waitUntil(lambda: saved(window)[0].note == "!")


def test_a_note_typed_just_before_opening_another_article_is_kept(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "forces armées")
    window.annotator.note_action.trigger()
    window.panel._note_timer.setInterval(10_000)  # as if the reader typed the instant before
    qtbot.keyClicks(window.panel.note, "Check this source")
    open_article(qtbot, window, "The harbour")
    assert [a.note for a in saved(window)] == ["Check this source"]


def test_copy_with_citation_is_offered_where_a_selection_is_right_clicked(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "renforcer sa sécurité")
    point = window.reading.cursorRect(window.reading.textCursor()).center()
    window.reading.customContextMenuRequested.emit(point)
    menu = window.annotator.context_menu
    assert menu is not None
    cited = [a for a in menu.actions() if a.shortcut().toString() == "Ctrl+Shift+C"]
    assert cited and cited[0].isEnabled()
    menu.close()
