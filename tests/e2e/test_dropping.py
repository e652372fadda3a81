"""Nothing dropped on the window takes the app down: every kind of drop, on the list, the
pane and the window's frame, in a process of its own (a crash is a failed test, not a
dead test runner); and folders dropped through a real display's drag and drop, where
the crash was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
# The drivers run as scripts: they import this tree's reader, not an installed one.
ENVIRON = {**os.environ, "PYTHONPATH": str(HERE.parents[1])}
ARTICLE = "---\ntitle: {0}\ndate: 2024-01-02\n---\n\n{0}: a paragraph about tides.\n"


def _library(folder: Path, *titles: str) -> Path:
    folder.mkdir(parents=True)
    for title in titles:
        (folder / f"{title.lower()}.md").write_text(ARTICLE.format(title), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_every_kind_of_drop_anywhere_leaves_the_app_running(tmp_path: Path) -> None:
    library = _library(tmp_path / "library", "Harbour")
    (library / "mali.txt").write_text("Le Mali\n\nUn paragraphe.\n", encoding="utf-8")
    other = _library(tmp_path / "other", "Lighthouse")
    outside = _library(tmp_path / "loose", "Tides") / "tides.md"
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    driver = subprocess.run(
        [sys.executable, str(HERE / "drop_driver.py"), library, other, outside, scratch],
        env={**ENVIRON, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = driver.stdout.splitlines()
    assert driver.returncode == 0, f"status {driver.returncode} after {lines[-1:]}"
    assert lines[-1] == "SURVIVED"
    assert len([line for line in lines if line.startswith("DROPPED")]) == 27


NEEDS_X = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]


@pytest.mark.slow
@pytest.mark.skipif(bool(NEEDS_X), reason=f"needs {' and '.join(NEEDS_X)}")
def test_folders_dropped_through_a_real_display_open_and_the_app_lives(
    tmp_path: Path, x_server: str
) -> None:
    library = _library(tmp_path / "start-library", "Harbour")
    folders = [_library(tmp_path / f"dropped-{n}", f"Tides{n}") for n in ("one", "two", "six")]
    driver = subprocess.run(
        [sys.executable, str(HERE / "real_drop_driver.py"), library, *folders],
        env={**ENVIRON, "DISPLAY": x_server},
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    lines = driver.stdout.splitlines()
    assert lines[-1:] == ["SURVIVED"], f"status {driver.returncode}: {lines} {driver.stderr}"
    assert lines[:-1] == ["DROPPED list", "DROPPED pane", "DROPPED window"]
