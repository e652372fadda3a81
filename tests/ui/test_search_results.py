"""Search results as the list: snippets, hits marked in the article, F3, stale queries."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from driving import settle
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core.library.library import Library
from reader.core.search.index import IndexCorrupt, SearchIndex
from reader.ui.library_list.article_model import SNIPPET_ROLE, TITLE
from reader.ui.session.search_steps import FIRST_HITS
from reader.ui.window.main_window import MainWindow

WAIT_MS = 10_000
MALI = "Le Mali a pu renforcer sa sécurité grâce à la Russie, selon Bamako"


def titles(window: MainWindow) -> list[str]:
    return [window.model.index(r, TITLE).data() for r in range(window.model.rowCount())]


def search(qtbot: QtBot, window: MainWindow, query: str) -> None:
    """Search, and wait for the hits and the details that follow them (snippets…)."""
    with qtbot.waitSignal(window.session.search.snippets_ready, timeout=WAIT_MS):
        window.search_field.setText(query)


def marked_words(window: MainWindow) -> list[str]:
    return [cursor.selectedText() for cursor in window.reading.hits.cursors]


def test_hits_carry_a_snippet_with_the_matched_words_marked(
    qtbot: QtBot, window: MainWindow
) -> None:
    search(qtbot, window, "moscou")
    snippet = window.model.index(0, TITLE).data(SNIPPET_ROLE)
    assert (
        snippet == "L’aide de <mark>Moscou</mark> a été précieuse au Mali pour mener sa "
        "lutte contre le terrorisme. « Nous avons pu renforcer nos forces armées », a-t-il "
        "ainsi expliqué."
    )


def test_opening_a_result_marks_every_hit_and_f3_steps_through_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    search(qtbot, window, "forces Moscou")
    assert titles(window) == [MALI]
    qtbot.waitUntil(lambda: len(window.reading.hits.cursors) == 2, timeout=WAIT_MS)
    assert marked_words(window) == ["Moscou", "forces"]
    assert window.reading.hits.current == 0
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_F3)
    assert window.reading.hits.current == 1
    assert window.reading.textCursor().position() == window.reading.hits.cursors[1].selectionEnd()
    qtbot.keyClick(window.reading, Qt.Key.Key_F3)
    assert window.reading.hits.current == 0  # wraps around
    qtbot.keyClick(window.reading, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.reading.hits.current == 1


def test_clearing_the_search_clears_marks_and_snippets(qtbot: QtBot, window: MainWindow) -> None:
    search(qtbot, window, "Moscou")
    qtbot.waitUntil(lambda: bool(window.reading.hits.cursors), timeout=WAIT_MS)
    window.search_field.clear()
    assert window.reading.hits.cursors == []
    assert all(window.model.index(r, TITLE).data(SNIPPET_ROLE) is None for r in range(4))


def test_an_outdated_query_never_reaches_the_list(qtbot: QtBot, window: MainWindow) -> None:
    answered: list[str] = []
    detailed: list[str] = []
    window.session.search.results_ready.connect(
        lambda listed: answered.append(listed.results.query)
    )
    window.session.search.snippets_ready.connect(lambda details: detailed.append(details.query))
    window.session.search.run("harbour")
    window.session.search.run("sécurité")  # asked before the first answered
    qtbot.waitUntil(lambda: answered == ["sécurité"] and bool(detailed), timeout=WAIT_MS)
    settle(qtbot, window)  # every task's answer handled: a late "harbour" would be here
    assert answered == ["sécurité"]
    assert set(detailed) == {"sécurité"}


def test_the_hits_are_listed_before_any_file_is_read_for_their_snippets(
    qtbot: QtBot, window: MainWindow
) -> None:
    said: list[tuple[str, Any]] = []
    window.session.search.results_ready.connect(lambda listed: said.append(("hits", listed)))
    window.session.search.snippets_ready.connect(lambda details: said.append(("details", details)))
    window.search_field.setText("moscou")
    qtbot.waitUntil(lambda: any(kind == "details" for kind, _ in said), timeout=WAIT_MS)
    (first, hits), (second, details) = said[:2]
    assert (first, second) == ("hits", "details")
    assert titles(window) == [MALI] and hits.snippets_html == {}  # listed without a snippet
    assert "<mark>Moscou</mark>" in details.snippets_html[hits.results.ids[0]]
    assert "<mark>Moscou</mark>" in window.model.index(0, TITLE).data(SNIPPET_ROLE)


def test_a_typo_offers_the_corrected_query(qtbot: QtBot, window: MainWindow) -> None:
    search(qtbot, window, "harbuor")
    suggestion = window.search_bar.suggestion
    assert suggestion.isVisibleTo(window) and ">harbour</a>" in suggestion.text()
    suggestion.linkActivated.emit("suggestion")  # what a click on the link does
    assert window.search_field.text() == "harbour"
    qtbot.waitUntil(lambda: titles(window) == ["The harbour at dawn"], timeout=WAIT_MS)
    assert not suggestion.isVisibleTo(window)


def test_a_malformed_query_still_searches_and_says_what_it_left_out(
    qtbot: QtBot, window: MainWindow
) -> None:
    search(qtbot, window, '(moscou date:abc "forces')
    assert titles(window) == [MALI]
    assert "left out: date:abc" in window.count_label.text()


def test_a_damaged_index_found_while_searching_is_rebuilt(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_query = SearchIndex.query
    real_rebuild = Library.rebuild_index
    calls = {"query": 0, "rebuild": 0}

    def fails_once(self: SearchIndex, *args: Any, **kwargs: Any) -> Any:
        calls["query"] += 1
        if calls["query"] == 1:
            raise IndexCorrupt("a segment is unreadable")
        return real_query(self, *args, **kwargs)

    def counted_rebuild(self: Library) -> None:
        calls["rebuild"] += 1
        real_rebuild(self)

    monkeypatch.setattr(SearchIndex, "query", fails_once)
    monkeypatch.setattr(Library, "rebuild_index", counted_rebuild)
    failures: list[str] = []
    window.session.search.failed.connect(lambda _query, message: failures.append(message))
    with qtbot.waitSignal(window.session.refresh.done, timeout=WAIT_MS):
        window.search_field.setText("moscou")
    assert failures == ["the search index was damaged; rebuilding it"]
    assert calls["rebuild"] == 1
    search(qtbot, window, "moscou ")  # searching again after the rebuild finds it
    assert titles(window) == [MALI]


def test_many_hits_are_listed_first_fifty_then_all(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library_root: Path
) -> None:
    for n in range(70):
        (library_root / f"note-{n:02}.txt").write_text(
            f"Note {n}\n\nQuokka number {n} of the island.\n", encoding="utf-8"
        )
    window = open_window(library_root)
    listed: list[int] = []
    window.session.search.results_ready.connect(lambda hits: listed.append(len(hits.results.hits)))
    window.search_field.setText("quokka island")  # every article: 70 hits
    qtbot.waitUntil(lambda: len(listed) == 2, timeout=WAIT_MS)
    assert listed == [FIRST_HITS, 70]  # the first screenfuls at once, then the rest
    assert window.model.rowCount() == 70
    qtbot.waitUntil(lambda: bool(window.model.index(0, TITLE).data(SNIPPET_ROLE)), timeout=WAIT_MS)
    assert "<mark>Quokka</mark>" in window.model.index(0, TITLE).data(SNIPPET_ROLE)
