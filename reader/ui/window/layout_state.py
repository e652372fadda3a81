"""Where the window was: its geometry, the list | article split and the docks, kept in
the settings between runs. The window never opens larger than the screen's available
area (a restored geometry from a bigger screen, or the default size at HiDPI 2×)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication
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
    fit_to_screen(window)


def fit_to_screen(window: QMainWindow) -> None:
    """Shrink the window to the available area of its screen, and move it inside."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry()
    frame = window.frameGeometry()
    extra_w = max(0, frame.width() - window.width())
    extra_h = max(0, frame.height() - window.height())
    width = min(window.width(), room.width() - extra_w)
    height = min(window.height(), room.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    wanted = QRect(window.pos(), window.frameGeometry().size())
    if not room.contains(wanted):
        x = min(max(wanted.x(), room.x()), room.right() + 1 - wanted.width())
        y = min(max(wanted.y(), room.y()), room.bottom() + 1 - wanted.height())
        window.move(max(x, room.x()), max(y, room.y()))


def save_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", splitter.saveState())
    settings.setValue("window/docks", window.saveState())
    settings.sync()
