"""``list`` copies its last listing when nothing changed: never when something did."""

from __future__ import annotations

import json
import os
from pathlib import Path

from running import Cli

from reader.cli.listing import LAST_LISTING
from reader.core.catalog.paths import library_data_dir


def _titles(cli: Cli, root: Path, *options: str) -> list[str]:
    result = cli("list", "--library", str(root), "--json", *options)
    assert result.returncode == 0, result.stderr
    return [article["title"] for article in json.loads(result.stdout)]


def _write(path: Path, text: str, mtime: int) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime, mtime))


def test_a_listing_follows_every_change(library_root: Path, cli: Cli) -> None:
    _write(library_root / "a.md", "# Alpha\n\nbody\n", 1_000_000_000_000_000_000)
    _write(library_root / "b.md", "# Beta\n\nbody\n", 1_000_000_000_000_000_000)
    assert _titles(cli, library_root, "--sort", "title") == ["Alpha", "Beta"]
    assert (library_data_dir(library_root) / LAST_LISTING).is_file()
    assert _titles(cli, library_root, "--sort", "title") == ["Alpha", "Beta"]  # kept
    assert _titles(cli, library_root, "--sort", "title", "--reverse") == ["Beta", "Alpha"]
    # An edit in place (same size, same folder: only the file's own time says so).
    _write(library_root / "a.md", "# Gamma\n\nbody\n", 1_000_000_000_000_000_001)
    assert _titles(cli, library_root, "--sort", "title") == ["Beta", "Gamma"]
    (library_root / "sub").mkdir()
    _write(library_root / "sub" / "c.md", "# Delta\n\nbody\n", 1_000_000_000_000_000_000)
    assert _titles(cli, library_root, "--sort", "title") == ["Beta", "Delta", "Gamma"]
    (library_root / "b.md").unlink()
    assert _titles(cli, library_root, "--sort", "title") == ["Delta", "Gamma"]
    lines = cli("list", "--library", str(library_root), "--sort", "title").stdout
    assert "Delta" in lines and "Gamma" in lines and not lines.startswith("[")


def test_a_damaged_or_unwritable_kept_listing_is_made_again(library_root: Path, cli: Cli) -> None:
    _write(library_root / "a.md", "# Alpha\n\nbody\n", 1_000_000_000_000_000_000)
    assert _titles(cli, library_root) == ["Alpha"]
    kept = library_data_dir(library_root) / LAST_LISTING
    kept.write_bytes(b"\xff\xfe not a listing")
    assert _titles(cli, library_root) == ["Alpha"]
    kept.unlink()
    kept.mkdir()  # where the listing would be kept, something it cannot replace
    assert _titles(cli, library_root) == ["Alpha"]
    assert _titles(cli, library_root) == ["Alpha"]
