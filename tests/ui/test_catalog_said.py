"""The window says what the core found about the catalog: that another program changed
its files (once), and whether the catalog's file or the whole data folder is read-only.

Tests run as root in CI, and root writes a 0444 file anyway: there the file (or folder)
is made immutable (``chattr +i``), which stops root too; elsewhere ``chmod`` does it.
Where neither can be done the test is skipped, never faked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core.catalog.paths import library_data_dir
from reader.core.catalog.wal import REOPENED
from reader.core.library.library import Library
from reader.ui.window.main_window import MainWindow
from tests.unwritable import unwritable

REOPENED_SAID = "The catalog's files were changed by another program; it was reopened."


def test_a_catalog_reopened_under_the_window_is_said_once(qtbot: QtBot, window: MainWindow) -> None:
    said: list[str] = []
    window.statusBar().messageChanged.connect(lambda text: said.append(text) if text else None)
    userdata = window.session.userdata
    assert userdata is not None
    userdata.notice = REOPENED  # as the core sets it, on the thread that reopened the catalog
    qtbot.waitUntil(lambda: REOPENED_SAID in said, timeout=5000)
    for _ in range(2):  # looked at again, and again: not said again
        with qtbot.waitSignal(window.notice_timer.timeout, timeout=5000):
            pass
    assert said.count(REOPENED_SAID) == 1
    userdata.notice = f"{REOPENED}; recent changes could not be kept"  # a new one is said
    qtbot.waitUntil(lambda: any("could not be kept" in text for text in said), timeout=5000)


@pytest.mark.parametrize(
    ("which", "said"), [("catalog", "catalog file"), ("folder", "data folder")]
)
def test_a_read_only_catalog_file_is_not_called_a_read_only_folder(
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    library: Path,
    which: str,
    said: str,
) -> None:
    Library(library).close()  # the data folder and its catalog
    data = library_data_dir(library)
    with unwritable(data / "catalog.sqlite3" if which == "catalog" else data):
        window = open_window(library)
        qtbot.waitUntil(lambda: window.session.read_only_reason != "")
        reason = window.session.read_only_reason
        assert said in reason
        assert ("data folder" in reason) == (which == "folder")
        window.close()
