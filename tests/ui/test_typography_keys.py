"""Ctrl+wheel over the article is the size action, as Ctrl+= and Ctrl+- are: the face
stays, Ctrl+0 undoes it, and the next article is no worse for it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QKeySequence, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui.prefs.language import install_language
from reader.ui.window.main_window import MainWindow
from reader.ui.window.shortcuts_dialog import ShortcutsDialog
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


# --- the cheat sheet ----------------------------------------------------------------


def cheat_sheet(qtbot: QtBot, window: MainWindow) -> ShortcutsDialog:
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Question)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog)]
    assert dialogs and dialogs[-1].isVisible()
    return dialogs[-1]


def rows(dialog: ShortcutsDialog) -> list[tuple[str, str]]:
    tree = dialog.tree
    found = []
    for n in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(n)
        assert item is not None
        found.append((item.text(0), item.text(1)))
    return found


@pytest.fixture(params=["en", "fr"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    assert install_language(request.param) == request.param
    yield request.param
    install_language("en")


@pytest.fixture
def sheet_window(
    language: str, open_window: Callable[[Path], MainWindow], library: Path
) -> MainWindow:
    return open_window(library)  # built in the language, as at launch


def test_the_cheat_sheet_lists_the_apps_actions_grouped_by_menu_and_no_key_noise(
    qtbot: QtBot, sheet_window: MainWindow, language: str
) -> None:
    window = sheet_window
    undo = window.annotator.undo_action  # X11's standard Undo: the Undo key and F14
    undo.setShortcuts([*undo.shortcuts(), QKeySequence("F14"), QKeySequence(Qt.Key.Key_Undo)])
    dialog = cheat_sheet(qtbot, window)
    listed = rows(dialog)
    dialog.close()
    headers = [text for text, keys in listed if not keys]
    menus = [a.text().replace("&", "") for a in window.menuBar().actions() if a.menu()]
    assert headers[: len(menus)] == menus[: len(headers)]  # grouped, in the menus' order
    assert listed[0][0] == headers[0]  # every action under a menu's title
    keys = [keys for _, keys in listed if keys]
    assert keys, listed
    for cell in keys:
        for key in cell.split(", "):
            sequence = QKeySequence(key, QKeySequence.SequenceFormat.NativeText)
            assert key and sequence.count() == 1, cell
            assert sequence[0].key().value <= Qt.Key.Key_F12.value, cell  # typable keys only
    assert not any("F14" in cell for cell in keys)
    for noise in ("Undo", "Annuler", "Back", "Forward", "Zoom In", "Zoom Out", "Retour"):
        assert noise not in [key for cell in keys for key in cell.split(", ")]
    texts = [text.strip() for text, keys in listed if keys]
    assert all(texts) and len(texts) == len(set(texts))
    entries = dict((text.strip(), keys) for text, keys in listed if keys)
    back = "Back" if language == "en" else "Précédent"
    assert any(key.startswith("Alt+") for key in entries.get(back, "Alt+Left").split(", "))
