"""French typography in the reading pane, driven as a reader: a narrow no-break space
before high punctuation and inside « », and a highlight placed after it saved on the
words as written and shown on the same words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.ui.window.main_window import MainWindow
from tests.ui.driving import highlighted_text, open_article, saved, select_words


def test_the_pane_spaces_french_and_a_highlight_after_a_guillemet_keeps_its_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    shown = window.reading.document().toPlainText()
    assert "«\u202fNous avons pu" in shown and "armées\u202f»" in shown
    select_words(window, "Nous avons pu")
    qtbot.keyClick(window.reading, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert highlighted_text(window) == ["Nous avons pu"]
    [annotation] = saved(window)
    assert annotation.quote == "Nous avons pu"
    assert annotation.selectors.quote.prefix.endswith("« ")  # the text as written
    assert "\u202f" not in annotation.selectors.quote.suffix
    select_words(window, "a-t-il ainsi")
    qtbot.keyClick(window.reading, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert sorted(highlighted_text(window)) == ["Nous avons pu", "a-t-il ainsi"]


def test_english_articles_keep_their_spaces(qtbot: QtBot, window: MainWindow) -> None:
    open_article(qtbot, window, "The harbour")
    assert "\u202f" not in window.reading.document().toPlainText()
