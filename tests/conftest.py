"""Every test runs headless and with a private data folder, never the real home."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before any QApplication exists: no window ever needs a display in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _private_data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARTICLE_READER_HOME", str(tmp_path / "app-data"))
