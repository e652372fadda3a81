"""A file where the index folder should be is moved aside, and the index rebuilt."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.catalog.paths import library_data_dir

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", ["list", "search", "index"])
def test_a_file_in_place_of_the_index_folder_is_moved_aside_and_the_index_rebuilt(
    library_root: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    shutil.copy(SEEDS / "000_10d9d95bf921b5c7.txt", library_root / "mali.txt")
    assert run(capsys, "index", "--library", str(library_root))[0] == 0
    index = library_data_dir(library_root) / "index"
    shutil.rmtree(index)
    index.write_text("not an index\n")  # a sync tool's conflict copy, a user's mistake

    args = {"list": ["list", "--json"], "search": ["search", "Mali", "--json"]}.get(
        command, [command]
    )
    code, out, err = run(capsys, *args, "--library", str(library_root))

    assert code == 0, err
    if command != "index":
        assert [hit["path"] for hit in json.loads(out)] == ["mali.txt"]
    assert index.is_dir()
    aside = index.with_name("index.broken-1")
    assert aside.read_text() == "not an index\n"  # kept, never deleted
    code, out, err = run(capsys, "search", "Bamako", "--json", "--library", str(library_root))
    assert code == 0 and [hit["path"] for hit in json.loads(out)] == ["mali.txt"], err


def test_a_second_obstacle_does_not_overwrite_the_first_one_moved_aside(
    library_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(SEEDS / "000_10d9d95bf921b5c7.txt", library_root / "mali.txt")
    run(capsys, "index", "--library", str(library_root))
    index = library_data_dir(library_root) / "index"
    for n in (1, 2):
        shutil.rmtree(index)
        index.write_text(f"obstacle {n}\n")
        assert run(capsys, "list", "--library", str(library_root))[0] == 0
    assert index.with_name("index.broken-1").read_text() == "obstacle 1\n"
    assert index.with_name("index.broken-2").read_text() == "obstacle 2\n"
