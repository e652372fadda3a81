"""The count line of ``article-reader search`` claims an exact total only when it has
counted it: a phrase's total is its articles, not its words' articles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from running import Cli

SIDE_BY_SIDE = 12  # articles with "lantern keeper"
APART = 15  # articles with both words, never side by side


@pytest.fixture
def library(library_root: Path) -> Path:
    for n in range(SIDE_BY_SIDE):
        (library_root / f"near-{n:02}.txt").write_text(
            f"Night {n}\n\nThe lantern keeper climbed the tower at dusk, night {n}.\n",
            encoding="utf-8",
        )
    for n in range(APART):
        (library_root / f"apart-{n:02}.txt").write_text(
            f"Shop {n}\n\nA keeper of accounts sold a lantern to the baker, day {n}.\n",
            encoding="utf-8",
        )
    return library_root


def count_line(stderr: str) -> str:
    return next(line for line in stderr.splitlines() if re.search(r"\bhits?\b", line))


def test_a_phrases_total_is_the_count_of_its_articles(library: Path, cli: Cli) -> None:
    result = cli("search", '"lantern keeper"', "--library", str(library), "--limit", "5", "--json")
    assert result.returncode == 0, result.stderr
    paths = [hit["path"] for hit in json.loads(result.stdout)]
    assert len(paths) == 5 and all(path.startswith("near-") for path in paths)
    assert count_line(result.stderr) == f"5 of {SIDE_BY_SIDE} hits"


def test_an_estimated_total_says_about(library: Path, cli: Cli) -> None:
    """Words past the limit are not counted one by one: the line must not claim it."""
    result = cli("search", "lantern keeper", "--library", str(library), "--limit", "5")
    assert result.returncode == 0, result.stderr
    line = count_line(result.stderr)
    found = re.fullmatch(r"5 of about (\d+) hits", line)
    assert found, line
    assert int(found.group(1)) >= SIDE_BY_SIDE + APART  # about, but never fewer than match
