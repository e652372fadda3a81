"""The headless command line as a real process: what only a process of its own can show.

The commands' behaviour is tested in-process in ``tests/cli``; here, ``python -m
reader`` itself and the promise that no command ever imports Qt (a fresh
interpreter, so nothing else has imported it first).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import COMMANDS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MALI_TITLE = "Le Mali a pu renforcer sa sécurité grâce à la Russie, selon Bamako"

# Each command once, in this order (export writes the file import then reads).
# {library} and {file} are filled in by the test.
EVERY_COMMAND = (
    ("index", "--library", "{library}"),
    ("list", "--library", "{library}"),
    ("search", "mali", "--library", "{library}"),
    ("export", "--library", "{library}", "--format", "jsonld", "--output", "{file}"),
    ("import", "{file}", "--library", "{library}"),
    ("show", "{library}/mali.txt"),
    ("related", "{library}/mali.txt", "--library", "{library}"),
    ("later", "{library}/mali.txt"),
    ("archive", "{library}/mali.txt"),
    ("inbox", "{library}/mali.txt"),
    ("review", "--library", "{library}", "--json"),
)
# Runs each command in a fresh interpreter and fails on the first one after which
# Qt is loaded or which does not succeed.
NO_QT_DRIVER = """
import json, sys
import reader.entry as entry
for argv in json.loads(sys.argv[1]):
    status = entry.main(argv)
    assert status == 0, f"{argv[0]} exited with {status}"
    qt = sorted(m for m in sys.modules if m.startswith("PySide6"))
    assert not qt, f"{argv[0]} imported Qt: {qt}"
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    shutil.copy(SEEDS / "000_10d9d95bf921b5c7.txt", root / "mali.txt")
    (root / "empty.txt").write_bytes(b"")
    return root


def test_list_defaults_to_the_bundled_seeds() -> None:
    result = run("-m", "reader", "list")
    assert result.returncode == 0, result.stderr
    assert MALI_TITLE in result.stdout


@pytest.mark.slow
def test_the_command_line_never_imports_qt(library: Path, tmp_path: Path) -> None:
    assert {argv[0] for argv in EVERY_COMMAND} == set(COMMANDS), "a command is not checked"
    fill = {"library": str(library), "file": str(tmp_path / "notes.jsonld")}
    argvs = [[arg.format(**fill) for arg in argv] for argv in EVERY_COMMAND]
    result = run("-c", NO_QT_DRIVER, json.dumps(argvs))
    assert result.returncode == 0, result.stderr


# Runs ``list`` on an indexed library in a fresh interpreter and prints every module of
# the search engine, the parsers and the renderer it loaded.
LIST_LOADS = """
import json, sys
import reader.entry as entry
status = entry.main(["list", "--json", "--library", sys.argv[1]])
heavy = ("whoosh", "markdown", "lxml", "yaml", "PySide6", "multiprocessing")
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in heavy)))
sys.exit(status)
"""


def test_listing_an_unchanged_library_loads_no_search_engine_nor_parser(library: Path) -> None:
    """``list`` with nothing changed reads the folder's stats and the catalog only: the
    search engine, the parsers and Qt, a good part of its time, stay unloaded."""
    assert run("-m", "reader", "index", "--library", str(library)).returncode == 0
    result = run("-c", LIST_LOADS, str(library))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == []
    # Changed since: the changed article is read (its parser loaded), and listed anew.
    (library / "mali.txt").write_text("Another title\n\nAnother text.\n", encoding="utf-8")
    result = run("-c", LIST_LOADS, str(library))
    assert result.returncode == 0, result.stderr
    assert "Another title" in result.stdout
