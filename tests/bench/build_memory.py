"""Peak memory of each process of a first build: the command, its index workers.

    python -m tests.bench.build_memory LIBRARY --home HOME [--code CHECKOUT]

Runs ``article-reader index --library LIBRARY`` with ``ARTICLE_READER_HOME=HOME``
(empty, or missing: a first build; it ends with the merge of the build's segments)
and reads the resident memory of the command and every process under it from
``/proc`` several times a second (Linux only). Prints each process's peak (by its
name: the command, ``article-reader-index-N`` workers), the build's time and the
index's segments. The peak between two readings can be missed: a lower bound.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

THIS_CODE = Path(__file__).resolve().parents[2]
_PAGE = os.sysconf("SC_PAGE_SIZE")


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        todo += _children(current)
    return pids


def _rss_and_name(pid: int) -> tuple[int, str] | None:
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        name = Path(f"/proc/{pid}/comm").read_text().strip()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except (OSError, IndexError, ValueError):
        return None
    if b"-c" in cmdline and b"from multiprocessing.spawn import spawn_main" in b" ".join(cmdline):
        name = "spawned child"
    return pages * _PAGE, name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--code", type=Path, default=THIS_CODE)
    args = parser.parse_args(argv)
    env = {**os.environ, "ARTICLE_READER_HOME": str(args.home), "PYTHONPATH": str(args.code)}
    command = [sys.executable, "-m", "reader", "index", "--library", str(args.library)]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=args.code, stdout=subprocess.PIPE, text=True)
    peaks: dict[int, tuple[int, str]] = {}
    while process.poll() is None:
        for pid in _tree(process.pid):
            found = _rss_and_name(pid)
            if found is not None and found[0] > peaks.get(pid, (0, ""))[0]:
                peaks[pid] = (found[0], "the command" if pid == process.pid else found[1])
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    assert process.stdout is not None
    print(process.stdout.read().strip())
    print(f"exit status {process.returncode}, {seconds:.1f} s")
    for pid, (rss, name) in sorted(peaks.items(), key=lambda item: -item[1][0]):
        print(f"{pid:>8}  {name:24}  peak {rss / 2**20:7.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
