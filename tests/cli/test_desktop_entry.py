"""``article-reader desktop install`` with hostile launcher paths and links in its way:
the entry names the launcher exactly (as the Desktop Entry specification reads it back),
a path that cannot be named safely is refused in one line, and no file is written
through a link."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader import desktop


def _unescape_string(value: str) -> str:
    """A Desktop Entry string value as a reader of the specification reads it."""
    out, chars = [], iter(value)
    for ch in chars:
        if ch != "\\":
            out.append(ch)
            continue
        following = next(chars, "")
        out.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(following, ch))
    return "".join(out)


def _first_argument(command: str) -> str:
    """The program of an Exec value (already string-unescaped), per the spec's quoting."""
    if not command.startswith('"'):
        return command.split(" ", 1)[0].replace("%%", "%")
    out, at = [], 1
    while command[at] != '"':
        if command[at] == "\\":
            at += 1
        out.append(command[at])
        at += 1
    return "".join(out).replace("%%", "%")


def _entry(data_home: Path) -> dict[str, list[str]]:
    keys: dict[str, list[str]] = {}
    text = (data_home / "applications" / "article-reader.desktop").read_text(encoding="utf-8")
    for line in text.splitlines():
        key, _, value = line.partition("=")
        keys.setdefault(key, []).append(value)
    return keys


def _install(tmp_path: Path, launcher: str, monkeypatch: pytest.MonkeyPatch) -> int:
    data_home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    return desktop.main(["install", "--launcher", launcher])


@pytest.mark.parametrize(
    "name",
    ["plain", "with space", 'qu"ote', "back\\slash", "dollar$HOME", "tick`id`", "per%cent",
     "semi;colon", "équipe", "eq=ual"],
)  # fmt: skip
def test_the_entry_names_the_launcher_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    launcher = tmp_path / name / "article-reader"
    assert _install(tmp_path, str(launcher), monkeypatch) == 0
    entry = _entry(tmp_path / "share")
    assert len(entry["Exec"]) == len(entry["TryExec"]) == 1
    assert _unescape_string(entry["TryExec"][0]) == str(launcher)
    assert _first_argument(_unescape_string(entry["Exec"][0])) == str(launcher)
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        written = tmp_path / "share" / "applications" / "article-reader.desktop"
        result = subprocess.run([validator, str(written)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(min_codepoint=0x20, blacklist_categories=("Cs",)), min_size=1))
def test_any_printable_path_reads_back_as_itself(name: str) -> None:
    launcher = Path("/opt") / name.replace("/", "_").replace("\x7f", "_")
    command = _unescape_string(desktop.exec_value(launcher))
    assert _first_argument(command) == str(launcher)
    assert "\n" not in command and "\r" not in command


@pytest.mark.parametrize("control", ["\n", "\r", "\t", "\x1b", "\x7f"])
def test_a_control_character_in_the_path_is_refused_in_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    control: str,
) -> None:
    launcher = f"/opt/x{control}Exec=/bin/sh -c evil/article-reader"
    assert _install(tmp_path, launcher, monkeypatch) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "control character" in error
    assert not (tmp_path / "share" / "applications" / "article-reader.desktop").exists()


def test_links_in_the_way_are_replaced_never_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    share = tmp_path / "share"
    icon = share / "icons" / "hicolor" / "scalable" / "apps" / "article-reader.svg"
    entry = share / "applications" / "article-reader.desktop"
    old_temporary = share / "applications" / ".article-reader.desktop.tmp"
    for link in (icon, entry, old_temporary):
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(victim)
    assert _install(tmp_path, "/opt/reader/article-reader", monkeypatch) == 0
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not icon.is_symlink() and icon.read_bytes().startswith(b"<")
    assert not entry.is_symlink() and "Exec=/opt/reader/article-reader %F" in entry.read_text()
    leftovers = [p.name for p in entry.parent.iterdir() if p.name.startswith(".article-reader")]
    assert leftovers == [".article-reader.desktop.tmp"]  # the old link, left as it was
