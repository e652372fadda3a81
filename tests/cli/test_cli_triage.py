"""``later``, ``archive``, ``inbox`` and each article's state in ``list``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from running import Cli


@pytest.fixture
def library(library_root: Path) -> Path:
    for name, date in (("alpha", "2021"), ("beta", "2023"), ("gamma", "2022"), ("delta", "2020")):
        text = f"---\ntitle: {name.title()}\ndate: {date}-01-01\n---\n\nThe {name} text.\n"
        (library_root / f"{name}.md").write_text(text, encoding="utf-8")
    return library_root


def states(cli: Cli, library: Path) -> dict[str, str]:
    result = cli("list", str(library), "--json")
    assert result.returncode == 0, result.stderr
    return {row["path"]: row["state"] for row in json.loads(result.stdout)}


def listed(cli: Cli, library: Path, *more: str) -> list[str]:
    result = cli("list", str(library), "--json", *more)
    assert result.returncode == 0, result.stderr
    return [row["path"] for row in json.loads(result.stdout)]


def test_moving_articles_between_inbox_queue_and_archive(cli: Cli, library: Path) -> None:
    assert set(states(cli, library).values()) == {"inbox"}
    queued = cli("later", str(library / "gamma.md"), str(library / "alpha.md"))
    assert (queued.returncode, queued.stdout) == (0, "2 articles added to the queue\n")
    assert cli("archive", "beta.md", "--library", str(library)).stdout == "1 article archived\n"
    assert states(cli, library) == {
        "alpha.md": "later", "beta.md": "archive", "gamma.md": "later", "delta.md": "inbox",
    }  # fmt: skip
    assert listed(cli, library, "--state", "later") == ["gamma.md", "alpha.md"]  # queue order
    assert listed(cli, library, "--state", "later", "--sort", "date") == ["gamma.md", "alpha.md"]
    assert listed(cli, library, "--state", "later", "--reverse") == ["alpha.md", "gamma.md"]
    assert listed(cli, library, "--state", "archive") == ["beta.md"]
    back = cli("inbox", str(library / "beta.md"))
    assert back.stdout == "1 article back in the inbox\n"
    assert listed(cli, library, "--state", "inbox") == ["beta.md", "delta.md"]  # newest first


def test_later_top_puts_them_first_in_the_order_given(cli: Cli, library: Path) -> None:
    cli("later", str(library / "alpha.md"), str(library / "beta.md"))
    assert (
        cli("later", str(library / "delta.md"), str(library / "gamma.md"), "--top").returncode == 0
    )
    assert listed(cli, library, "--state", "later") == [
        "delta.md",
        "gamma.md",
        "alpha.md",
        "beta.md",
    ]


def test_later_top_says_queued_articles_moved_up(cli: Cli, library: Path) -> None:
    cli("later", str(library / "alpha.md"), str(library / "beta.md"))
    moved = cli("later", str(library / "beta.md"), "--top")
    assert (moved.returncode, moved.stdout) == (0, "1 article moved to the top of the queue\n")
    assert listed(cli, library, "--state", "later") == ["beta.md", "alpha.md"]
    again = cli("later", str(library / "beta.md"), "--top")
    assert again.stdout == "0 articles moved to the top of the queue\n"


def test_the_human_list_marks_queued_and_archived_articles(cli: Cli, library: Path) -> None:
    cli("later", str(library / "alpha.md"))
    cli("archive", str(library / "delta.md"))
    lines = cli("list", str(library)).stdout.splitlines()
    assert [line.rsplit("  ", 1)[-1] for line in lines] == [
        "(beta.md)",
        "(gamma.md)",
        "[later]",
        "[archived]",
    ]


def test_a_path_outside_the_library_moves_nothing(cli: Cli, library: Path, tmp_path: Path) -> None:
    stray = tmp_path / "stray.md"
    stray.write_text("# Stray\n\ntext\n", encoding="utf-8")
    result = cli("archive", str(library / "alpha.md"), str(stray), "--library", str(library))
    assert result.returncode == 2
    assert "is not inside the library" in result.stderr
    missing = cli("later", str(library / "nothing.md"))
    assert missing.returncode == 2 and "not a file" in missing.stderr
    assert set(states(cli, library).values()) == {"inbox"}


def test_search_narrows_to_a_state(cli: Cli, library: Path) -> None:
    cli("archive", str(library / "alpha.md"), str(library / "beta.md"))
    result = cli("search", "text is:archived", str(library), "--json")
    assert {hit["path"] for hit in json.loads(result.stdout)} == {"alpha.md", "beta.md"}
    found = cli("search", "text", str(library), "--json")
    assert len(json.loads(found.stdout)) == 4  # archived articles are found too
