"""File → Export This Article's Highlights: the article shown, as Markdown or W3C JSON-LD."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from driving import open_article, select_words
from pytestqt.qtbot import QtBot

from reader.ui.window.main_window import MainWindow

ENTRY = "Export This Article's Highlights…"


def file_action(window: MainWindow, text: str) -> object:
    [file_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&File"]
    file_menu.aboutToShow.emit()  # as when the reader opens it
    [action] = [a for a in file_menu.actions() if a.text().replace("&", "") == text]
    return action


@pytest.mark.parametrize("kind", ["markdown", "jsonld"])
def test_export_this_article_has_its_highlights_only(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    open_article(qtbot, window, "The harbour")
    select_words(window, "harbour")
    window.annotator.highlight_selection("yellow")
    open_article(qtbot, window, "Le Mali")
    select_words(window, "forces armées")
    window.annotator.highlight_selection("purple")
    window.tasks.wait_idle()
    target = tmp_path / f"mali.{'md' if kind == 'markdown' else 'jsonld'}"
    asked: list[str] = []

    def save_as(parent: object, caption: str, where: str, filters: str) -> tuple[str, str]:
        asked.append(where)
        return str(target), filters.split(";;")[0 if kind == "markdown" else 1]

    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", save_as)
    action = file_action(window, ENTRY)
    assert action.isEnabled()  # type: ignore[attr-defined]
    with qtbot.waitSignal(window.exports.message, timeout=10_000) as done:
        action.trigger()  # type: ignore[attr-defined]
    assert "exported" in done.args[0]
    assert Path(asked[0]).name == "mali highlights.md"  # named for the article, not as it
    text = target.read_text(encoding="utf-8")
    if kind == "markdown":
        assert "> forces armées" in text and "harbour" not in text.split("\n", 1)[1]
    else:
        [item] = json.loads(text)["first"]["items"]
        assert item["target"]["source"] == "mali.txt" and item["reader:color"] == "purple"
