"""A saved page in the window: its site in the byline opens its address in the browser,
and an image that cannot show is a placeholder with its alt text."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from driving import open_article
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from reader.core.annotations.reading_text import reading_text
from reader.core.articles.formats import parse_file
from reader.ui.window.main_window import MainWindow

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
ADDRESS = "https://www.lantern.example/blog/2024/05/lantern-4-2.html"
IMAGE = QTextDocument.ResourceType.ImageResource


def test_the_bylines_site_opens_the_pages_address_in_the_browser(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    shutil.copy(PAGES / "release-notes.html", tmp_path / "release-notes.html")
    window = open_window(tmp_path)
    open_article(qtbot, window, "Lantern 4.2 is out")
    reading = window.reading
    site = reading.document().find("lantern.example")
    assert not site.isNull() and site.charFormat().anchorHref() == ADDRESS
    opened: list[QUrl] = []
    monkey = pytest.MonkeyPatch()
    monkey.setattr("reader.ui.reading.reading_view.QDesktopServices.openUrl", opened.append)
    try:
        middle = site.selectionStart() + 3
        site.setPosition(middle)
        point = reading.cursorRect(site).center()
        qtbot.mouseClick(reading.viewport(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.waitUntil(lambda: bool(opened))
    finally:
        monkey.undo()
    assert opened == [QUrl(ADDRESS)]
    # The byline is no part of what highlights anchor on: the article's first words
    # map to where the pane shows them.
    text = reading_text(parse_file(tmp_path, "release-notes.html"))
    start = text.index("Lantern 4.2 is now available")
    assert reading.offsets is not None
    shown = reading.offsets.to_shown(start)
    assert reading.document().toRawText()[shown:].startswith("Lantern 4.2 is now available")


def test_a_missing_image_shows_a_placeholder_with_its_alt_text(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    (tmp_path / "map.md").write_text(
        "# The harbour map\n\n![A map of the harbour](img/gone.png)\n\nThe map is lost.\n",
        encoding="utf-8",
    )
    window = open_window(tmp_path)
    open_article(qtbot, window, "The harbour map")
    placeholder = window.reading.loadResource(IMAGE.value, QUrl("img/gone.png"))
    assert isinstance(placeholder, QImage) and not placeholder.isNull()
    assert placeholder.width() > placeholder.height() > 0  # a line of text in a frame
