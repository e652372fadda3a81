"""The list's two lines (the title over the article's opening) and its filter by source."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from reader.ui.library_list.article_model import EXCERPT_ROLE, SNIPPET_ROLE, TITLE
from reader.ui.library_list.filter_bar import FilterBar
from reader.ui.window.main_window import MainWindow


def titles(window: MainWindow) -> list[str]:
    return [window.model.index(r, TITLE).data() for r in range(window.model.rowCount())]


def row_of(window: MainWindow, start: str) -> int:
    return next(n for n, title in enumerate(titles(window)) if title.startswith(start))


def test_each_title_has_the_article_opening_under_it(window: MainWindow) -> None:
    def second_line(start: str) -> str:
        return window.model.index(row_of(window, start), TITLE).data(EXCERPT_ROLE)

    assert second_line("Le Mali").startswith("L’aide de Moscou a été précieuse au Mali")
    assert "Publié le" not in second_line("Le Mali")  # not the byline
    assert second_line("The harbour") == (
        "Fishing boats left the harbour before dawn, running ahead of the storm."
    )
    assert second_line("broken").startswith("Cannot be read: ")
    line = window.list_view.fontMetrics().lineSpacing()
    assert window.list_view.rowHeight(row_of(window, "The harbour")) >= 2 * line


def ink(image: QImage, rect: QRect, background: QColor) -> int:
    """How far the strongest pixel of ``rect`` is from the background (0 to 255)."""
    base = background.lightness()
    return max(
        abs(image.pixelColor(x, y).lightness() - base)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


def test_the_opening_is_painted_muted_under_the_title(window: MainWindow) -> None:
    view = window.list_view
    row = row_of(window, "The harbour")  # not the current row: no selection colours
    assert view.currentIndex().row() != row
    cell = view.visualRect(window.model.index(row, TITLE))
    image = view.viewport().grab().toImage()
    scale = image.width() / view.viewport().width()
    cell = QRect(*(round(v * scale) for v in (cell.x(), cell.y(), cell.width(), cell.height())))
    background = image.pixelColor(cell.left() + 1, cell.top() + 1)
    upper, lower = QRect(cell), QRect(cell)
    upper.setBottom(cell.center().y())
    lower.setTop(cell.center().y() + 1)
    title, opening = ink(image, upper, background), ink(image, lower, background)
    assert opening > 20  # something is written there
    assert opening < title  # and it is lighter than the title


def test_a_search_snippet_takes_the_place_of_the_opening_then_gives_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    two_lines = window.list_view.rowHeight(0)
    with qtbot.waitSignal(window.session.search.snippets_ready, timeout=10_000):
        window.search_field.setText("Moscou")
    assert titles(window) == ["Le Mali a pu renforcer sa sécurité grâce à la Russie, selon Bamako"]
    assert "<mark>Moscou</mark>" in window.model.index(0, TITLE).data(SNIPPET_ROLE)
    assert window.list_view.rowHeight(0) > two_lines  # room for the snippet's two lines
    window.search_field.clear()
    assert window.model.index(0, TITLE).data(SNIPPET_ROLE) is None
    assert window.list_view.rowHeight(0) == two_lines == window.list_view.row_height


def test_the_source_filter_offers_the_library_sources_and_filters_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.changed.connect(window.model.set_filter)  # (kind, tag, source), as the window does
    bar.set_sources(window.model.sources())
    box = bar.source_box
    names = [box.itemText(i) for i in range(box.count())]
    assert names == ["Any source", "Le Courrier", "Reuters", "SpunikNews"]
    with qtbot.waitSignal(bar.changed) as changed:
        box.setCurrentIndex(box.findData("Reuters"))
    assert changed.args == ["all", "", "Reuters"]
    assert titles(window) == ["The harbour at dawn"]
    bar.set_kind("starred")
    assert window.model.filter == ("starred", "", "Reuters") and titles(window) == []
    bar.set_kind("all")
    bar.set_sources(["Le Courrier", "SpunikNews"])  # Reuters is gone: any source again
    assert window.model.filter == ("all", "", "") and window.model.rowCount() == 4
    box.setCurrentIndex(box.findData("Le Courrier"))
    bar.show_everything()
    assert window.model.filter == ("all", "", "")


def test_the_window_filters_by_source(window: MainWindow) -> None:
    box = window.filter_bar.source_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "Any source",
        "Le Courrier",
        "Reuters",
        "SpunikNews",
    ]
    box.setCurrentIndex(box.findData("Reuters"))
    assert titles(window) == ["The harbour at dawn"]
    assert window.count_label.text() == "1 of 4 articles shown"
    window.filter_bar.show_everything()
    assert window.count_label.text() == "4 articles"
