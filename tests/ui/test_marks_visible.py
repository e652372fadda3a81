"""Your marks, visible: search marks and highlights told apart by their shape in every
theme; the highlights panel opened only when asked or as remembered; a note on hover;
tags under the byline and in the filter, live; copy with citation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QTextEdit, QToolTip
from pytestqt.qtbot import QtBot

from reader.ui.plain_text import literal
from reader.ui.window.main_window import MainWindow
from tests.ui.driving import highlighted_text, open_article, saved, select_words

NO_LINE = QTextCharFormat.UnderlineStyle.NoUnderline


def layer(window: MainWindow, name: str) -> list[QTextEdit.ExtraSelection]:
    return list(window.reading._layers.get(name, []))


def filled(fmt: QTextCharFormat) -> bool:
    return fmt.hasProperty(QTextCharFormat.Property.BackgroundBrush)


def test_search_marks_are_lines_and_highlights_are_fills_in_every_theme(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "renforcer sa sécurité")
    window.annotator.highlight_selection("yellow")
    for theme in ("light", "sepia", "dark", "system"):
        window.controls.choose("theme", theme)
        window.reading.hits.mark(None, "fr")
        window.find_bar.open_bar()
        qtbot.keyClicks(window.find_bar.field, "forces")
        window.find_bar.search()
        [highlight] = layer(window, "highlights")
        finds = layer(window, "find")
        assert finds, theme
        assert filled(highlight.format), theme
        for mark in finds:
            assert not filled(mark.format), theme  # a line, never a fill like a highlight
            assert mark.format.underlineStyle() != NO_LINE, theme
        assert finds[0].format.fontOverline()  # the current one is boxed in
        window.find_bar.field.clear()


def test_library_search_hits_are_underlined_not_filled(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.session.search.results_ready, timeout=10_000):
        window.search_field.setText("forces")
    open_article(qtbot, window, "Le Mali")
    qtbot.waitUntil(lambda: bool(layer(window, "hits")))
    for mark in layer(window, "hits"):
        assert not filled(mark.format)
        assert mark.format.underlineStyle() != NO_LINE


def test_a_note_shows_on_hover_over_its_highlight_as_written(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "renforcer sa sécurité")
    window.annotator.highlight_selection("yellow")
    note = "<b>Check</b> the <img src='/dev/zero'> source & date"
    window.annotator.set_note(saved(window)[0].id, note)
    view = window.reading
    start, end = window.annotator.layer.spans[0][:2]
    cursor = QTextCursor(view.document())
    cursor.setPosition((start + end) // 2)
    inside = view.cursorRect(cursor).center()
    QApplication.sendEvent(
        view.viewport(),
        QHelpEvent(QEvent.Type.ToolTip, inside, view.viewport().mapToGlobal(inside)),
    )
    assert QToolTip.isVisible()
    assert QToolTip.text() == literal(note)  # shown as written, never as HTML
    cursor.setPosition(end + 12)
    outside = view.cursorRect(cursor).center()
    QApplication.sendEvent(
        view.viewport(),
        QHelpEvent(QEvent.Type.ToolTip, outside, view.viewport().mapToGlobal(outside)),
    )
    qtbot.waitUntil(lambda: not QToolTip.isVisible())  # past the highlight: no note


def test_the_panel_opens_when_asked_not_on_the_first_highlight_and_is_remembered(
    qtbot: QtBot, window: MainWindow, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "renforcer sa sécurité")
    qtbot.keyClick(window.reading, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert saved(window) and not window.panel.isVisible()  # the list keeps its room
    assert window.panel.list.count() == 1  # listed, for when it is opened
    toggle = window.panel.toggleViewAction()
    toggle.trigger()  # View → Highlights and Notes Panel (Ctrl+Shift+A)
    assert window.panel.isVisible()
    window.close()
    again = open_window(library)
    assert again.panel.isVisible()  # as the reader left it
    again.panel.toggleViewAction().trigger()
    again.close()
    third = open_window(library)
    assert not third.panel.isVisible()


def test_the_all_highlights_view_gets_out_of_the_way_of_the_passage_it_opens(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "forces armées")
    window.annotator.highlight_selection("yellow")
    open_article(qtbot, window, "The harbour")
    window.show_all_annotations()
    dialog = window._all_annotations
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.list.count() == 2)
    qtbot.keyClicks(dialog.field, "armees")
    dialog.list.setCurrentRow(1)
    with qtbot.waitSignal(window.session.articles.ready, timeout=10_000):
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert not dialog.isVisible()  # the passage is not under it
    row = window.current_row()
    assert row is not None and row.title.startswith("Le Mali")
    window.show_all_annotations()  # back as it was left
    assert dialog.isVisible() and dialog.field.text() == "armees"
    dialog.close()


def tag_choices(window: MainWindow) -> list[str]:
    box = window.filter_bar.tag_box
    return [box.itemText(n) for n in range(1, box.count())]


def test_the_tag_filter_lists_every_tag_live(
    qtbot: QtBot, window: MainWindow, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    open_article(qtbot, window, "Le Mali")
    mali = window.annotator.opened
    assert mali is not None
    window.state.add_tag(mali.id, "sahel")
    qtbot.waitUntil(lambda: tag_choices(window) == ["sahel"])  # as soon as it is made
    window.close()
    again = open_window(library)  # the reader's tags load after the list is filled
    qtbot.waitUntil(lambda: tag_choices(again) == ["sahel"])
    again.state.rename_tag("sahel", "Sahel 2023")
    qtbot.waitUntil(lambda: tag_choices(again) == ["Sahel 2023"])
    with qtbot.waitSignal(again.session.refresh.done, timeout=10_000):
        (library / "storm.md").write_text(
            "---\ntitle: Storm\ntags: [weather]\n---\n\nRain.\n", encoding="utf-8"
        )
    qtbot.waitUntil(lambda: tag_choices(again) == ["Sahel 2023", "weather"])
    box = again.filter_bar.tag_box
    box.setCurrentIndex(box.findData("Sahel 2023"))  # the filter works on a reader's tag
    assert [again.model.index(r, 0).data() for r in range(again.model.rowCount())] == [
        mali_title(again)
    ]


def mali_title(window: MainWindow) -> str:
    return next(r.title for r in window.model._rows.values() if r.title.startswith("Le Mali"))


def edit_action(window: MainWindow, text: str) -> QAction:
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None and menu_action.text().replace("&", "") == "Edit":
            for action in menu.actions():  # type: ignore[attr-defined]
                if action.text().replace("&", "") == text:
                    return action  # type: ignore[no-any-return]
    raise AssertionError(text)


def test_copy_with_citation_puts_a_blockquote_and_where_it_is_from_on_the_clipboard(
    qtbot: QtBot, window: MainWindow, library: Path
) -> None:
    open_article(qtbot, window, "The harbour")
    action = edit_action(window, "Copy with Citation")
    assert action.shortcut().toString() == "Ctrl+Shift+C"
    select_words(window, "Fishing boats left the harbour")
    window.reading.setFocus()
    qtbot.keyClick(
        window.reading,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    path = library / "harbour.md"
    where = f"— The harbour at dawn · Reuters · 1987-02-26 · {path}"
    assert QApplication.clipboard().text() == f"> Fishing boats left the harbour\n\n{where}\n"
    # plain copy is still plain
    select_words(window, "before dawn")
    qtbot.keyClick(window.reading, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "before dawn"
    # a highlight clicked, nothing selected: the highlight's quote
    select_words(window, "running ahead of the storm")
    window.annotator.highlight_selection("yellow")
    start, end = window.annotator.layer.spans[0][:2]
    cursor = QTextCursor(window.reading.document())
    cursor.setPosition((start + end) // 2)
    point = window.reading.cursorRect(cursor).center()
    qtbot.mouseClick(window.reading.viewport(), Qt.MouseButton.LeftButton, pos=point)
    window.annotator.popup_menu.close() if window.annotator.popup_menu else None
    assert not window.reading.textCursor().hasSelection()
    action.trigger()
    assert (
        QApplication.clipboard().text().startswith("> running ahead of the storm\n\n— The harbour")
    )


def test_an_articles_tags_show_under_its_byline_as_written_and_live(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "renforcer sa sécurité")
    window.annotator.highlight_selection("yellow")
    mali = window.annotator.opened
    assert mali is not None
    window.state.add_tag(mali.id, "<b>sahel</b>")
    qtbot.waitUntil(lambda: "Tags: <b>sahel</b>" in window.reading.toPlainText())
    text = window.reading.toPlainText()
    byline = text.index(mali.byline)
    assert byline < text.index("Tags: <b>sahel</b>") < text.index("L’aide de Moscou")
    assert highlighted_text(window) == ["renforcer sa sécurité"]  # still on its words
    window.state.add_tag(mali.id, "défense")
    qtbot.waitUntil(lambda: "Tags: <b>sahel</b> · défense" in window.reading.toPlainText())
    open_article(qtbot, window, "The harbour")
    assert "Tags:" not in window.reading.toPlainText()
    open_article(qtbot, window, "Le Mali")
    assert "Tags: <b>sahel</b> · défense" in window.reading.toPlainText()
    assert highlighted_text(window) == ["renforcer sa sécurité"]
