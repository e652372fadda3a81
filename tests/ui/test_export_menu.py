"""File → Export / Import Highlights, and a save that fails while the window runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from driving import highlighted_text, open_article, saved, select_words
from pytestqt.qtbot import QtBot

from reader.core.annotations.userdata import UserData, UserDataError
from reader.ui.window.main_window import MainWindow


def test_export_then_import_brings_a_deleted_highlight_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "forces armées")
    window.annotator.highlight_selection("purple")
    window.tasks.wait_idle()
    target = tmp_path / "out" / "highlights.jsonld"
    target.parent.mkdir()
    with qtbot.waitSignal(window.exports.message, timeout=10_000) as done:
        window.exports.export("jsonld", target)
    assert "exported" in done.args[0]
    data = json.loads(target.read_text(encoding="utf-8"))
    [item] = data["first"]["items"]
    assert item["target"]["source"] == "mali.txt" and item["reader:color"] == "purple"
    markdown = tmp_path / "out" / "highlights.md"
    with qtbot.waitSignal(window.exports.message, timeout=10_000):
        window.exports.export("markdown", markdown)
    assert "> forces armées" in markdown.read_text(encoding="utf-8")

    window.annotator.delete(saved(window)[0].id)
    assert highlighted_text(window) == [] and saved(window) == []
    messages: list[str] = []  # how far the import is, then what it did
    window.exports.message.connect(messages.append)
    window.exports.import_file(target)
    qtbot.waitUntil(lambda: any(m.startswith("Imported") for m in messages), timeout=10_000)
    assert messages[-1].startswith("Imported 1 highlight")
    qtbot.waitUntil(lambda: highlighted_text(window) == ["forces armées"], timeout=10_000)


def test_a_save_that_fails_says_so_and_shows_what_is_really_saved(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "forces armées")
    window.annotator.highlight_selection("blue")
    window.tasks.wait_idle()

    def disk_full(self: UserData, *annotations: object) -> None:
        raise UserDataError("the disk holding the library's data is full")

    monkeypatch.setattr(UserData, "save", disk_full)
    messages: list[str] = []
    window.annotator.message.connect(messages.append)
    select_words(window, "renforcer sa sécurité")
    window.annotator.highlight_selection("yellow")
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert "not saved" in messages[0] and "full" in messages[0]
    assert not window.annotator.highlight_action.isEnabled()
    qtbot.waitUntil(lambda: highlighted_text(window) == ["forces armées"], timeout=5000)
    assert [a.quote for a in saved(window)] == ["forces armées"]
