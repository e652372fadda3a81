"""A note is kept to ``MAX_NOTE_CHARS`` in the window, and a long one never fills a row."""

from __future__ import annotations

from driving import open_article, saved, select_words
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.limits import MAX_NOTE_CHARS
from reader.core.operations import SearchResults
from reader.ui.session.search_steps import results_to_list
from reader.ui.window.main_window import MainWindow


def _highlight(qtbot: QtBot, window: MainWindow) -> str:
    open_article(qtbot, window, "Le Mali a pu")
    select_words(window, "renforcer sa sécurité")
    window.annotator.highlight_selection("yellow")
    [highlight] = saved(window)
    return highlight.id


def test_the_note_editor_stops_at_the_limit_and_says_so(qtbot: QtBot, window: MainWindow) -> None:
    window.panel.edit_note(_highlight(qtbot, window))
    editor = window.panel.note
    assert not window.panel.note_full.isVisibleTo(window.panel)
    QApplication.clipboard().setText("quokka " * 1_500_000)  # ten million characters
    editor.paste()
    qtbot.waitUntil(lambda: len(saved(window)[0].note) == MAX_NOTE_CHARS)
    assert window.panel.note_full.isVisibleTo(window.panel)
    assert f"{MAX_NOTE_CHARS:,}".replace(",", "") in window.panel.note_full.text().replace(",", "")
    qtbot.keyClicks(editor, "more words")  # typed at the end of a full note: not kept
    window.panel.flush_note()
    assert len(saved(window)[0].note) == MAX_NOTE_CHARS
    assert editor.toPlainText() == ("quokka " * 1_500_000)[:MAX_NOTE_CHARS]
    editor.selectAll()
    qtbot.keyClicks(editor, "short")  # room again
    qtbot.waitUntil(lambda: saved(window)[0].note == "short")
    assert not window.panel.note_full.isVisibleTo(window.panel)


def test_a_ten_million_character_note_never_fills_a_row_of_the_panel(
    qtbot: QtBot, window: MainWindow
) -> None:
    highlight_id = _highlight(qtbot, window)
    window.annotator.set_note(highlight_id, "quokka " + "lorem ipsum " * 830_000)
    qtbot.waitUntil(lambda: "quokka" in window.panel.list.item(0).text())
    row = window.panel.list.item(0)
    assert len(row.text()) < 2000 and len(row.toolTip()) < 2000
    assert len(saved(window)[0].note) == MAX_NOTE_CHARS  # what an import would accept


def test_a_note_line_of_ten_million_characters_reaches_a_search_row_cut() -> None:
    line = "quokka " + "lorem ipsum " * 830_000  # as a caller other than the core may give
    results = SearchResults(query="quokka", hits=[], total=1, notes={7: line})
    shown = results_to_list(results, "In a highlight: {0}").snippets_html[7]
    assert "<mark>quokka</mark>" in shown and len(shown) < 2000
