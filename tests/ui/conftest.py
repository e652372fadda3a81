"""A main window over a small temporary library, fully loaded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.app import app_settings
from reader.ui.window.main_window import MainWindow

MALI = """Le Mali a pu renforcer sa sécurité grâce à la Russie, selon Bamako
Publié le vendredi 28 juillet 2023 | SpunikNews

L’aide de Moscou a été précieuse au Mali pour mener sa lutte contre le terrorisme.

« Nous avons pu renforcer nos forces armées », a-t-il ainsi expliqué.
"""

HARBOUR = """---
title: The harbour at dawn
date: 1987-02-26
source: Reuters
lang: en
---

Fishing boats left the harbour before dawn, running ahead of the storm.
"""

GARDEN = """Jardins partagés : la ville en vert
Publié le 3 mars 2021 | Le Courrier

Les jardins partagés gagnent du terrain dans les quartiers.
"""


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    (root / "mali.txt").write_text(MALI, encoding="utf-8")
    (root / "harbour.md").write_text(HARBOUR, encoding="utf-8")
    (root / "jardins.txt").write_text(GARDEN, encoding="utf-8")
    (root / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    return root


@pytest.fixture
def open_window(qtbot: QtBot) -> Callable[[Path], MainWindow]:
    """Open a window on a folder and wait until its first refresh is done."""

    def opener(root: Path) -> MainWindow:
        window = MainWindow(root, app_settings())
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.session.refresh.done, timeout=30_000):
            window.show()
        return window

    return opener


@pytest.fixture
def window(open_window: Callable[[Path], MainWindow], library: Path) -> MainWindow:
    return open_window(library)
