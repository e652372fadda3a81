"""``article-reader desktop install|uninstall``: put the app in the desktop's menu.

pip and pipx install a command, not a menu entry. This writes (or removes) the
freedesktop files a desktop looks for under the user's XDG data folder
(``$XDG_DATA_HOME``, else ``~/.local/share``):

    applications/article-reader.desktop          Exec= the launcher's absolute path
    icons/hicolor/scalable/apps/article-reader.svg
    icons/hicolor/<N>x<N>/apps/article-reader.png  N = 16 … 512
    metainfo/<id>.metainfo.xml                    for software centres

The files come from the installed package (``reader.resources``). No Qt import.

Every file is written to a fresh temporary file beside its target (created exclusively,
so never through a link an attacker or an accident left there) and renamed over the
target: a link at the target is replaced, never followed. The launcher's path is quoted
and escaped as the Desktop Entry specification says, and a path holding a control
character (a newline would start a second ``Exec=`` line) is refused.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

APP = "article-reader"
METAINFO = "io.github.articlereader.ArticleReader.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def resources_dir() -> Path:
    """``reader/resources`` when installed or bundled; the top-level ``resources/`` of a
    checkout (an editable install maps the package there)."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "resources", package.parent / "resources"):
        if (candidate / f"{APP}.desktop").is_file():
            return candidate
    raise FileNotFoundError(f"the desktop files are not installed beside {package}")


def xdg_data_home() -> Path:
    configured = os.environ.get("XDG_DATA_HOME", "")
    # The spec: a relative path is invalid and must be ignored.
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".local" / "share"


def installed_launcher() -> Path:
    """The absolute path of the ``article-reader`` command this process belongs to."""
    if getattr(sys, "frozen", False):  # the PyInstaller bundle: its executable
        return Path(sys.executable).absolute()
    started = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if started is not None and started.name in (APP, f"{APP}-cli") and started.exists():
        return started.absolute().with_name(APP)  # as run: pipx's ~/.local/bin link stays one
    beside = Path(sys.executable).parent / APP  # python -m reader from a venv
    if beside.exists():
        return beside.absolute()
    found = shutil.which(APP)
    if found is None:
        raise FileNotFoundError(f"no {APP} command found; give its path with --launcher")
    return Path(found).absolute()


def planned_files(data_home: Path) -> dict[Path, Path]:
    """Each installed file (under ``data_home``) and the packaged file it comes from."""
    source = resources_dir()
    icons = data_home / "icons" / "hicolor"
    files = {
        data_home / "applications" / f"{APP}.desktop": source / f"{APP}.desktop",
        data_home / "metainfo" / METAINFO: source / METAINFO,
        icons / "scalable" / "apps" / f"{APP}.svg": source / f"{APP}.svg",
    }
    for size in ICON_SIZES:
        png = source / "icons" / f"{APP}-{size}.png"
        files[icons / f"{size}x{size}" / "apps" / f"{APP}.png"] = png
    return files


class UnsafeLauncher(ValueError):
    """A launcher path that no desktop entry can name safely."""


def _string_value(text: str) -> str:
    """A Desktop Entry string value: a backslash is written as two."""
    return text.replace("\\", "\\\\")


def exec_value(launcher: Path) -> str:
    """The ``Exec`` key's command for ``launcher``, quoted when the spec says it must be
    (a reserved character in it), then escaped as a string value."""
    command = str(launcher)
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in command):
        raise UnsafeLauncher(f"the launcher's path holds a control character: {command!r}")
    command = command.replace("%", "%%")  # a field code otherwise
    if any(ch in command for ch in " \"'\\><~|&;$*?#()`="):
        inside = command.replace("\\", "\\\\").replace('"', '\\"')
        inside = inside.replace("`", "\\`").replace("$", "\\$")
        command = f'"{inside}"'
    return _string_value(command)


def desktop_entry(template: str, launcher: Path) -> str:
    """The packaged entry with Exec and TryExec naming the launcher by its absolute path."""
    command = exec_value(launcher)
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={command} %F"
        elif line.startswith("TryExec="):
            line = f"TryExec={_string_value(str(launcher))}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _replace(target: Path, content: bytes) -> None:
    """Write ``target`` whole, never through a link: a fresh file beside it (created
    exclusively, so not one that was there), flushed, then renamed over the target."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)  # a link at the target is replaced, not followed
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def install(data_home: Path, launcher: Path) -> list[Path]:
    written = []
    for target, source in planned_files(data_home).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.suffix == ".desktop":
            entry = desktop_entry(source.read_text(encoding="utf-8"), launcher)
            _replace(target, entry.encode("utf-8"))  # a menu never reads half an entry
        else:
            _replace(target, source.read_bytes())
        written.append(target)
    _refresh_caches(data_home)
    return written


def uninstall(data_home: Path) -> list[Path]:
    removed = []
    for target in planned_files(data_home):
        if target.exists() or target.is_symlink():
            target.unlink()
            removed.append(target)
    _refresh_caches(data_home)
    return removed


def _refresh_caches(data_home: Path) -> None:
    """The desktop's caches of MIME handlers and icons, where their tools are installed
    (a desktop notices the files without them too, a little later)."""
    applications = data_home / "applications"
    tool = shutil.which("update-desktop-database")
    if tool and applications.is_dir():
        subprocess.run([tool, "-q", str(applications)], check=False, capture_output=True)
    hicolor = data_home / "icons" / "hicolor"
    if hicolor.is_dir():
        os.utime(hicolor)  # GTK re-reads an icon folder whose time changed


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{APP} desktop",
        description="Add Article Reader to the desktop's menu (or remove it): its entry, "
        "icons and metainfo under $XDG_DATA_HOME (default ~/.local/share).",
    )
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("install", help="write the menu entry, icons and metainfo")
    add.add_argument(
        "--launcher",
        type=Path,
        default=None,
        help="the command the entry starts (default: this article-reader)",
    )
    actions.add_parser("uninstall", help="remove what 'desktop install' wrote")
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    data_home = xdg_data_home()
    try:
        if args.action == "install":
            launcher = (args.launcher or installed_launcher()).absolute()
            for path in install(data_home, launcher):
                print(f"wrote {path}")
            print(f"The menu entry starts {launcher}")
        else:
            removed = uninstall(data_home)
            for path in removed:
                print(f"removed {path}")
            if not removed:
                print(f"nothing to remove under {data_home}")
    except (OSError, UnsafeLauncher) as exc:
        print(f"article-reader desktop: {exc}", file=sys.stderr)
        return 2
    return 0
