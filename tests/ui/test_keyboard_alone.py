"""The keyboard alone, all the way: select text and highlight it (caret mode), take the
"did you mean" offer, mark read with a letter (and no letter jumps to a random title),
and Back to the article read, not to every row the arrows passed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui.library_list.article_model import ID_ROLE
from reader.ui.reading.caret_mode import sentence_ends, sentence_starts
from reader.ui.window.main_window import MainWindow
from reader.ui.window.shortcuts_dialog import ShortcutsDialog
from tests.ui.driving import highlighted_text, open_article, saved, settle

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
HARBOUR_SENTENCE = "Fishing boats left the harbour before dawn, running ahead of the storm."


def shown_id(window: MainWindow) -> int | None:
    opened = window.annotator.opened
    return opened.id if opened is not None else None


def id_titled(window: MainWindow, title: str) -> int:
    for row in range(window.model.rowCount()):
        if window.model.index(row, 0).data() == title:
            return int(window.model.index(row, 0).data(ID_ROLE))
    raise AssertionError(title)


def caret_block(window: MainWindow) -> str:
    return window.reading.textCursor().block().text()


def enter_caret_mode(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_F7)
    qtbot.waitUntil(window.reading.hasFocus)
    assert window.reading_pane.caret_hint.isVisible()  # it says what the arrows do now


def caret_to_paragraph(qtbot: QtBot, window: MainWindow, start: str) -> None:
    for _ in range(10):
        if caret_block(window).startswith(start):
            return
        qtbot.keyClick(window.reading, Qt.Key.Key_Down, CTRL)
    raise AssertionError(f"no paragraph starts with {start!r}")


# --- caret mode: select and highlight by keys -------------------------------------------


def test_caret_mode_selects_a_sentence_by_keys_and_ctrl_h_highlights_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "The harbour at dawn")
    enter_caret_mode(qtbot, window)
    caret_to_paragraph(qtbot, window, "Fishing")
    qtbot.keyClick(window.reading, Qt.Key.Key_ParenRight, SHIFT)  # to the sentence's end
    assert window.reading.textCursor().selectedText() == HARBOUR_SENTENCE
    assert window.annotator.toolbar.isVisible()  # a selection by keys is offered, as the mouse's
    qtbot.keyClick(window.reading, Qt.Key.Key_H, CTRL)
    assert highlighted_text(window) == [HARBOUR_SENTENCE]
    [annotation] = saved(window)
    assert annotation.quote == HARBOUR_SENTENCE


def test_caret_mode_words_and_a_note_by_keys_then_escape_gives_the_reading_keys_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "The harbour at dawn")
    harbour = shown_id(window)
    enter_caret_mode(qtbot, window)
    caret_to_paragraph(qtbot, window, "Fishing")
    for _ in range(2):
        qtbot.keyClick(window.reading, Qt.Key.Key_Right, CTRL | SHIFT)
    assert window.reading.textCursor().selectedText().strip() == "Fishing boats"
    qtbot.keyClick(window.reading, Qt.Key.Key_H, CTRL | SHIFT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.panel.note)
    qtbot.keyClicks(window.panel.note, "Before the storm")
    qtbot.keyClick(window.panel.note, Qt.Key.Key_Escape)  # the note is kept; back to reading
    assert window.reading.hasFocus()
    qtbot.waitUntil(lambda: [a.note for a in saved(window)] == ["Before the storm"])
    assert [a.quote for a in saved(window)] == ["Fishing boats"]
    qtbot.keyClick(window.reading, Qt.Key.Key_Escape)  # nothing selected: leaves the mode
    assert not window.reading.caret.on and not window.reading_pane.caret_hint.isVisible()
    qtbot.keyClick(window.reading, Qt.Key.Key_K)  # the reading keys are as before
    qtbot.waitUntil(lambda: shown_id(window) not in (None, harbour), timeout=10_000)


def test_j_and_space_still_work_in_caret_mode_and_down_scrolls_without_it(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    body = "\n\n".join(f"Paragraph {n} about the tides. It goes on." for n in range(120))
    (library / "long.md").write_text(
        f"---\ntitle: A long read\ndate: 2100-01-01\n---\n\n{body}\n", "utf-8"
    )
    window = open_window(library)
    open_article(qtbot, window, "A long read")
    long_read = shown_id(window)
    bar = window.reading.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    window.activateWindow()
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_Down)  # caret mode off: the arrow scrolls
    assert bar.value() > 0
    enter_caret_mode(qtbot, window)
    top = bar.value()
    qtbot.keyClick(window.reading, Qt.Key.Key_Space)  # pages, as ever
    assert bar.value() > top
    qtbot.keyClick(window.reading, Qt.Key.Key_Down, SHIFT)  # from the page the reader is on
    assert "Paragraph 0 " not in window.reading.textCursor().selectedText()
    assert window.reading.cursorRect().top() >= 0
    qtbot.keyClick(window.reading, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: shown_id(window) not in (None, long_read), timeout=10_000)
    assert window.reading.caret.on  # the mode stays on from article to article


def test_sentences_end_at_their_stop_and_start_at_their_first_letter() -> None:
    text = "« Vraiment ? » Oui, dit-il. Enfin… peut-être (demain.) Puis"
    ends = sentence_ends(text)
    assert [text[:end] for end in ends][:3] == [text[:14], text[:27], text[:34]]
    assert text[: ends[3]].endswith("(demain.)") and ends[-1] == len(text)
    assert [text[start:][:4] for start in sentence_starts(text)] == [
        "« Vr",
        "Oui,",
        "Enfi",
        "peut",
        "Puis",
    ]


# --- "did you mean" by keys ----------------------------------------------------------------


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Space])
def test_tab_reaches_did_you_mean_and_a_key_takes_it(
    qtbot: QtBot, window: MainWindow, key: Qt.Key
) -> None:
    window.activateWindow()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Slash)
    with qtbot.waitSignal(window.session.search.results_ready, timeout=10_000):
        qtbot.keyClicks(window.search_field, "harbuor")
    suggestion = window.search_bar.suggestion
    qtbot.waitUntil(suggestion.isVisible, timeout=10_000)
    assert "harbour" in suggestion.accessibleName()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is suggestion
    qtbot.keyClick(suggestion, key)
    assert window.search_field.text() == "harbour"
    assert window.search_field.hasFocus()  # the keys go on: Down to the hits
    qtbot.waitUntil(lambda: not suggestion.isVisible())


# --- letters are commands, never type-ahead -------------------------------------------------


@pytest.fixture
def lettered(library: Path) -> Path:
    """Titles starting with m, u, r and z: where type-ahead would jump."""
    for title in ("Markets rally", "Unions strike", "Rain at last", "Zebras in town"):
        (library / f"{title[:4].lower()}.md").write_text(
            f"---\ntitle: {title}\ndate: 1900-01-01\n---\n\n{title}.\n", "utf-8"
        )
    return library


def test_m_u_r_mark_read_and_unread_and_no_letter_jumps_to_a_title(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], lettered: Path
) -> None:
    window = open_window(lettered)
    open_article(qtbot, window, "The harbour at dawn")
    harbour = id_titled(window, "The harbour at dawn")
    window.activateWindow()
    window.list_view.setFocus()
    row = window.list_view.currentIndex().row()
    assert window.model.unread(harbour)
    qtbot.keyClick(window.list_view, Qt.Key.Key_M)
    assert not window.model.unread(harbour)
    qtbot.keyClick(window.list_view, Qt.Key.Key_U)
    assert window.model.unread(harbour)
    qtbot.keyClick(window.list_view, Qt.Key.Key_R)
    assert not window.model.unread(harbour)
    qtbot.keyClick(window.list_view, Qt.Key.Key_Z)  # bound to nothing: does nothing
    assert window.list_view.currentIndex().row() == row  # not "Zebras in town"
    qtbot.keyClicks(window.list_view, "ax")
    assert window.list_view.currentIndex().row() == row
    assert shown_id(window) == harbour
    qtbot.keyClick(window.list_view, Qt.Key.Key_Slash)  # typed in a field, letters are text
    qtbot.keyClicks(window.search_field, "mur")
    assert window.search_field.text() == "mur"
    assert not window.model.unread(harbour)


def test_the_cheat_sheet_lists_the_letters_and_caret_mode(qtbot: QtBot, window: MainWindow) -> None:
    open_article(qtbot, window, "The harbour at dawn")
    window.activateWindow()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Question)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ShortcutsDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ShortcutsDialog)
    entries = dialog.entries()
    read_keys = next(keys for text, keys in entries.items() if text.startswith("Mark as"))
    assert {"M", "R", "U"} <= set(read_keys.split(", "))
    assert "S" in entries["Star"].split(", ")
    assert entries["Caret Mode (Select with Keys)"] == "F7"
    assert entries["Select to the sentence's end, back to its start"] == "), ("
    dialog.reject()


# --- Back: the articles read, not the rows passed -------------------------------------------


@pytest.fixture
def dated(library_root: Path) -> Path:
    for n in range(6):
        (library_root / f"day{n}.md").write_text(
            f"---\ntitle: Day {n}\ndate: 2020-01-0{n + 1}\n---\n\nThe news of day {n}.\n", "utf-8"
        )
    return library_root


def back_on(qtbot: QtBot, window: MainWindow, title: str) -> None:
    """Back (or Forward) went to ``title``: it is the list's row, and shown once every
    article asked for has loaded."""
    qtbot.waitUntil(lambda: window.list_view.currentIndex().data() == title)
    settle(qtbot, window)
    assert shown_id(window) == id_titled(window, title)


def test_back_returns_to_the_article_read_not_the_rows_arrowed_past(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], dated: Path
) -> None:
    window = open_window(dated)
    open_article(qtbot, window, "Day 4")  # newest first: the second row
    day4, day0 = id_titled(window, "Day 4"), id_titled(window, "Day 0")
    qtbot.waitUntil(lambda: not window.model.unread(day4), timeout=10_000)  # read it
    window.activateWindow()
    window.list_view.setFocus()
    for _ in range(4):  # Day 3, 2, 1 go by; Day 0 is where the reader stops
        qtbot.keyClick(window.list_view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: shown_id(window) == day0, timeout=10_000)
    qtbot.waitUntil(lambda: not window.model.unread(day0), timeout=10_000)  # and reads it
    qtbot.keyClick(window.list_view, Qt.Key.Key_Left, ALT)
    back_on(qtbot, window, "Day 4")
    qtbot.keyClick(window.list_view, Qt.Key.Key_Right, ALT)
    back_on(qtbot, window, "Day 0")


def test_back_from_a_row_only_glanced_at_returns_to_the_article_read(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], dated: Path
) -> None:
    window = open_window(dated)
    open_article(qtbot, window, "Day 4")
    day4 = id_titled(window, "Day 4")
    qtbot.waitUntil(lambda: not window.model.unread(day4), timeout=10_000)
    window.activateWindow()
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Down)
    qtbot.keyClick(window.list_view, Qt.Key.Key_Down)  # Day 2, shown a moment
    assert window.history.back_action.isEnabled()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Left, ALT)
    back_on(qtbot, window, "Day 4")
