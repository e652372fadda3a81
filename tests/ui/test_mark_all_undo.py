"""Article → Mark All as Read is one step of Edit → Undo: Ctrl+Z gives the reader back
which articles they had left to read, and Ctrl+Shift+Z marks them read again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.ui.library_list.article_model import ID_ROLE
from reader.ui.window.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def unread_ids(window: MainWindow) -> set[int]:
    ids = {window.model.index(r, 0).data(ID_ROLE) for r in range(window.model.rowCount())}
    return {i for i in ids if window.model.unread(i)}


def saved_read(window: MainWindow) -> set[int]:
    window.tasks.wait_idle()
    userdata = window.session.userdata
    assert userdata is not None
    return userdata.read_ids()


def test_ctrl_z_gives_back_the_unread_articles_and_only_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    unread = unread_ids(window)
    already = next(iter(unread))  # read before: undoing the mark-all leaves it read
    window.state.mark_read([already], True)
    left = unread - {already}
    assert len(left) >= 2 and unread_ids(window) == left

    window.list_actions.mark_all_action.trigger()
    assert not unread_ids(window)
    undo = window.annotator.undo_action
    assert undo.isEnabled() and "Mark All as Read" in undo.text()

    qtbot.keyClick(window.list_view, Qt.Key.Key_Z, CTRL)
    assert unread_ids(window) == left
    assert already in saved_read(window) and not left & saved_read(window)

    qtbot.keyClick(window.list_view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert not unread_ids(window)
    assert left | {already} <= saved_read(window)
