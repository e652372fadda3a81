"""Triage moves and review answers survive a SIGKILL right after they return."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from reader.core.annotations.annotating import create
from reader.core.annotations.reading_text import reading_text
from reader.core.library.library import Library
from reader.core.review.daily import ReviewDeck
from reader.core.review.schedule import INTERVALS
from reader.core.triage.triage import Triage

DRIVER = Path(__file__).resolve().parent / "user_state_driver.py"
REPOSITORY = Path(__file__).resolve().parents[2]
DAY = date(2026, 6, 1)  # the driver's

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")


def kill_after(library: Path, mode: str) -> None:
    """Run the driver until it says DONE, then kill it outright."""
    env = {**os.environ, "PYTHONPATH": str(REPOSITORY)}
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), str(library), mode],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True, env=env,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "DONE", "the driver ended without DONE"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()
    assert process.returncode == -signal.SIGKILL


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    for name in ("alpha", "beta", "gamma"):
        (root / f"{name}.md").write_text(f"# {name}\n\nThe {name} text says one thing.\n")
    return root


def test_a_queue_and_the_archive_survive_a_kill(library: Path) -> None:
    kill_after(library, "later")
    kill_after(library, "archive")
    reopened = Library(library)
    try:
        triage = Triage(reopened.userdata)
        paths = {row.id: row.path for row in reopened.catalog.rows()}
        assert [paths[i] for i in triage.queue()] == ["beta.md", "gamma.md"]
        assert [paths[i] for i, state in triage.states().items() if state == "archive"] == [
            "alpha.md"
        ]
    finally:
        reopened.close()


def test_a_review_answer_survives_a_kill(library: Path) -> None:
    opened = Library(library)
    try:
        opened.refresh()
        row = opened.catalog.row_by_path("alpha.md")
        assert row is not None
        article = opened.read_article(row)
        text = reading_text(article)
        start = text.index("one thing")
        opened.userdata.save(
            create(row.id, text, start, start + 9, "green", "", article.fingerprint)
        )
    finally:
        opened.close()
    kill_after(library, "answer")
    reopened = Library(library)
    try:
        deck = ReviewDeck(reopened.userdata)
        [item] = deck.items(DAY)
        assert item.answered == "keep"  # the day's list and its answer, both kept
        record = deck.record(item.annotation_id)
        assert record is not None and record.due == DAY + timedelta(days=INTERVALS[0])
        assert deck.progress(DAY).done == 1
    finally:
        reopened.close()
