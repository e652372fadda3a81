"""Every test runs headless and with a private data folder, never the real home.

Tests that take more than a few seconds are marked ``slow``: ``-m "not slow"`` leaves them out.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before any QApplication exists: no window ever needs a display in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's data folder (catalogs, indexes, notes) lives in tmp, never in the real home.

    ``reader.core.catalog.paths`` reads ``ARTICLE_READER_HOME`` at each call, so a command
    run in-process and a child process started by the test both use this folder.
    """
    home = tmp_path / "app-data"
    monkeypatch.setenv("ARTICLE_READER_HOME", str(home))
    return home


@pytest.fixture
def library_root(tmp_path: Path) -> Path:
    """An empty library folder, separate from the data folder."""
    root = tmp_path / "library"
    root.mkdir()
    return root
