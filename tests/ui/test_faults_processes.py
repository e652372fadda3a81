"""The window beside other processes and an unlucky library.

Another process (the command line's ``index``) changes the catalog while the window is
open; the library's folder is emptied under it and comes back; an import file nested too
deep; a search snippet of HTML-like text; an article slow to render made moot by the
next one. Every wait is ``qtbot.waitUntil`` or a signal, never a sleep.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from driving import open_article
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from reader.core import operations
from reader.core.library.library import Library
from reader.core.limits import MAX_RENDER_SECONDS
from reader.ui.library_list.article_model import ID_ROLE, SNIPPET_ROLE, TITLE
from reader.ui.library_list.snippet_delegate import ArticleDelegate
from reader.ui.window.main_window import MainWindow

WAIT_MS = 30_000


def _titles(window: MainWindow) -> set[str]:
    return {window.model.index(r, TITLE).data() for r in range(window.model.rowCount())}


def _ids(window: MainWindow) -> set[int]:
    return {window.model.index(r, TITLE).data(ID_ROLE) for r in range(window.model.rowCount())}


def _index_in_another_process(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "index", "--library", str(root)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_an_article_another_process_indexes_is_listed_without_a_file_event(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    window = open_window(library)
    before = window.model.rowCount()
    window.session.refresh.watcher.blockSignals(True)  # no file event: only the poll can tell
    try:
        (library / "added.txt").write_text("Added by the command line\n\nZebu.\n", "utf-8")
        done = _index_in_another_process(library)
        assert done.returncode == 0, done.stderr
        assert "UNIQUE" not in done.stderr and "Traceback" not in done.stderr
        qtbot.waitUntil(lambda: "Added by the command line" in _titles(window), timeout=WAIT_MS)
    finally:
        window.session.refresh.watcher.blockSignals(False)
    assert window.model.rowCount() == before + 1
    with qtbot.waitSignal(window.session.search.results_ready, timeout=WAIT_MS):
        window.search_field.setText("zebu")  # the index the other process wrote is searched
    assert window.model.rowCount() == 1


def test_the_window_and_the_command_line_refresh_one_library_at_once(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    window = open_window(library)
    before = window.model.rowCount()
    for n in range(20):  # both the window (a file event) and the command line refresh
        (library / f"new{n:02d}.txt").write_text(f"New article {n}\n\nText {n}.\n", "utf-8")
    done = _index_in_another_process(library)
    assert done.returncode == 0, done.stderr
    assert "UNIQUE" not in done.stderr and "Traceback" not in done.stderr
    wanted = {f"New article {n}" for n in range(20)}
    qtbot.waitUntil(lambda: wanted <= _titles(window), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.session.refresh.running, timeout=WAIT_MS)
    assert window.model.rowCount() == before + 20
    assert "Could not update" not in window.statusBar().currentMessage()


def test_a_vanished_library_keeps_its_list_and_comes_back_whole(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    window = open_window(library)
    ids = _ids(window)
    saved = {path: path.read_bytes() for path in library.iterdir()}
    for path in saved:
        path.unlink()  # an unmounted drive leaves an empty mount point
    said = window.progress.label
    qtbot.waitUntil(lambda: "empty or not mounted" in said.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.session.refresh.running, timeout=WAIT_MS)
    assert "empty or not mounted" in said.text()  # still said once the refresh is over
    assert _ids(window) == ids  # the list keeps its articles
    other = Library(library)
    try:
        assert {row.id for row in other.catalog.rows()} == ids  # nothing removed
    finally:
        other.close()
    for path, data in saved.items():
        path.write_bytes(data)  # the drive is back
    qtbot.waitUntil(lambda: "empty or not mounted" not in said.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.session.refresh.running, timeout=WAIT_MS)
    assert _ids(window) == ids  # the same articles (identity and read state kept)


def test_an_import_nested_too_deep_is_one_line_and_progress_is_said(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    messages: list[str] = []
    window.exports.message.connect(messages.append)
    deep = tmp_path / "deep.jsonld"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    window.exports.import_file(deep)
    qtbot.waitUntil(lambda: any("Could not import" in m for m in messages), timeout=WAIT_MS)
    [failure] = [m for m in messages if "Could not import" in m]
    assert "\n" not in failure and "nested too deep" in failure
    assert window.statusBar().currentMessage() == failure

    messages.clear()
    good = tmp_path / "good.jsonld"
    annotations = [
        {
            "id": f"urn:uuid:00000000-0000-4000-8000-{n:012d}",
            "type": "Annotation",
            "target": {
                "source": "mali.txt",
                "selector": {"type": "TextQuoteSelector", "exact": "forces armées"},
            },
        }
        for n in range(120)
    ]
    good.write_text(json.dumps(annotations), encoding="utf-8")
    window.exports.import_file(good)
    qtbot.waitUntil(lambda: any(m.startswith("Imported") for m in messages), timeout=WAIT_MS)
    progress = [m for m in messages if m.startswith("Importing highlights from good.jsonld")]
    assert progress[0].endswith(": 0 of 120 placed…")
    assert progress[-1].endswith(": 120 of 120 placed…")
    assert messages[-1].startswith("Imported 120 highlights")


def test_a_snippet_of_html_like_text_is_shown_as_written(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library_root: Path
) -> None:
    written = "Quokka <b>x</b> & <i>y</i> > z"
    (library_root / "tags.txt").write_text(f"Tags\n\n{written}\n", encoding="utf-8")
    window = open_window(library_root)
    with qtbot.waitSignal(window.session.search.snippets_ready, timeout=WAIT_MS):
        window.search_field.setText("quokka")
    index = window.model.index(0, TITLE)
    assert index.data(SNIPPET_ROLE) == (
        "<mark>Quokka</mark> &lt;b&gt;x&lt;/b&gt; &amp; &lt;i&gt;y&lt;/i&gt; &gt; z"
    )
    delegate = window.list_view.itemDelegate()
    assert isinstance(delegate, ArticleDelegate)
    image = QImage(600, 80, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 600, 80)
    option.widget = window.list_view
    try:
        delegate.paint(painter, option, index)
    finally:
        painter.end()
    assert delegate._document.toPlainText() == written


def test_an_article_made_moot_stops_rendering(
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    library_root: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (library_root / "slow.md").write_text("# Slow\n\n" + "[" * 30_000 + "\n", encoding="utf-8")
    (library_root / "quick.txt").write_text("Quick\n\nA quick article.\n", encoding="utf-8")
    started: set[str] = set()
    ended: dict[str, tuple[str, float]] = {}
    real = operations.open_article

    def timed(library: Library, row: object, lang: str = "en", **how: object) -> object:
        path = getattr(row, "path", "")
        started.add(path)
        start = time.monotonic()
        try:
            opened = real(library, row, lang, **how)  # type: ignore[arg-type]
        except operations.OpenStopped:
            ended[path] = ("stopped", time.monotonic() - start)
            raise
        ended[path] = ("shown", time.monotonic() - start)
        return opened

    monkeypatch.setattr(operations, "open_article", timed)
    window = open_window(library_root)
    open_article(qtbot, window, "Quick")
    started.clear()
    rows = {window.model.index(r, TITLE).data(): r for r in range(window.model.rowCount())}
    window.select_row(rows["Slow"])
    qtbot.waitUntil(lambda: "slow.md" in started, timeout=WAIT_MS)  # it is rendering
    window.select_row(rows["Quick"])
    qtbot.waitUntil(lambda: "slow.md" in ended, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "A quick article." in window.reading.toPlainText(), timeout=WAIT_MS)
    outcome, seconds = ended["slow.md"]
    assert outcome == "stopped"  # not rendered to the end of its budget, then dropped
    assert seconds < MAX_RENDER_SECONDS
