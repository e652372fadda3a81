"""Where the window was: its geometry, the list | article split and the docks, kept in
the settings between runs."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter


def restore_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    geometry = settings.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    sizes = settings.value("window/splitter")
    if sizes is not None:
        splitter.restoreState(sizes)
    docks = settings.value("window/docks")
    if docks is not None:
        window.restoreState(docks)


def save_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", splitter.saveState())
    settings.setValue("window/docks", window.saveState())
    settings.sync()
