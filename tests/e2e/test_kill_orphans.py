"""After SIGKILL of ``index``, its children die with it.

``index`` on a library big enough that its index writers fork (Whoosh's MpWriter, one
process per core), and the bulk indexer of the window (a spawned child): each child
is killed with its parent, never left writing an index as an orphan.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core.search.index import MULTIPROCESS_MIN_DOCS

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")

DRIVER = """
import sys
from pathlib import Path
from reader.core.library.bulk import refresh_in_subprocess
refresh_in_subprocess(Path(sys.argv[1]), Path(sys.argv[2]), lambda *_: None)
"""


def children_of(pid: int) -> set[int]:
    """The live processes whose parent is ``pid`` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def indexers(pid: int) -> list[int]:
    """The children of ``pid`` that multiprocessing spawned (not its resource tracker)."""
    found = []
    for child in children_of(pid):
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in command:
            found.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def big_library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    for n in range(MULTIPROCESS_MIN_DOCS + 200):
        words = " ".join(f"mot{(n * 7 + k) % 997}" for k in range(400))
        (root / f"a{n:05d}.txt").write_text(f"Article {n}\n\n{words}.\n", encoding="utf-8")
    return root


def start(args: list[str]) -> subprocess.Popen[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


@pytest.mark.slow
@pytest.mark.skipif(os.cpu_count() == 1, reason="one core: index writers are never forked")
def test_index_writers_die_with_a_killed_index_command(big_library: Path) -> None:
    process = start(["-m", "reader", "index", "--library", str(big_library)])
    try:
        assert wait_for(lambda: len(children_of(process.pid)) >= 2, 120), "no writers forked"
        writers = children_of(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert wait_for(lambda: not any(alive(pid) for pid in writers), 1), writers
    finally:
        process.kill()


@pytest.mark.slow
def test_the_bulk_indexer_and_its_writers_die_with_their_parent(
    big_library: Path, tmp_path: Path
) -> None:
    process = start(["-c", DRIVER, str(big_library), str(tmp_path / "data")])
    try:
        assert wait_for(lambda: indexers(process.pid), 60), "no bulk indexer started"
        [indexer] = indexers(process.pid)
        family = {indexer}
        if (os.cpu_count() or 1) > 1:
            assert wait_for(lambda: len(children_of(indexer)) >= 2, 120), "no writers forked"
            family |= children_of(indexer)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert wait_for(lambda: not any(alive(pid) for pid in family), 1), family
    finally:
        process.kill()
