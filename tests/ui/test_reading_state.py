"""Stars, read state, reading position, tags and the list's filters, through the widgets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from driving import open_article, select_words
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import reader.ui.annotations.reading_state as reading_state
from reader.ui.annotations.tags_dialog import TagsDialog
from reader.ui.library_list.article_model import ID_ROLE, STAR, TITLE, ArticleListModel
from reader.ui.window.main_window import MainWindow

LONG = "Un long article\n\n" + "\n\n".join(
    f"Paragraphe {n} : la route montait encore, et le soir tombait sur la vallée." * 3
    for n in range(80)
)


def row_of(model: ArticleListModel, title_start: str) -> int:
    for row in range(model.rowCount()):
        if model.index(row, TITLE).data().startswith(title_start):
            return row
    raise AssertionError(title_start)


def userdata(window: MainWindow):  # type: ignore[no-untyped-def]
    window.tasks.wait_idle()
    assert window.session.userdata is not None
    return window.session.userdata


def test_ctrl_d_stars_and_the_starred_filter_shows_bookmarks(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    qtbot.keyClick(window.reading, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    model = window.model
    mali = model.index(row_of(model, "Le Mali"), STAR)
    assert mali.data() == "★"
    article_id = mali.data(ID_ROLE)
    assert userdata(window).starred_ids() == {article_id}
    window.show_actions["starred"].trigger()  # View → Starred (Bookmarks)
    assert [model.index(r, TITLE).data()[:7] for r in range(model.rowCount())] == ["Le Mali"]
    assert window.filter_bar.show_box.currentData() == "starred"
    window.filter_bar.set_kind("all")
    harbour = model.index(row_of(model, "The harbour"), STAR)
    rect = window.list_view.visualRect(harbour)
    qtbot.mouseClick(window.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert model.index(row_of(model, "The harbour"), STAR).data() == "★"
    assert len(userdata(window).starred_ids()) == 2


def test_an_article_open_a_few_seconds_becomes_read_and_unread_ones_are_bold(
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    library: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(reading_state, "READ_AFTER_MS", 200)
    window = open_window(library)
    model = window.model
    assert model.index(row_of(model, "Jardins"), TITLE).data(Qt.ItemDataRole.FontRole).bold()
    open_article(qtbot, window, "Jardins")
    article_id = window.annotator.opened.id  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: article_id in userdata(window).read_ids(), timeout=5000)
    assert model.index(row_of(model, "Jardins"), TITLE).data(Qt.ItemDataRole.FontRole) is None
    window.state.read_action.trigger()  # Mark as Unread, by hand
    assert article_id not in userdata(window).read_ids()
    assert model.index(row_of(model, "Jardins"), TITLE).data(Qt.ItemDataRole.FontRole).bold()
    window.filter_bar.set_kind("unread")
    titles = [model.index(r, TITLE).data() for r in range(model.rowCount())]
    assert any(t.startswith("Jardins") for t in titles)


def test_the_reading_position_is_restored_when_the_article_is_reopened(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    (library / "long.txt").write_text(LONG, encoding="utf-8")
    window = open_window(library)
    window.resize(1000, 600)
    open_article(qtbot, window, "Un long article")
    bar = window.reading.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    qtbot.waitUntil(lambda: window.state.top_offset() > 1000)  # scrolled half-way down
    top = window.state.top_offset()
    open_article(qtbot, window, "The harbour")  # leaving saves the position
    open_article(qtbot, window, "Un long article")
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=5000)
    assert abs(window.state.top_offset() - top) < 200


def test_tags_are_added_with_completion_filtered_on_and_renamed_everywhere(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    mali_id = window.annotator.opened.id  # type: ignore[union-attr]
    dialog = TagsDialog(mali_id, window.model, window.state, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.field, "afrique")
    with qtbot.waitSignal(window.state.tags_changed, timeout=5000):
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert userdata(window).tags(mali_id) == ["afrique"]
    assert dialog.list.count() == 1
    assert "afrique" in window.model.all_tags()
    tag_box = window.filter_bar.tag_box
    tag_box.setCurrentIndex(tag_box.findData("afrique"))
    assert window.model.rowCount() == 1
    tag_box.setCurrentIndex(0)
    with qtbot.waitSignal(window.state.tags_changed, timeout=5000):
        window.state.rename_tag("afrique", "Afrique de l'Ouest")
    assert userdata(window).tags(mali_id) == ["Afrique de l'Ouest"]
    assert dialog.list.item(0).text() == "Afrique de l'Ouest"


def test_a_search_that_matches_a_note_says_so_in_the_list(qtbot: QtBot, window: MainWindow) -> None:
    open_article(qtbot, window, "The harbour")
    select_words(window, "ahead of the storm")
    window.annotator.highlight_selection("yellow")
    window.tasks.wait_idle()
    window.annotator.set_note(window.annotator.placed[0].annotation.id, "rappelle Douarnenez")
    window.tasks.wait_idle()
    with qtbot.waitSignal(window.session.search.results_ready, timeout=10_000):
        window.search_field.setText("douarnenez")
    model = window.model
    assert model.rowCount() == 1
    snippet = model.index(0, TITLE).data(Qt.ItemDataRole.UserRole + 4)
    assert "In your highlights" in snippet and "Douarnenez" in snippet
    with qtbot.waitSignal(window.session.search.results_ready, timeout=10_000):
        window.search_field.setText("in:notes storm")
    assert model.rowCount() == 1
