"""The wheel as a user gets it: built into a temporary folder, installed (not editable)
into a fresh venv, and run from there, not from the checkout — the sample library
listed, --version, a saved web page read (trafilatura and its data files, as installed),
and the window started offscreen in French, which must find the compiled .qm inside the
installed package.

The fresh venv holds only the wheel; its dependencies (PySide6 and the rest) are this
test environment's, reached through a .pth file rather than installed again (a full
install of PySide6 takes about a minute here). The .pth adds that site-packages folder
as a plain path, so the checkout's editable install is not seen there.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "fixtures" / "pages"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(folder)]
    subprocess.run([*command, str(ROOT)], check=True, timeout=300)
    return next(folder.glob("article_reader-*.whl"))


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    install = [sys.executable, "-m", "pip", "--python", str(folder / "bin" / "python")]
    install += ["install", "--quiet", "--no-deps", "--no-index", str(wheel)]
    subprocess.run(install, check=True, timeout=120)
    ask = "import sysconfig; print(sysconfig.get_path('purelib'))"
    purelib = subprocess.run(
        [str(folder / "bin" / "python"), "-c", ask], check=True, capture_output=True, text=True
    ).stdout.strip()
    (Path(purelib) / "test_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return folder


def _environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    keep = ("PATH", "HOME", "QT_QPA_PLATFORM", "TMPDIR")
    environ = {k: v for k, v in os.environ.items() if k in keep}
    environ.update(ARTICLE_READER_HOME=str(tmp_path / "data"), **extra)
    return environ


def test_the_wheel_carries_what_the_app_needs(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "reader/translations/article_reader_fr.qm",
        "reader/seeds/welcome.md",
        "reader/resources/article-reader.desktop",
        "reader/resources/article-reader.svg",
        "reader/resources/icons/article-reader-512.png",
        "reader/resources/io.github.articlereader.ArticleReader.metainfo.xml",
    ):
        assert needed in names, needed
    assert any(name.endswith("licenses/LICENSE") for name in names)


def test_the_installed_command_lists_the_sample(venv: Path, tmp_path: Path) -> None:
    command = venv / "bin" / "article-reader"
    environ = _environment(tmp_path)
    version = subprocess.run(
        [str(command), "--version"], capture_output=True, text=True, env=environ, timeout=60
    )
    assert version.returncode == 0 and version.stdout.startswith("article-reader 0."), version
    ask = "import reader.defaults as d; print(d.default_library())"
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", ask],
        capture_output=True, text=True, env=environ, cwd=tmp_path, check=True,
    ).stdout.strip()  # fmt: skip
    assert Path(where).is_relative_to(venv), where  # the installed copy, not the checkout
    listed = subprocess.run(
        [str(command), "list", "--json", "--library", where],
        capture_output=True, text=True, env=environ, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) >= 2 and not any(row["error"] for row in rows)


def test_the_installed_command_reads_a_saved_page(venv: Path, tmp_path: Path) -> None:
    library = tmp_path / "pages"
    library.mkdir()
    page = Path(shutil.copy(PAGES / "en-blog-post.html", library))
    command = venv / "bin" / "article-reader"
    environ = _environment(tmp_path)
    shown = subprocess.run(
        [str(command), "show", str(page), "--library", str(library)],
        capture_output=True, text=True, env=environ, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    # the title, then the article the extraction tests expect, and nothing of the page else
    expected = (PAGES / "expected" / "en-blog-post.txt").read_text(encoding="utf-8").split()
    assert shown.stdout.split() == ["Why", "sourdough", "needs", "time", *expected], shown.stdout
    listed = subprocess.run(
        [str(command), "list", "--json", "--library", str(library)],
        capture_output=True, text=True, env=environ, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    [row] = json.loads(listed.stdout)
    assert (row["title"], row["error"]) == ("Why sourdough needs time", None), row


def test_the_installed_window_starts_in_french(venv: Path, tmp_path: Path) -> None:
    environ = _environment(
        tmp_path, QT_QPA_PLATFORM="offscreen", LANG="fr_FR.UTF-8", ARTICLE_READER_SMOKE_TEST="1"
    )
    result = subprocess.run(
        [str(venv / "bin" / "article-reader")],
        capture_output=True, text=True, env=environ, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["language"] == "fr", (report, result.stderr)
    assert Path(report["translation"]).is_relative_to(venv), report
    assert Path(report["library"]).is_relative_to(venv), report  # the bundled sample
    assert report["articles"] >= 2
    assert "translation" not in result.stderr, result.stderr
