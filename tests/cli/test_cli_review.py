"""``article-reader review``: the day's list, answers, and a month replayed with --today."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from running import Cli

from reader.core.library.library import Library
from reader.core.review.schedule import INTERVALS
from tests.core.review_helpers import highlight_all, sentences

START = date(2026, 2, 1)


@pytest.fixture
def library(library_root: Path) -> Path:
    (library_root / "notes.md").write_text(sentences(12), encoding="utf-8")
    (library_root / "tagged.md").write_text(sentences(2).replace("Notes", "Tagged"), "utf-8")
    opened = Library(library_root)
    try:
        opened.refresh()
        highlight_all(opened, "notes.md")
        highlight_all(opened, "tagged.md", color="blue", tags=("travail",))
    finally:
        opened.close()
    return library_root


def day_list(cli: Cli, library: Path, day: date, *more: str) -> list[dict[str, object]]:
    result = cli("review", str(library), "--json", "--today", day.isoformat(), *more)
    assert result.returncode == 0, result.stderr
    items: list[dict[str, object]] = json.loads(result.stdout)
    return items


def answer(cli: Cli, library: Path, item_id: str, word: str, day: date) -> str:
    result = cli("review", str(library), "--answer", item_id, word, "--today", day.isoformat())
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_month_replayed_with_today(cli: Cli, library: Path) -> None:
    seen: dict[str, list[date]] = {}
    kept_until: dict[str, date] = {}
    for offset in range(31):
        day = START + timedelta(days=offset)
        items = day_list(cli, library, day)
        ids = [str(item["id"]) for item in items]
        assert len(ids) <= 5 and len(set(ids)) == len(ids)
        assert day_list(cli, library, day) == items  # the same list all day
        for item in items:
            item_id = str(item["id"])
            assert {"quote", "note", "path", "title", "due"} <= item.keys()
            assert kept_until.get(item_id, day) <= day  # never before it is due
            seen.setdefault(item_id, []).append(day)
            said = answer(cli, library, item_id, "keep", day)
            step = len(seen[item_id]) - 1
            back = day + timedelta(days=INTERVALS[min(step, len(INTERVALS) - 1)])
            assert said == f"back on {back.isoformat()}\n"
            kept_until[item_id] = back
        done = cli("review", str(library), "--today", day.isoformat())
        assert done.stderr.endswith(
            f"{offset + 1} days in a row\n" if offset else "1 day in a row\n"
        )
    assert len(seen) == 14  # the whole backlog came back over the month
    first = sorted(seen, key=lambda i: seen[i][0])[0]
    gaps = [(b - a).days for a, b in zip(seen[first], seen[first][1:], strict=False)]
    assert gaps == list(INTERVALS[: len(gaps)])


def test_answers_and_the_human_list(cli: Cli, library: Path) -> None:
    items = day_list(cli, library, START, "--limit", "3")
    short = str(items[0]["id"]).removeprefix("urn:uuid:")[:8]
    assert answer(cli, library, short, "mastered", START) == "mastered: it will not come back\n"
    assert answer(cli, library, str(items[1]["id"]), "skip", START) == "skipped for today\n"
    shown = cli("review", str(library), "--limit", "3", "--today", START.isoformat())
    lines = shown.stdout.splitlines()
    assert lines[0] == f"1. [{short}] “Sentence number 0 says a thing.”"
    assert lines[1] == "   — Notes · (notes.md)"
    assert lines[2] == "   ✓ mastered"
    assert shown.stderr == "1 left today, 2 done\n"
    tomorrow = day_list(cli, library, START + timedelta(days=1), "--limit", "20")
    assert str(items[0]["id"]) not in {str(item["id"]) for item in tomorrow}  # mastered
    assert str(items[1]["id"]) in {str(item["id"]) for item in tomorrow}  # skipped: back
    restored = cli("review", str(library), "--restore", short, "--today", "2026-03-01")
    assert restored.stdout == "back in the review on 2026-03-01\n"
    assert str(items[0]["id"]) in {
        str(item["id"]) for item in day_list(cli, library, date(2026, 3, 1))
    }
    again = cli("review", str(library), "--restore", short)
    assert again.returncode == 1 and "is not mastered" in again.stderr


def test_a_tag_limits_the_review(cli: Cli, library: Path) -> None:
    items = day_list(cli, library, START, "--tag", "Travail")
    assert [item["title"] for item in items] == ["Tagged", "Tagged"]
    assert all(item["color"] == "blue" and item["tags"] == ["travail"] for item in items)


def test_bad_answers_and_ids_are_one_line(cli: Cli, library: Path) -> None:
    items = day_list(cli, library, START)
    wrong = cli("review", str(library), "--answer", str(items[0]["id"]), "maybe")
    assert wrong.returncode == 2 and "not an answer: maybe" in wrong.stderr
    unknown = cli("review", str(library), "--answer", "ffffffff", "keep")
    assert unknown.returncode == 2 and "no highlight ffffffff" in unknown.stderr
    bad_day = cli("review", str(library), "--today", "2026-02-30")
    assert bad_day.returncode == 2 and "not a date (YYYY-MM-DD): 2026-02-30" in bad_day.stderr


@pytest.mark.usefixtures("library")
def test_nothing_to_review(cli: Cli, library_root: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("review", str(empty))
    assert (result.returncode, result.stdout) == (0, "nothing to review today\n")


def test_the_review_and_triage_speak_french(
    cli: Cli, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    items = day_list(cli, library, START, "--limit", "2")
    said = answer(cli, library, str(items[0]["id"]), "keep", START)
    assert said == f"de retour le {(START + timedelta(days=1)).isoformat()}\n"
    shown = cli("review", str(library), "--limit", "2", "--today", START.isoformat())
    assert "   ✓ gardé" in shown.stdout.splitlines()
    assert shown.stderr == "1 à revoir aujourd’hui, 1 fait(s)\n"
    moved = cli("later", str(library / "notes.md"))
    assert moved.stdout == "1 article ajouté à la file\n"
    listed = cli("list", str(library)).stdout
    assert "(notes.md)  [plus tard]" in listed
