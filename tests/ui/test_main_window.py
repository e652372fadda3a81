"""The window over a real (temporary) library, driven through its widgets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPalette, QTextDocument
from pytestqt.qtbot import QtBot

from reader.ui.library_list.article_model import ROW_ROLE, TITLE
from reader.ui.session.article_images import placeholder
from reader.ui.window.main_window import MainWindow


def titles(window: MainWindow) -> list[str]:
    proxy = window.model
    return [proxy.index(row, TITLE).data() for row in range(proxy.rowCount())]


def select_title(qtbot: QtBot, window: MainWindow, title: str) -> None:
    window.select_row(titles(window).index(title))
    qtbot.waitUntil(lambda: title in window.reading.toPlainText(), timeout=10_000)


def test_list_shows_every_article_newest_first(window: MainWindow) -> None:
    assert titles(window)[:3] == [
        "Le Mali a pu renforcer sa sécurité grâce à la Russie, selon Bamako",
        "Jardins partagés : la ville en vert",
        "The harbour at dawn",
    ]
    assert "broken" in titles(window)  # listed, not hidden, with its problem
    assert window.count_label.text() == "4 articles"


def test_selecting_an_article_renders_it_with_byline(qtbot: QtBot, window: MainWindow) -> None:
    select_title(qtbot, window, "The harbour at dawn")
    text = window.reading.toPlainText()
    assert "Thursday 26 February 1987 · Reuters · 12 words · 1 min read" in text
    assert "Fishing boats left the harbour before dawn" in text


def test_french_typography_is_kept_exactly(qtbot: QtBot, window: MainWindow) -> None:
    select_title(
        qtbot, window, "Le Mali a pu renforcer sa sécurité grâce à la Russie, selon Bamako"
    )
    text = window.reading.toPlainText()
    assert "L’aide de Moscou a été précieuse" in text
    # guillemets kept, with the narrow no-break space French puts inside them (pane only)
    assert "«\u202fNous avons pu renforcer nos forces armées\u202f», a-t-il" in text


def test_unreadable_file_is_listed_with_its_error(qtbot: QtBot, window: MainWindow) -> None:
    row = titles(window).index("broken")
    index = window.model.index(row, TITLE)
    assert "binary" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    window.select_row(row)
    qtbot.waitUntil(lambda: "cannot be shown" in window.reading.toPlainText(), timeout=10_000)


def test_arrow_keys_move_the_reading_pane(qtbot: QtBot, window: MainWindow) -> None:
    window.list_view.setFocus()
    window.select_row(0)
    qtbot.waitUntil(lambda: "Le Mali" in window.reading.toPlainText(), timeout=10_000)
    qtbot.keyClick(window.list_view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: "Jardins partagés" in window.reading.toPlainText(), timeout=10_000)


def test_search_narrows_the_list_and_escape_restores_it(qtbot: QtBot, window: MainWindow) -> None:
    window.focus_search()
    qtbot.keyClicks(window.search_field, "securite")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    assert titles(window) == ["Le Mali a pu renforcer sa sécurité grâce à la Russie, selon Bamako"]
    assert window.count_label.text() == "1 of 4 articles match"
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=10_000)
    assert window.count_label.text() == "4 articles"


def test_search_finds_stemmed_english_and_phrases(qtbot: QtBot, window: MainWindow) -> None:
    window.search_field.setText("run")  # "running" is in the harbour article
    qtbot.waitUntil(lambda: titles(window) == ["The harbour at dawn"], timeout=10_000)
    window.search_field.setText('"forces armées"')
    qtbot.waitUntil(
        lambda: len(titles(window)) == 1 and "Mali" in titles(window)[0], timeout=10_000
    )


def test_search_with_no_hits_shows_an_empty_list(qtbot: QtBot, window: MainWindow) -> None:
    window.search_field.setText("zeppelin")
    qtbot.waitUntil(lambda: window.count_label.text() == "0 of 4 articles match", timeout=10_000)
    assert window.model.rowCount() == 0


def test_ctrl_k_and_slash_focus_search(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Slash)
    assert window.search_field.hasFocus()
    qtbot.keyClicks(window.search_field, "a/b")  # typing a slash in the field still types it
    assert window.search_field.text() == "a/b"


def test_remote_resources_never_load(window: MainWindow, library: Path) -> None:
    """Refused, and answered with a placeholder (answered nothing, Qt loads it itself)."""
    window.reading.show_article("<p>x</p>", library)
    kind = QTextDocument.ResourceType.ImageResource
    for source in ("https://tracker.example/pixel.png", "../../etc/passwd"):
        answer = window.reading.loadResource(kind, QUrl(source))
        assert isinstance(answer, QImage) and answer.size() == placeholder("").size()


def test_reading_measure_is_about_seventy_characters(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: window.reading.viewport().width() > 900)
    window.reading.resize(window.reading.size())  # let the view re-centre its column
    assert 60 <= window.reading.line_width_chars() <= 80


def test_geometry_and_splitter_are_remembered(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    first = open_window(library)
    first.resize(720, 520)  # the offscreen screen is 800×600
    first.splitter.setSizes([260, 460])
    sizes = first.splitter.sizes()
    first.close()
    second = open_window(library)
    assert second.splitter.sizes() == sizes
    assert (second.width(), second.height()) == (720, 520)


def test_current_row_is_a_catalog_row(qtbot: QtBot, window: MainWindow) -> None:
    select_title(qtbot, window, "The harbour at dawn")
    row = window.current_row()
    assert row is not None and row.path == "harbour.md" and row.source == "Reuters"
    assert window.model.index(0, TITLE).data(ROW_ROLE).title == titles(window)[0]


def test_reading_pane_follows_a_palette_change(qtbot: QtBot, window: MainWindow) -> None:
    select_title(qtbot, window, "The harbour at dawn")
    dark = QPalette(window.reading.palette())
    dark.setColor(QPalette.ColorRole.PlaceholderText, QColor("#a0a0a0"))
    window.reading.setPalette(dark)
    assert "#a0a0a0" in window.reading.document().defaultStyleSheet()
    assert "Fishing boats" in window.reading.toPlainText()  # still showing the article
