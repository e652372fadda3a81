"""The headless command line, run in-process: ``article-reader list|search|index``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from running import Cli

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MALI_TITLE = "Le Mali a pu renforcer sa sécurité grâce à la Russie, selon Bamako"


@pytest.fixture
def library(library_root: Path) -> Path:
    shutil.copy(SEEDS / "000_10d9d95bf921b5c7.txt", library_root / "mali.txt")
    (library_root / "harbour.md").write_text(
        "---\ntitle: The harbour at dawn\ndate: 1987-02-26\nsource: Reuters\n---\n\n"
        "Fishing boats left the harbour before dawn, running ahead of the storm.\n",
        encoding="utf-8",
    )
    (library_root / "empty.txt").write_bytes(b"")
    return library_root


def test_list_json_has_the_sample_article_with_its_metadata(cli: Cli) -> None:
    result = cli("list", "--library", str(SEEDS), "--json")
    assert result.returncode == 0, result.stderr
    articles = {a["path"]: a for a in json.loads(result.stdout)}
    assert set(articles) == {"000_10d9d95bf921b5c7.txt", "welcome.md"}
    article = articles["000_10d9d95bf921b5c7.txt"]
    assert article["title"] == MALI_TITLE
    assert article["date"] == "2023-07-28"
    assert article["source"] == "SpunikNews"
    assert article["lang"] == "fr"
    assert article["path"] == "000_10d9d95bf921b5c7.txt"
    assert article["words"] > 300
    assert article["error"] is None


def test_list_reports_a_bad_file_with_its_error(library: Path, cli: Cli) -> None:
    articles = json.loads(cli("list", "--library", str(library), "--json").stdout)
    by_path = {a["path"]: a for a in articles}
    assert set(by_path) == {"mali.txt", "harbour.md", "empty.txt"}
    assert by_path["empty.txt"]["error"] == "empty file"
    assert by_path["harbour.md"]["date"] == "1987-02-26"


def test_search_finds_the_sample_without_accents(cli: Cli) -> None:
    result = cli("search", "securite russie", "--library", str(SEEDS), "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits[0]["path"] == "000_10d9d95bf921b5c7.txt"  # the welcome page quotes it too
    assert hits[0]["title"] == MALI_TITLE and hits[0]["score"] > 0


def test_search_ranks_and_limits(library: Path, cli: Cli) -> None:
    result = cli("search", "harbour OR mali", "--library", str(library), "--json", "--limit", "1")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 1


def test_search_sees_a_file_added_since_the_last_run(library: Path, cli: Cli) -> None:
    assert json.loads(cli("search", "volcan", "--library", str(library), "--json").stdout) == []
    (library / "volcan.txt").write_text("Le réveil du volcan\n\nLa lave coule.\n", "utf-8")
    hits = json.loads(cli("search", "volcan", "--library", str(library), "--json").stdout)
    assert [hit["path"] for hit in hits] == ["volcan.txt"]


def test_a_missing_folder_is_one_line_and_a_nonzero_exit(tmp_path: Path, cli: Cli) -> None:
    result = cli("list", "--library", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"article-reader: not a folder: {tmp_path / 'nowhere'}"
    ]


def test_an_empty_query_is_a_bad_query(library: Path, cli: Cli) -> None:
    result = cli("search", "   ", "--library", str(library))
    assert result.returncode == 2
    assert result.stderr.startswith("article-reader: bad query:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_search_json_has_a_snippet_with_the_hits_marked(library: Path, cli: Cli) -> None:
    hits = json.loads(cli("search", "moscou", "--library", str(library), "--json").stdout)
    assert hits[0]["path"] == "mali.txt"
    assert "<mark>Moscou</mark>" in hits[0]["snippet_html"]
    assert "Moscou" in hits[0]["snippet"] and "<mark>" not in hits[0]["snippet"]


def test_search_sorts_by_date_on_request(library: Path, cli: Cli) -> None:
    result = cli("search", "harbour OR mali", "--library", str(library), "--sort", "date", "--json")
    assert [hit["path"] for hit in json.loads(result.stdout)] == ["mali.txt", "harbour.md"]


def test_search_offers_a_correction_for_a_typo(library: Path, cli: Cli) -> None:
    result = cli("search", "harbuor", "--library", str(library))
    assert result.returncode == 0
    assert "did you mean: harbour" in result.stderr


def test_index_builds_and_rebuilds_with_a_summary(library: Path, cli: Cli) -> None:
    first = cli("index", "--library", str(library))
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("3 articles, 3 in the index; catalog: 3 added")
    again = cli("index", "--library", str(library), "--rebuild")
    assert again.stdout.startswith("3 articles, 3 in the index; catalog: nothing changed")
    hits = json.loads(cli("search", "sécurité", "--library", str(library), "--json").stdout)
    assert [hit["path"] for hit in hits] == ["mali.txt"]
