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
from reader.ui.window.launch import current_window, initial_target, open_first_window
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


def test_a_second_launch_with_an_article_shows_it(
    first: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    other = _library(tmp_path / "two", "Gamma", "Beta")  # Beta newer: listed first
    status, errors = _launch(qtbot, str(other / "gamma.md"))
    assert status == 0, errors

    def shows_gamma() -> bool:
        window = current_window()
        row = window.current_row() if window is not None else None
        return row is not None and row.path == "gamma.md"

    qtbot.waitUntil(shows_gamma)
    assert _shown_root(current_window()) == other.resolve()


def _shown_root(window: MainWindow | None) -> Path | None:
    return window.session.root.resolve() if window is not None else None


def test_no_argument_opens_the_sample_then_the_library_used_last(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert initial_target(None, settings) == (default_library(), None)
    library = _library(tmp_path / "mine", "Alpha")
    remember_library(settings, library)
    assert initial_target(None, settings) == (library.resolve(), None)
    assert initial_target(library / "alpha.md", settings) == (library, library / "alpha.md")
