"""The list follows the folder while the app runs: add, edit, rename, move, delete."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.ui.library_list.article_model import ID_ROLE, TITLE
from reader.ui.window.main_window import MainWindow

WAIT_MS = 10_000


def titles(window: MainWindow) -> list[str]:
    return [window.model.index(r, TITLE).data() for r in range(window.model.rowCount())]


def id_of(window: MainWindow, title: str) -> int:
    return int(window.model.index(titles(window).index(title), TITLE).data(ID_ROLE))


def test_a_file_copied_in_appears_and_is_searchable(
    qtbot: QtBot, window: MainWindow, library: Path
) -> None:
    (library / "volcan.md").write_text("# Le réveil du volcan\n\nLa lave coule.\n", "utf-8")
    qtbot.waitUntil(lambda: "Le réveil du volcan" in titles(window), timeout=WAIT_MS)
    assert window.count_label.text() == "5 articles"
    window.search_field.setText("reveil")
    qtbot.waitUntil(lambda: titles(window) == ["Le réveil du volcan"], timeout=WAIT_MS)


def test_an_edited_file_updates_its_row_and_the_open_article(
    qtbot: QtBot, window: MainWindow, library: Path
) -> None:
    window.select_row(titles(window).index("The harbour at dawn"))
    qtbot.waitUntil(lambda: "Fishing boats" in window.reading.toPlainText(), timeout=WAIT_MS)
    before = id_of(window, "The harbour at dawn")
    path = library / "harbour.md"
    path.write_text(path.read_text("utf-8").replace("The harbour at dawn", "The harbour at dusk"))
    qtbot.waitUntil(lambda: "The harbour at dusk" in titles(window), timeout=WAIT_MS)
    assert id_of(window, "The harbour at dusk") == before
    qtbot.waitUntil(lambda: "The harbour at dusk" in window.reading.toPlainText(), timeout=WAIT_MS)


def test_a_renamed_or_moved_file_keeps_its_identity(
    qtbot: QtBot, window: MainWindow, library: Path
) -> None:
    title = "Jardins partagés : la ville en vert"
    before = id_of(window, title)
    (library / "jardins.txt").rename(library / "jardins-2021.txt")
    qtbot.waitUntil(
        lambda: window.model.article(before).path == "jardins-2021.txt", timeout=WAIT_MS
    )
    (library / "archive").mkdir()
    (library / "jardins-2021.txt").rename(library / "archive" / "jardins-2021.txt")
    qtbot.waitUntil(
        lambda: window.model.article(before).path == "archive/jardins-2021.txt", timeout=WAIT_MS
    )
    assert titles(window).count(title) == 1
    assert id_of(window, title) == before


def test_an_edit_in_a_subfolder_is_seen(qtbot: QtBot, window: MainWindow, library: Path) -> None:
    (library / "archive").mkdir()
    qtbot.waitUntil(
        lambda: str(library / "archive") in window.session.refresh.watcher.paths(), timeout=WAIT_MS
    )
    (library / "archive" / "note.md").write_text("# Une note\n\nBonjour.\n", "utf-8")
    qtbot.waitUntil(lambda: "Une note" in titles(window), timeout=WAIT_MS)


def test_a_deleted_file_leaves_the_list(qtbot: QtBot, window: MainWindow, library: Path) -> None:
    window.select_row(titles(window).index("The harbour at dawn"))
    qtbot.waitUntil(lambda: "Fishing boats" in window.reading.toPlainText(), timeout=WAIT_MS)
    os.remove(library / "harbour.md")
    qtbot.waitUntil(lambda: "The harbour at dawn" not in titles(window), timeout=WAIT_MS)
    assert window.count_label.text() == "3 articles"
    # Like a mail client, the selection moves on to a neighbour, which is shown.
    current = window.current_row()
    assert current is not None and current.title != "The harbour at dawn"
    qtbot.waitUntil(lambda: current.title in window.reading.toPlainText(), timeout=WAIT_MS)
    assert "Fishing boats" not in window.reading.toPlainText()


def test_a_second_launch_lists_at_once_from_the_catalog(
    qtbot: QtBot,
    open_window,
    library: Path,  # type: ignore[no-untyped-def]
) -> None:
    first = open_window(library)
    expected = sorted(titles(first))
    first.close()
    second = MainWindow(library, first.settings)
    qtbot.addWidget(second)
    # The catalog is shown before the refresh (which would re-scan) has finished.
    with qtbot.waitSignal(second.session.opened, timeout=WAIT_MS):
        pass
    assert sorted(titles(second)) == expected


@pytest.mark.slow
def test_a_big_first_build_runs_in_a_child_process(
    qtbot: QtBot,
    open_window,  # type: ignore[no-untyped-def]
    library: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("reader.core.library.bulk.BULK_THRESHOLD", 1)
    window = open_window(library)
    assert window.count_label.text() == "4 articles"
    window.search_field.setText("securite")
    qtbot.waitUntil(
        lambda: len(titles(window)) == 1 and "Mali" in titles(window)[0], timeout=WAIT_MS
    )
