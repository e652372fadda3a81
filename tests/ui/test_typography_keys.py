"""Ctrl+wheel over the article is the size action, as Ctrl+= and Ctrl+- are: the face
stays, Ctrl+0 undoes it, and the next article is no worse for it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui.window.main_window import MainWindow
from tests.ui.driving import open_article


def ctrl_wheel(window: MainWindow, notches: int) -> None:
    viewport = window.reading.viewport()
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(viewport.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def body_font(window: MainWindow) -> tuple[list[str], float]:
    font = window.reading.document().defaultFont()
    return font.families(), font.pointSizeF()


def test_ctrl_wheel_is_the_same_as_the_size_keys_and_ctrl_0_undoes_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "The harbour")
    families, size = body_font(window)
    ctrl_wheel(window, 1)
    assert body_font(window) == (families, round(size) + 1)
    assert window.controls.prefs.size == round(size) + 1
    window.controls.bigger.trigger()  # the key after the wheel: one more step, same face
    assert body_font(window) == (families, round(size) + 2)
    ctrl_wheel(window, -3)
    assert body_font(window) == (families, round(size) - 1)
    window.controls.reset.trigger()  # Ctrl+0
    assert body_font(window) == (families, size)
    ctrl_wheel(window, -1)
    open_article(qtbot, window, "Le Mali")
    assert body_font(window) == (families, round(size) - 1)  # the reader's size, kept
    assert window.reading.font().pointSizeF() == QApplication.font().pointSizeF()


def test_a_touchpad_counts_whole_notches(qtbot: QtBot, window: MainWindow) -> None:
    open_article(qtbot, window, "The harbour")
    _, size = body_font(window)
    viewport = window.reading.viewport()
    for _ in range(3):  # 3 × 40 = one notch
        event = QWheelEvent(
            QPointF(10, 10),
            QPointF(viewport.mapToGlobal(QPoint(10, 10))),
            QPoint(0, 0),
            QPoint(0, 40),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.ControlModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)
    assert body_font(window)[1] == round(size) + 1
