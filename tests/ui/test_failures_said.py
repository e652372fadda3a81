"""Failures never pass silently: a failed star or read-state save is taken back from the
list and said, a background task that fails says so, and shutdown names unfinished work."""

from __future__ import annotations

import threading
from collections.abc import Iterable

import pytest
from driving import open_article
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core.annotations.userdata import UserData, UserDataError
from reader.ui.session.tasks import TaskContext, TaskRunner
from reader.ui.window.main_window import MainWindow


def disk_full(self: UserData, article_ids: Iterable[int], value: bool) -> None:
    raise UserDataError("the disk holding the library's data is full", "full")


def test_a_star_that_cannot_be_saved_is_taken_back_and_said(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_article(qtbot, window, "Le Mali")
    article_id = window.state.current.id  # type: ignore[union-attr]
    monkeypatch.setattr(UserData, "set_starred", disk_full)
    with qtbot.waitSignal(window.state.message, timeout=5000) as said:
        qtbot.keyClick(window.reading, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        assert window.model.starred(article_id)  # at once, before the save is done
    assert "Not saved" in said.args[0] and "full" in said.args[0]
    assert not window.model.starred(article_id)
    assert not window.state.star_action.isChecked()
    assert "Not saved" in window.statusBar().currentMessage()


def test_a_read_state_that_cannot_be_saved_is_taken_back_and_said(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_article(qtbot, window, "Le Mali")
    article_id = window.state.current.id  # type: ignore[union-attr]
    assert window.model.unread(article_id)
    monkeypatch.setattr(UserData, "set_read", disk_full)
    with qtbot.waitSignal(window.state.message, timeout=5000) as said:
        window.state.read_action.trigger()  # Ctrl+U: mark as read
        assert not window.model.unread(article_id)
    assert "Not saved" in said.args[0]
    assert window.model.unread(article_id)
    assert window.state.read_action.text().replace("&", "") == "Mark as Read"


def test_a_task_without_its_own_error_handler_tells_the_reader(
    qtbot: QtBot, window: MainWindow
) -> None:
    def broken(_: TaskContext) -> None:
        raise OSError("the index is gone")

    with qtbot.waitSignal(window.tasks.failed, timeout=5000) as said:
        window.tasks.run("read", broken)
    assert "the index is gone" in said.args[0]
    assert "the index is gone" in window.statusBar().currentMessage()


def test_shutdown_names_the_lanes_that_did_not_finish(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    tasks = TaskRunner()
    release = threading.Event()
    tasks.run("writer", lambda ctx: release.wait(10))
    assert tasks.shutdown(timeout_ms=50) == ["writer"]
    assert "writer" in caplog.text
    release.set()
    assert tasks.shutdown() == []
