"""Nothing is lost to a crash: the app is killed (SIGKILL) right after a change is saved."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.library.library import Library

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DRIVER = Path(__file__).resolve().parent / "kill_driver.py"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")


def run_until(library: Path, mode: str, word: str) -> None:
    """Start the app, wait for ``word`` on its output, then kill it outright."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), str(library), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == word:
                break
        else:
            pytest.fail(f"the app ended without saying {word}")
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()
    assert process.returncode == -signal.SIGKILL


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    shutil.copy(SEEDS / "000_10d9d95bf921b5c7.txt", root / "mali.txt")
    return root


@pytest.mark.slow
@pytest.mark.parametrize(
    ("mode", "word", "note"),
    [("highlight", "HIGHLIGHTED", ""), ("note", "NOTED", "typed just before the crash")],
)
def test_a_highlight_and_a_note_survive_a_kill(
    library: Path, mode: str, word: str, note: str
) -> None:
    run_until(library, mode, word)
    reopened = Library(library)
    try:
        [annotation] = reopened.userdata.all_annotations()
        assert annotation.quote == "renforcer sa sécurité"
        assert annotation.note == note
        assert not annotation.orphan
    finally:
        reopened.close()
