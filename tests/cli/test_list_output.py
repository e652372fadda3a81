"""``article-reader list``: the same bytes as before it wrote its JSON row by row."""

from __future__ import annotations

import io
import json
from pathlib import Path

from running import Cli

from reader.cli.listing import write_list
from reader.core.catalog.store import CatalogRow

ROWS = [
    CatalogRow(1, "a.txt", 'Quotes " and \\ back', "2024-01-02", "Le Monde", "fr", 12, None),
    CatalogRow(2, "dir/é.md", "Ünïcode ✓ \u2028 \x07", None, "", "", 0, "empty file"),
    CatalogRow(3, "c.html", "Tagged", "1999", "S", "en", 5, None, ("one", "deux «2»"), "It began"),
    CatalogRow(4, "d.md", "One tag", "2000", "S", "en", 10**6, None, ("solo",), "\t\n"),
]


def listed(rows: list[CatalogRow], as_json: bool) -> str:
    out = io.StringIO()
    write_list(rows, as_json, out)
    return out.getvalue()


def test_the_json_array_is_what_json_dumps_writes() -> None:
    for rows in (ROWS, ROWS[:1], []):
        objects = [row.to_json() for row in rows]
        assert listed(rows, True) == json.dumps(objects, ensure_ascii=False, indent=1) + "\n"


def test_with_states_each_object_ends_with_its_state() -> None:
    states = {1: "later", 3: "archive"}
    out = io.StringIO()
    write_list(ROWS, True, out, states)
    objects = [{**row.to_json(), "state": states.get(row.id, "inbox")} for row in ROWS]
    assert out.getvalue() == json.dumps(objects, ensure_ascii=False, indent=1) + "\n"


def test_the_listing_lines_are_unchanged() -> None:
    assert listed(ROWS[:1], False) == (
        f'2024-01-02  {"Le Monde":20}  Quotes " and \\ back  (a.txt)\n'
    )


def test_list_json_on_a_library_is_one_json_array(library_root: Path, cli: Cli) -> None:
    (library_root / "one.md").write_text("---\ntags: [x, y]\n---\n# One\n\nbody\n")
    (library_root / "two.txt").write_text("Two\n\nbody\n")
    result = cli("list", "--library", str(library_root), "--json")
    assert result.returncode == 0, result.stderr
    articles = {a["path"]: a for a in json.loads(result.stdout)}
    assert set(articles) == {"one.md", "two.txt"}
    assert articles["one.md"]["tags"] == ["x", "y"]
    assert result.stdout.endswith("\n]\n")
