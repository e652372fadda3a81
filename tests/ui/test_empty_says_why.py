"""An empty list, or an empty pane, says why for the situation at hand: a tag filter that
hides the rest of the library (and how to clear it); the only hit's file deleted in a
library of many articles is not "No articles here yet"."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.ui.library_list.article_model import ID_ROLE, TITLE
from reader.ui.window.main_window import MainWindow
from tests.ui.driving import open_article


def search(qtbot: QtBot, window: MainWindow, query: str) -> None:
    with qtbot.waitSignal(window.session.search.results_ready, timeout=10_000):
        window.search_field.setText(query)


def test_a_search_under_a_tag_filter_says_the_filter_hides_the_rest(
    qtbot: QtBot, window: MainWindow
) -> None:
    harbour = next(
        window.model.index(r, TITLE).data(ID_ROLE)
        for r in range(window.model.rowCount())
        if window.model.index(r, TITLE).data() == "The harbour at dawn"
    )
    window.state.add_tag(harbour, "à relire")
    box = window.filter_bar.tag_box
    qtbot.waitUntil(lambda: box.findData("à relire") >= 0)
    box.setCurrentIndex(box.findData("à relire"))
    assert window.model.rowCount() == 1
    search(qtbot, window, "Moscou")  # in the Mali article, which the tag filter hides
    assert window.model.rowCount() == 0
    said = window.list_view.placeholder
    assert "“Moscou”" in said
    assert "tag “à relire”" in said and "hides the rest" in said
    assert "“Any tag”" in said  # how to clear it
    assert "Check the spelling" not in said  # the spelling is not what is wrong

    window.search_field.clear()
    window.filter_bar.set_kind("starred")  # starred and tagged: none
    said = window.list_view.placeholder
    assert "starred, tag “à relire”" in said and "“All articles”" in said


def test_the_only_hit_deleted_says_it_was_removed_not_that_the_library_is_empty(
    qtbot: QtBot, window: MainWindow, library: Path
) -> None:
    search(qtbot, window, "harbour")
    assert window.model.rowCount() == 1
    open_article(qtbot, window, "The harbour at dawn")
    (library / "harbour.md").unlink()
    with qtbot.waitSignal(window.session.refresh.done, timeout=30_000):
        window.session.refresh.request(None)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    shown = window.reading.toPlainText()
    assert "No articles here yet" not in shown
    assert "removed" in shown
    assert window.model.total() == 3
