"""The window against hostile and unlucky libraries.

Text from a library is never rich text anywhere in the UI; a bad file among good ones
leaves the good ones listed; a named pipe named like an image, a slow article and a
huge one never stop the window.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from driving import open_article, select_words, settle
from PySide6.QtCore import QEvent, QTimer, QUrl
from PySide6.QtGui import QColor, QHelpEvent, QImage, QTextDocument
from PySide6.QtWidgets import QApplication, QInputDialog, QToolTip
from pytestqt.qtbot import QtBot
from rich_text_walk import (
    BOLD,
    IMG,
    LINK,
    OPEN_BOLD,
    OPEN_LINK,
    Walk,
    as_auto_text,
    walk_everything,
)

from reader.core import operations
from reader.core.annotations.annotating import create
from reader.core.limits import MAX_SHOWN_CHARS
from reader.ui.annotations.tags_dialog import TagsDialog
from reader.ui.library_list.article_model import ID_ROLE, TITLE
from reader.ui.prefs.themes import THEMES
from reader.ui.session.article_images import placeholder
from reader.ui.window.main_window import MainWindow

HOSTILE_MD = f"""---
title: '{IMG} T'
source: '{BOLD}'
tags: ['{LINK}']
---

Quokka paragraph, in Markdown (where HTML is markup, and sanitized).

A [link with a title](https://example.org '{IMG} T') to hover.
"""


@pytest.fixture
def hostile_library(tmp_path: Path) -> Path:
    """A library whose folder, file names, titles, sources and tags are all HTML."""
    root = tmp_path / f"{OPEN_LINK} library"
    root.mkdir()
    (root / f"{IMG} T.md").write_text(HOSTILE_MD, encoding="utf-8")
    plain = f"{LINK}\n\nA quokka wrote {BOLD}, {IMG} and {LINK} in plain text.\n"
    (root / f"{OPEN_BOLD}.txt").write_text(plain, encoding="utf-8")
    (root / f"{IMG} broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    return root


def _title_row(window: MainWindow, start: str) -> int:
    titles = [window.model.index(r, TITLE).data() for r in range(window.model.rowCount())]
    return next(n for n, title in enumerate(titles) if title.startswith(start))


def test_no_text_of_a_hostile_library_is_ever_taken_for_rich_text(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], hostile_library: Path
) -> None:
    window = open_window(hostile_library)
    open_article(qtbot, window, f"{IMG} T")
    select_words(window, "Quokka paragraph")
    window.annotator.highlight_selection("yellow")
    [placed] = window.annotator.placed
    window.annotator.set_note(placed.annotation.id, f"{IMG} note\n{BOLD}")
    article_id = window.annotator.opened.id  # type: ignore[union-attr]
    with qtbot.waitSignal(window.state.tags_changed, timeout=5000):
        window.state.add_tag(article_id, BOLD)
    window.libraries.fill_recent()
    window.show_notice(f"Not an article of this library: {LINK}")
    tags = TagsDialog(article_id, window.model, window.state, window)
    tags.show()
    tags.list.setCurrentRow(next(
        n for n in range(tags.list.count()) if tags.list.item(n).text() == BOLD
    ))  # fmt: skip
    tags.ask_rename()
    window.show_all_annotations()
    assert window._all_annotations is not None
    qtbot.waitUntil(lambda: window._all_annotations.list.count() > 0, timeout=5000)  # type: ignore[union-attr]
    with qtbot.waitSignal(window.session.search.results_ready, timeout=10_000):
        window.search_field.setText("quokka nonexistent")  # a word of the note: its line
    first = walk_everything()
    with qtbot.waitSignal(window.session.search.results_ready, timeout=10_000):
        window.search_field.setText(f"{BOLD} {IMG} nothingmatchesthis")
    second = walk_everything()
    assert not first.problems + second.problems
    wanted = {"item tooltip", "label", "action", "window title", "snippet", "status bar"}
    assert wanted <= first.kinds | second.kinds, first.kinds | second.kinds
    for dialog in QApplication.topLevelWidgets():
        if isinstance(dialog, QInputDialog):
            dialog.reject()


def test_a_title_in_the_article_is_shown_as_written_in_its_tooltip(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], hostile_library: Path
) -> None:
    window = open_window(hostile_library)
    open_article(qtbot, window, f"{IMG} T")
    view = window.reading
    link = view.document().find("link with a title")
    point = view.cursorRect(link).center()
    point.setX(point.x() - 10)  # inside the link's last word
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    walk = Walk()
    walk.check("tooltip", "the reading pane", QToolTip.text(), as_auto_text(QToolTip.text()))
    assert not walk.problems
    assert walk.kinds == {"tooltip"}  # the tooltip was shown, and literally


def test_a_bad_file_among_good_ones_leaves_every_good_one_listed(
    open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    root = tmp_path / "mixed"
    root.mkdir()
    good = {f"good{n}.md": f"---\ntitle: Good article {n}\n---\n\nFine.\n" for n in range(4)}
    bad = {
        "date.md": "---\ntitle: Bad date\ndate: 2023-02-30\ntime: 25:99:99\n---\n\nx\n",
        "alias.md": "---\na: &a [*a]\ntitle: *a\n---\n\nx\n",
        "nested.md": "[" * 5000 + "\n",
        "deep.md": "".join("  " * n + "- item\n" for n in range(600)),
    }
    for name, text in {**good, **bad}.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 500)
    (root / os.fsdecode(b"caf\xe9.txt")).write_bytes(b"Caf\xe9 latin-1\n\nTexte.\n")
    window = open_window(root)
    titles = {window.model.index(r, TITLE).data() for r in range(window.model.rowCount())}
    assert {f"Good article {n}" for n in range(4)} <= titles
    assert window.model.rowCount() == len(good) + len(bad) + 2  # the bad ones listed too


def _unblock_later(fifo: Path, after: float, stop: threading.Event) -> threading.Thread:
    """Should the window open the pipe, it would wait for a writer forever: one comes
    after ``after`` seconds, so a failing test fails by the clock instead of hanging."""

    def run() -> None:
        if stop.wait(after):
            return
        while not stop.is_set():
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:  # no reader (yet): try again shortly, unless told to stop
                stop.wait(0.05)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_a_named_pipe_named_like_an_image_never_blocks_the_window(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    root = tmp_path / "pictures"
    root.mkdir()
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    image.save(str(root / "real.png"))
    os.mkfifo(root / "pipe.png")
    (root / "pictures.md").write_text(
        "# Pictures\n\n![a pipe](pipe.png)\n\nBetween the two.\n\n![a real one](real.png)\n",
        encoding="utf-8",
    )
    window = open_window(root)
    stop = threading.Event()
    _unblock_later(root / "pipe.png", 8.0, stop)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    try:
        started = time.monotonic()
        open_article(qtbot, window, "Pictures")
        window.reading.viewport().repaint()  # lays out the images: loads them
        painted = time.monotonic()
        qtbot.waitUntil(lambda: len(ticks) > 1 and ticks[-1] > painted)  # it ticks on after
        elapsed = painted - started
    finally:
        stop.set()
        timer.stop()
    assert elapsed < 5, f"the window waited {elapsed:.1f} s for the pipe"
    assert max(b - a for a, b in pairwise(ticks)) < 2  # it kept ticking
    document = window.reading.document()
    kind = QTextDocument.ResourceType.ImageResource.value
    assert isinstance(document.resource(kind, QUrl("real.png")), QImage)
    shown = document.resource(kind, QUrl("pipe.png"))  # never read: its alt text's placeholder
    assert isinstance(shown, QImage) and shown.size() == placeholder("a pipe").size()
    assert "Between the two." in window.reading.toPlainText()


def test_an_article_slow_to_render_never_holds_up_the_next_one(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow_id = window.model.index(_title_row(window, "The harbour"), 0).data(ID_ROLE)
    release = threading.Event()
    real = operations.open_article

    rendering = threading.Event()

    def slow_for_one(library: object, row: object, lang: str = "en", **how: object) -> object:
        if getattr(row, "id", row) == slow_id:
            rendering.set()
            release.wait(20)  # as a render using its whole time budget, and more
        return real(library, row, lang, **how)  # type: ignore[arg-type]

    monkeypatch.setattr(operations, "open_article", slow_for_one)
    try:
        window.select_row(_title_row(window, "The harbour"))
        qtbot.waitUntil(rendering.is_set)  # the slow one is rendering
        started = time.monotonic()
        open_article(qtbot, window, "Jardins partagés")
        assert time.monotonic() - started < 3
        assert "Les jardins partagés gagnent du terrain" in window.reading.toPlainText()
    finally:
        release.set()
    settle(qtbot, window)  # the slow one finished late: it is not shown over the one asked for
    assert "Les jardins partagés gagnent du terrain" in window.reading.toPlainText()


def test_a_huge_article_shows_its_start_and_keeps_every_highlight(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    root = tmp_path / "huge"
    root.mkdir()
    words = "lorem ipsum dolor sit amet consectetur adipiscing elit "
    body = (words * (MAX_SHOWN_CHARS * 3 // len(words)))[: MAX_SHOWN_CHARS * 3]
    (root / "huge.txt").write_text(f"A huge article\n\n{body}THE END\n", encoding="utf-8")
    window = open_window(root)
    open_article(qtbot, window, "A huge article")
    shown = window.reading.toPlainText()
    assert "Showing the first" in shown and "too long to show whole" in shown
    assert window.reading.document().characterCount() < MAX_SHOWN_CHARS + 1000
    assert "THE END" not in shown
    assert "too long to show whole" in window.statusBar().currentMessage()
    # A highlight near the start is drawn; one past what is shown is kept, not drawn.
    opened = window.annotator.opened
    assert opened is not None and len(opened.text) > MAX_SHOWN_CHARS * 2
    userdata = window.session.userdata
    assert userdata is not None
    end = opened.text.index("THE END")
    near = create(opened.id, opened.text, 20, 40, "yellow")
    far = create(opened.id, opened.text, end, end + 7, "green")
    userdata.save(near, far)
    window._reload_current()
    qtbot.waitUntil(lambda: len(window.annotator.placed) == 2, timeout=20_000)
    assert [item.annotation.id for _, _, item in window.annotator.layer.spans] == [near.id]
    assert {a.id for a in userdata.annotations(opened.id)} == {near.id, far.id}


def _notice_background(window: MainWindow) -> QColor:
    block = window.reading.document().find("Shown as plain text").block()
    return block.blockFormat().background().color()


def test_an_article_shown_as_plain_text_says_so_in_every_theme(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    root = tmp_path / "deep"
    root.mkdir()
    nested = "".join("    " * n + "- level\n" for n in range(600))  # past the render depth
    (root / "deep.md").write_text(f"# Deep lists\n\n{nested}", encoding="utf-8")
    window = open_window(root)
    open_article(qtbot, window, "Deep lists")
    assert "Shown as plain text" in window.reading.toPlainText()
    assert "Shown as plain text" in window.statusBar().currentMessage()
    controls = window.controls
    try:
        for theme in ("light", "sepia", "dark"):
            controls.groups["theme"][theme].trigger()
            page = THEMES[theme].base

            def restyled(page: str = page) -> bool:  # the page in the theme, the notice on a tint
                shown = window.reading.palette().base().color().name() == page
                return shown and _notice_background(window).name() not in ("#000000", page)

            qtbot.waitUntil(restyled)
    finally:
        controls.groups["theme"]["light"].trigger()
