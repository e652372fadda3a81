"""Running ``article-reader`` in the test's own process, its output captured."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import pytest

from reader.cli import main


@dataclass(frozen=True)
class CliResult:
    """What a run of the command left, as ``subprocess.CompletedProcess`` says it."""

    returncode: int
    stdout: str
    stderr: str


class Cli(Protocol):
    """``cli("search", "mali", "--json")``: the command's status and output."""

    def __call__(self, *args: str) -> CliResult: ...


def run_in_process(capsys: pytest.CaptureFixture[str], args: list[str]) -> CliResult:
    """``reader.cli.main(args)``, with only what this run printed."""
    capsys.readouterr()
    try:
        code = main(args)
    except SystemExit as exc:  # argparse's own errors and --help end the process so
        code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    out, err = capsys.readouterr()
    return CliResult(code, out, err)
