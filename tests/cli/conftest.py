"""The command line run in-process, through ``reader.cli.main([...])``.

The command runs in the test's process, so it uses the test's private data folder
(``ARTICLE_READER_HOME``, set for each test by ``tests/conftest.py`` and read by
``reader.core.catalog.paths`` at each call). What needs a real process (never
importing Qt, ``python -m reader`` itself, a kill) is in ``tests/e2e``.
"""

from __future__ import annotations

import pytest
from running import Cli, CliResult, run_in_process


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """Runs ``article-reader ARGS`` in this process; returns its status and output."""

    def run(*args: str) -> CliResult:
        return run_in_process(capsys, list(args))

    return run


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line speaks the environment's language: these tests read English,
    whatever the machine running them is set to (a test asks for French itself)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
