"""The wheel installed as a Debian 12 user installs it: a fresh venv whose pip is older
than 23.3 (Debian's is 23.0.1), resolving every dependency itself, and the venv then
made read-only; a saved page must read (jusText needs lxml's cleaner, which such a pip
skips when only jusText asks for it).

It downloads the dependencies (about 200 MB) unless pip's cache has them: the cache is
pip's usual one, so a machine pays once.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "fixtures" / "pages"
OLD_PIP = "23.0.1"
pytestmark = pytest.mark.slow


@pytest.fixture
def scratch() -> Iterator[Path]:
    """A folder another user can read (pytest's own are private to this one)."""
    folder = Path(tempfile.mkdtemp(prefix="article-reader-old-pip-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:  # read-only below: writable again to remove
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
    shutil.rmtree(folder)


def _python() -> str:
    """Debian's own Python where it can make a venv (as a Debian user's would be), else
    the one under this test's venv."""
    system = Path("/usr/bin/python3")
    check = [str(system), "-c", "import ensurepip, sys; assert sys.version_info >= (3, 11)"]
    if system.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return str(system)
    return str(getattr(sys, "_base_executable", sys.executable))


def _others_can_run(path: Path) -> bool:
    """Whether another user can reach and run this file (a Python under /root cannot)."""
    path = path.resolve()
    folders_open = all(folder.stat().st_mode & stat.S_IXOTH for folder in path.parents)
    return folders_open and bool(path.stat().st_mode & stat.S_IXOTH)


@pytest.fixture
def venv(scratch: Path) -> Path:
    wheels = scratch / "wheel"
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels)]
    subprocess.run([*command, str(ROOT)], check=True, timeout=300)
    folder = scratch / "venv"
    subprocess.run([_python(), "-m", "venv", str(folder)], check=True, timeout=300)
    pip = [str(folder / "bin" / "python"), "-m", "pip", "--disable-pip-version-check"]
    subprocess.run([*pip, "install", "--quiet", f"pip=={OLD_PIP}"], check=True, timeout=300)
    [wheel] = wheels.glob("article_reader-*.whl")
    subprocess.run([*pip, "install", "--quiet", str(wheel)], check=True, timeout=900)
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    return folder


def test_a_saved_page_reads_from_a_read_only_install(venv: Path, scratch: Path) -> None:
    """One test, so that parallel workers do not each install the venv."""
    version = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "--version"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert version.startswith(f"pip {OLD_PIP} "), version
    home = scratch / "home"
    home.mkdir()
    home.chmod(0o777)
    page = Path(shutil.copy(PAGES / "en-blog-post.html", home))
    environ = {"PATH": "/usr/bin:/bin", "HOME": str(home), "ARTICLE_READER_HOME": str(home / "d")}
    command = [str(venv / "bin" / "article-reader"), "show", str(page)]
    python = venv / "bin" / "python"
    if os.geteuid() == 0 and shutil.which("setpriv") and _others_can_run(python):
        # root writes anywhere, read-only or not: run as nobody
        command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
    shown = subprocess.run(command, capture_output=True, text=True, env=environ, timeout=120)
    assert shown.returncode == 0, shown.stderr
    expected = (PAGES / "expected" / "en-blog-post.txt").read_text(encoding="utf-8").split()
    assert shown.stdout.split() == ["Why", "sourdough", "needs", "time", *expected], shown.stdout
