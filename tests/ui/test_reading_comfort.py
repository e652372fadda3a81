"""Reading comfort through the real widgets: themes, type, find, keys, images, links."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from driving import open_article
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui.library_list.article_model import ID_ROLE, TITLE
from reader.ui.window import main_window as main_window_module
from reader.ui.window.main_window import MainWindow
from reader.ui.window.shortcuts_dialog import ShortcutsDialog

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def light_again() -> Iterator[None]:
    """Themes set the application's palette: give the next test the light one back."""
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setPalette(app.style().standardPalette())


def page_color(window: MainWindow) -> str:
    return window.reading.palette().color(QPalette.ColorRole.Base).name()


def test_themes_switch_the_page_and_the_window_and_follow_the_system(
    qtbot: QtBot, window: MainWindow
) -> None:
    controls = window.controls
    controls.groups["theme"]["sepia"].trigger()  # View → Theme → Sepia
    qtbot.waitUntil(lambda: page_color(window) == "#f6efdf")  # palettes propagate by event
    assert window.list_view.palette().color(QPalette.ColorRole.Base).name() == "#f6efdf"
    controls.groups["theme"]["dark"].trigger()
    qtbot.waitUntil(lambda: QColor(page_color(window)).lightness() < 60)
    byline = window.reading.document().defaultStyleSheet()
    assert "#9a9a9a" in byline  # muted text of the dark theme
    controls.groups["theme"]["system"].trigger()
    controls.themes.system_changed(Qt.ColorScheme.Dark)  # the desktop turns dark, live
    assert controls.themes.current == "dark"
    controls.themes.system_changed(Qt.ColorScheme.Light)
    assert controls.themes.current == "light"
    assert window.settings.value("reading/theme") == "system"


def test_font_size_keys_change_the_text_and_are_remembered(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    window = open_window(library)
    open_article(qtbot, window, "Le Mali")
    size = window.reading.document().defaultFont().pointSizeF()
    qtbot.keyClick(window.reading, Qt.Key.Key_Equal, CONTROL)
    qtbot.keyClick(window.reading, Qt.Key.Key_Equal, CONTROL)
    assert window.reading.document().defaultFont().pointSizeF() == round(size) + 2
    qtbot.keyClick(window.reading, Qt.Key.Key_Minus, CONTROL)
    assert window.reading.document().defaultFont().pointSizeF() == round(size) + 1
    window.controls.groups["family"]["sans"].trigger()
    assert "Noto Sans" in window.reading.document().defaultFont().families()
    window.close()
    again = open_window(library)
    assert again.reading.document().defaultFont().pointSizeF() == round(size) + 1
    assert again.controls.prefs.family == "sans"
    qtbot.keyClick(again.reading, Qt.Key.Key_0, CONTROL)
    assert again.reading.document().defaultFont().pointSizeF() == size


def test_line_width_and_spacing_change_the_measure_and_the_leading(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: window.reading.viewport().width() > 900)
    open_article(qtbot, window, "Le Mali")
    window.controls.groups["width"]["narrow"].trigger()
    narrow = window.reading.line_width_chars()
    window.controls.groups["width"]["wide"].trigger()
    wide = window.reading.line_width_chars()
    assert 54 <= narrow <= 62 and 80 <= wide <= 90
    window.controls.groups["spacing"]["relaxed"].trigger()
    assert "line-height: 165%" in window.reading.document().defaultStyleSheet()


def test_find_in_article_marks_every_match_and_steps_through_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "Le Mali")
    qtbot.keyClick(window.reading, Qt.Key.Key_F, CONTROL)
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "securite")  # accents and case folded
    qtbot.waitUntil(lambda: bar.count.text() == "1 of 1")  # after a pause in typing
    assert len(bar.spans) == 1
    bar.field.clear()
    qtbot.keyClicks(bar.field, "forces")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # Enter at once: finds what was typed
    assert len(bar.spans) == 1 and bar.current == 0
    bar.field.clear()
    qtbot.keyClicks(bar.field, "a")
    qtbot.waitUntil(lambda: len(bar.spans) > 5)
    total = len(bar.spans)
    assert total > 5
    first = bar.current
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.current == (first + 1) % total
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)
    assert bar.current == first
    assert len([s for s in window.reading.extraSelections()]) >= total
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and bar.spans == []


def test_reader_keys_navigate_star_page_and_show_the_cheat_sheet(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.select_row(0)
    qtbot.waitUntil(lambda: window.annotator.opened is not None)
    window.list_view.setFocus()
    first = window.list_view.currentIndex().data(ID_ROLE)
    qtbot.keyClick(window.list_view, Qt.Key.Key_J)
    assert window.list_view.currentIndex().row() == 1
    qtbot.keyClick(window.list_view, Qt.Key.Key_K)
    assert window.list_view.currentIndex().data(ID_ROLE) == first
    qtbot.keyClick(window.list_view, Qt.Key.Key_S)
    assert window.model.starred(first)
    # Typing in the search field types letters, it does not navigate.
    window.focus_search()
    qtbot.keyClicks(window.search_field, "js")
    assert window.search_field.text() == "js"
    window.search_field.clear()
    # Space at the end of a short article goes on to the next one.
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.list_view.currentIndex().row() == 1)
    qtbot.keyClick(window.list_view, Qt.Key.Key_Question)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog)]
    assert dialogs and dialogs[-1].isVisible()
    entries = dialogs[-1].entries()
    assert entries["Next Article"] == "J" and entries["Star"].startswith("Ctrl+D")
    assert "Find in Article…" in entries
    dialogs[-1].close()


def test_local_images_render_within_the_measure_and_remote_ones_show_alt_text(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    image = QImage(3000, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    (library / "img").mkdir()
    image.save(str(library / "img" / "wide.png"))
    (library / "pictures.md").write_text(
        "# Pictures\n\n![A wide chart](img/wide.png)\n\n"
        "![A tracking pixel](https://tracker.example/p.gif)\n",
        encoding="utf-8",
    )
    window = open_window(library)
    requested: list[str] = []
    real = window.reading.loadResource

    def spy(kind: int, url: QUrl | str) -> object:
        requested.append(QUrl(url).toString())
        return real(kind, url)

    window.reading.loadResource = spy  # type: ignore[method-assign]
    open_article(qtbot, window, "Pictures")
    text = window.reading.toPlainText()
    assert "[A tracking pixel]" in text
    assert not any("tracker.example" in url for url in requested)
    loaded = window.reading.document().resource(
        window.reading.document().ResourceType.ImageResource.value, QUrl("img/wide.png")
    )
    assert isinstance(loaded, QImage) and not loaded.isNull()
    measure = window.reading.line_width_chars() * window.reading._char_width()
    assert loaded.width() / loaded.devicePixelRatio() <= measure + 1


def test_a_link_to_another_article_opens_it_in_the_app(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    (library / "links.md").write_text(
        "# Links\n\nSee [the harbour](harbour.md) and [the web](https://example.org).\n",
        encoding="utf-8",
    )
    window = open_window(library)
    open_article(qtbot, window, "Links")
    opened: list[QUrl] = []
    monkey = pytest.MonkeyPatch()
    monkey.setattr("reader.ui.reading.reading_view.QDesktopServices.openUrl", opened.append)
    try:
        window.reading.anchorClicked.emit(QUrl("harbour.md"))
        qtbot.waitUntil(
            lambda: window.current_row() is not None and window.current_row().path == "harbour.md"
        )  # type: ignore[union-attr]
        assert opened == []
        window.reading.anchorClicked.emit(QUrl("https://example.org"))
        assert opened == [QUrl("https://example.org")]
    finally:
        monkey.undo()


def test_open_folder_replaces_the_library_and_remembers_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.md").write_text("# A note\n\nSomething else entirely.\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    drop = QDropEvent(
        QPoint(10, 10).toPointF(), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.dropEvent(drop)
    # The window gives way once the drop's event is over (Qt is still delivering it).
    qtbot.waitUntil(lambda: len(main_window_module.OPEN_WINDOWS) == 1)
    [replacement] = list(main_window_module.OPEN_WINDOWS)
    qtbot.addWidget(replacement)
    with qtbot.waitSignal(replacement.session.refresh.done, timeout=15_000):
        pass
    assert not window.isVisible()
    assert replacement.model.index(0, TITLE).data() == "A note"
    replacement.libraries.fill_recent()
    texts = [a.text() for a in replacement.libraries.recent_menu.actions()]
    assert texts[0].startswith("other") and any(t.startswith("library") for t in texts)
    replacement.close()


def test_empty_states_say_what_to_do(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, window: MainWindow
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = open_window(empty)
    assert "No articles in this folder yet" in nothing.list_view.placeholder
    assert "No articles here yet" in nothing.reading.toPlainText()
    with qtbot.waitSignal(window.session.search.results_ready, timeout=10_000):
        window.search_field.setText("zanzibar")
    assert window.model.rowCount() == 0
    assert "No articles match “zanzibar”" in window.list_view.placeholder
    window.search_field.clear()
    window.filter_bar.set_kind("starred")
    assert "No starred articles yet" in window.list_view.placeholder
    window.filter_bar.set_kind("all")
    assert window.list_view.placeholder == ""
    broken = [r for r in range(window.model.rowCount())
              if window.model.index(r, TITLE).data() == "broken"]  # fmt: skip
    window.select_row(broken[0])
    qtbot.waitUntil(lambda: "cannot be shown" in window.reading.toPlainText())
