"""The related articles under the reading pane fold away (and stay folded after a
relaunch), and at 1024×600 they leave the article most of the column's height (at least
four fifths less the section's own heading)."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.ui.window.main_window import MainWindow
from tests.ui.driving import open_article

TOPIC = (
    "fishing", "boats", "harbour", "storm", "trawler", "crews", "hauled", "nets", "fishermen",
    "watched", "waves", "master", "counted", "quay", "tide", "anchor", "sails", "gulls",
    "lighthouse", "mooring", "catch",
)  # fmt: skip


def body(n: int) -> str:
    """Words of one topic in an order of its own: related, never the same text."""
    words = random.Random(n).choices(TOPIC, k=60)
    return " ".join(words).capitalize() + "."


@pytest.fixture
def harbour(tmp_path: Path) -> Path:
    """Eight articles of one topic (five related to each, at most) and a copy of one."""
    root = tmp_path / "harbour"
    root.mkdir()
    for n in range(8):
        (root / f"sea{n}.md").write_text(
            f"---\ntitle: Harbour story {n}\ndate: 2024-05-0{n + 1}\nsource: Coast News\n"
            f"lang: en\n---\n\n{body(n)}\n",
            "utf-8",
        )
    (root / "copy.md").write_bytes((root / "sea0.md").read_bytes())
    return root


def column_height(window: MainWindow) -> int:
    return window.reading_pane.parentWidget().height()


def found(window: MainWindow) -> bool:
    return window.related.related_list.count() >= 5 and window.related.duplicates_list.count()


def test_at_1024_by_600_the_article_keeps_most_of_the_column(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], harbour: Path
) -> None:
    window = open_window(harbour)
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.height() <= 600)
    open_article(qtbot, window, "Harbour story 0")
    qtbot.waitUntil(lambda: found(window), timeout=10_000)
    qtbot.waitUntil(lambda: window.related.related_list.isVisible())
    assert window.reading_pane.height() >= 0.78 * column_height(window)
    # the lines that do not fit scroll: none is cut off unseen
    related = window.related.related_list
    if related.height() < related.count() * related.sizeHintForRow(0):
        assert related.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded


def test_the_related_section_folds_and_stays_folded_after_a_relaunch(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], harbour: Path
) -> None:
    window = open_window(harbour)
    open_article(qtbot, window, "Harbour story 0")
    qtbot.waitUntil(lambda: found(window), timeout=10_000)
    unfolded = window.reading_pane.height()
    qtbot.mouseClick(window.related.heading, Qt.MouseButton.LeftButton)
    assert not window.related.related_list.isVisible()
    assert not window.related.duplicates_list.isVisible()
    qtbot.waitUntil(lambda: window.reading_pane.height() > unfolded)  # the article grows
    window.close()

    again = open_window(harbour)
    open_article(qtbot, again, "Harbour story 1")
    qtbot.waitUntil(lambda: again.related.related_list.count() > 0, timeout=10_000)
    assert again.related.heading.isVisible()  # folded, the heading stays to unfold it
    assert not again.related.related_list.isVisible()
    qtbot.mouseClick(again.related.heading, Qt.MouseButton.LeftButton)
    assert again.related.related_list.isVisible()
