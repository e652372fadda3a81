"""Related articles under the reading pane: found off the GUI thread once an article is
shown, duplicates apart, a click opens one (and Back returns)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core.search import related as core_related
from reader.ui.window.main_window import MainWindow
from tests.ui.driving import open_article

SEA = [
    (
        "Fishing boats in the storm",
        "Fishing boats left the harbour before the storm; the trawler "
        "crews hauled their nets, the fishermen watched the waves and the harbour master.",
    ),
    (
        "Trawlers and the harbour master",
        "The harbour master counted the trawlers and fishing "
        "boats; fishermen mended nets on the quay while waves broke on the harbour wall.",
    ),
    (
        "Nets, waves and fishermen",
        "Fishermen report the nets came back empty: waves, storm and "
        "trawlers crowding the harbour. The fishing boats stayed on the quay.",
    ),
]
GARDEN = [
    (
        "Tomatoes in the allotment",
        "Gardeners planted tomatoes and courgettes in the allotment; "
        "compost, seedlings and watering cans filled the greenhouse.",
    ),
    (
        "The greenhouse seedlings",
        "Seedlings of tomatoes grew in the greenhouse; the gardeners "
        "spread compost over the allotment beds and the courgettes.",
    ),
    (
        "Compost for courgettes",
        "Courgettes like compost, say the gardeners of the allotment; "
        "tomatoes and seedlings need the greenhouse in spring.",
    ),
]


def _write(root: Path, name: str, title: str, body: str, source: str) -> None:
    text = f"---\ntitle: {title}\ndate: 2024-05-0{len(name) % 9 + 1}\nsource: {source}\n"
    (root / name).write_text(f"{text}lang: en\n---\n\n{body}\n", encoding="utf-8")


@pytest.fixture
def topics(tmp_path: Path) -> Path:
    root = tmp_path / "topics"
    root.mkdir()
    for number, (title, body) in enumerate(SEA):
        _write(root, f"sea{number}.md", title, body, "Coast News")
    for number, (title, body) in enumerate(GARDEN):
        _write(root, f"garden{number}.md", title, body, "Garden Weekly")
    _write(root, "copy of sea0.md", SEA[0][0], SEA[0][1], "Coast News")  # the same story
    return root


def _titles(window: MainWindow, duplicates: bool = False) -> list[str]:
    view = window.related.duplicates_list if duplicates else window.related.related_list
    return [view.item(row).text().split(" — ")[0] for row in range(view.count())]


def _found(window: MainWindow) -> bool:
    return window.related.related_list.count() > 0


def test_related_of_its_topic_and_duplicate_apart(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], topics: Path
) -> None:
    window = open_window(topics)
    open_article(qtbot, window, "Fishing boats")
    qtbot.waitUntil(lambda: _found(window), timeout=10_000)
    related = _titles(window)
    assert set(related) == {SEA[1][0], SEA[2][0]}  # its topic's, none of the garden's
    assert _titles(window, duplicates=True) == [SEA[0][0]]  # the copy, apart
    assert window.related.duplicates_list.isVisible()
    assert "Coast News" in window.related.related_list.item(0).text()

    open_article(qtbot, window, "Compost")
    qtbot.waitUntil(lambda: GARDEN[0][0] in _titles(window), timeout=10_000)
    assert set(_titles(window)) == {GARDEN[0][0], GARDEN[1][0]}
    assert not window.related.duplicates_list.isVisible()


def test_clicking_a_related_article_opens_it_and_back_returns(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], topics: Path
) -> None:
    window = open_window(topics)
    open_article(qtbot, window, "Tomatoes")
    tomatoes = window.annotator.opened
    assert tomatoes is not None
    qtbot.waitUntil(lambda: window.history.current == tomatoes.id, timeout=10_000)  # read
    qtbot.waitUntil(lambda: _found(window), timeout=10_000)
    view = window.related.related_list
    item = view.item(0)
    wanted = item.text().split(" — ")[0]
    rect = view.visualItemRect(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(
        lambda: window.current_row() is not None and window.current_row().title == wanted,
        timeout=10_000,
    )  # type: ignore[union-attr]
    qtbot.waitUntil(
        lambda: window.annotator.opened is not None and window.annotator.opened.id != tomatoes.id,
        timeout=10_000,
    )
    window.history.back()
    qtbot.waitUntil(
        lambda: window.annotator.opened is not None and window.annotator.opened.id == tomatoes.id,
        timeout=10_000,
    )


def test_a_slow_related_search_never_delays_the_article(
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    topics: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(topics)
    release = threading.Event()
    started = threading.Event()

    real = core_related.related_articles

    def slow(*args: object, **kwargs: object) -> core_related.Related:
        started.set()
        release.wait(20)  # held until the article is seen shown
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(core_related, "related_articles", slow)
    try:
        open_article(qtbot, window, "Nets, waves")  # shown while the related ones wait
        qtbot.waitUntil(started.is_set, timeout=10_000)
        assert window.related.related_list.count() == 0
        open_article(qtbot, window, "The greenhouse")  # a newer article: the old answer moot
    finally:
        release.set()
    qtbot.waitUntil(lambda: _found(window), timeout=10_000)
    assert set(_titles(window)) == {GARDEN[0][0], GARDEN[2][0]}
