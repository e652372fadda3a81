"""One window process: a second launch (a real process) hands its folder or article to
the first, which shows it, and exits 0 without opening the first one's catalog."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from pytestqt.qtbot import QtBot

from reader.defaults import default_library
from reader.ui.window.article_window import OPEN_ARTICLE_WINDOWS
from reader.ui.window.launch import current_window, initial_library, open_first_window
from reader.ui.window.library_menu import remember_library
from reader.ui.window.main_window import MainWindow
from reader.ui.window.single_instance import SingleInstance

ARTICLE = "---\ntitle: {0}\ndate: 2024-01-0{1}\n---\n\n{0}: a paragraph of text.\n"


def _library(folder: Path, *titles: str) -> Path:
    folder.mkdir()
    for day, title in enumerate(titles, 1):
        (folder / f"{title.lower()}.md").write_text(ARTICLE.format(title, day), encoding="utf-8")
    return folder


@pytest.fixture
def first(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = open_first_window(_library(tmp_path / "one", "Alpha"), settings)
    assert window is not None
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    yield window
    for widget in [w for w in (current_window(), window) if w is not None]:
        widget.close()
    _release_instance()


def _release_instance() -> None:
    app = QCoreApplication.instance()
    assert app is not None
    for instance in app.findChildren(SingleInstance):
        instance.server.close()
        instance.lock.unlock()
        instance.setParent(None)
        instance.deleteLater()


def _launch(qtbot: QtBot, *args: str) -> tuple[int, str]:
    """Launch the app again; its exit status and what it said on stderr."""
    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}  # same ARTICLE_READER_HOME
    second = subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)  # the first answers
    _, errors = second.communicate()
    return second.returncode, errors


def test_a_second_launch_hands_its_folder_to_the_first(
    first: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    other = _library(tmp_path / "two", "Beta", "Gamma")
    status, errors = _launch(qtbot, str(other))
    assert status == 0, errors
    qtbot.waitUntil(lambda: _shown_root(current_window()) == other.resolve())
    window = current_window()
    assert window is not None and window.isVisible()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)


def test_a_second_launch_with_an_article_of_the_library_shows_it(
    first: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / "one" / "older.md").write_text(ARTICLE.format("Older", 1), encoding="utf-8")
    first.session.refresh.request(None)
    qtbot.waitUntil(lambda: first.model.rowCount() == 2)
    assert first.current_row() is not None and first.current_row().path == "alpha.md"
    status, errors = _launch(qtbot, str(tmp_path / "one" / "older.md"))
    assert status == 0, errors

    def shows_older() -> bool:
        row = first.current_row()
        return row is not None and row.path == "older.md"

    qtbot.waitUntil(shows_older)
    assert current_window() is first


def test_a_second_launch_with_an_article_from_elsewhere_keeps_the_library(
    first: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    other = _library(tmp_path / "two", "Gamma", "Beta")
    status, errors = _launch(qtbot, str(other / "gamma.md"))
    assert status == 0, errors
    qtbot.waitUntil(lambda: any(w.isVisible() for w in OPEN_ARTICLE_WINDOWS))
    reading = next(w for w in OPEN_ARTICLE_WINDOWS if w.isVisible())
    qtbot.waitUntil(lambda: "Gamma: a paragraph" in reading.reading.toPlainText())
    assert current_window() is first and _shown_root(first) == (tmp_path / "one").resolve()
    reading.close()


def test_a_launch_with_an_article_from_elsewhere_opens_the_library_used_last_too(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    mine = _library(tmp_path / "mine", "Alpha")
    remember_library(settings, mine)
    loose = _library(tmp_path / "downloads", "Gamma") / "gamma.md"
    window = open_first_window(loose, settings)
    assert window is not None
    try:
        window.show()
        qtbot.waitUntil(lambda: any(w.isVisible() for w in OPEN_ARTICLE_WINDOWS))
        reading = next(w for w in OPEN_ARTICLE_WINDOWS if w.isVisible())
        qtbot.waitUntil(lambda: "Gamma: a paragraph" in reading.reading.toPlainText())
        assert _shown_root(window) == mine.resolve()  # not the file's folder
        reading.close()
    finally:
        window.close()
        _release_instance()


def _shown_root(window: MainWindow | None) -> Path | None:
    return window.session.root.resolve() if window is not None else None


def test_no_argument_opens_the_sample_then_the_library_used_last(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert initial_library(None, settings) == default_library()
    library = _library(tmp_path / "mine", "Alpha")
    remember_library(settings, library)
    assert initial_library(None, settings) == library.resolve()
    other = _library(tmp_path / "other", "Beta")
    assert initial_library(other, settings) == other  # a folder given is the library
    # An article of no library of the reader's: their library opens (the article in a
    # window of its own); one of a library they use: that library opens on it.
    assert initial_library(other / "beta.md", settings) == library.resolve()
    remember_library(settings, other)
    remember_library(settings, library)
    assert initial_library(other / "beta.md", settings) == other.resolve()
    # A path refused (gone, or no article) is never taken for a library: the window
    # opens the reader's own and says why it opened nothing else.
    (other / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    for refused in (tmp_path / "gone.md", tmp_path / "no-such-folder", other / "photo.png"):
        assert initial_library(refused, settings) == library.resolve()
