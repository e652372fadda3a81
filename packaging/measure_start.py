"""Start time of the app, launch to window shown, for several launchers in one run.

    xvfb-run -a python3 packaging/measure_start.py .venv/bin/article-reader \\
        build/bundle/dist/article-reader-0.1.0-linux-x86_64/article-reader

Each launcher opens the bundled sample library with a data folder of its own: one
launch first (it builds the catalog and index), then ``--runs`` timed launches, taken in
turn (A, B, A, B, …) so both see the same machine. "Shown" is when the window shows its
list from the catalog (``ARTICLE_READER_SMOKE_TEST``'s ``shown_at``), measured from just
before the process is started. Prints the median and the range of each.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path


def launch(command: Path, home: Path) -> float:
    environ = {**os.environ, "ARTICLE_READER_HOME": str(home), "ARTICLE_READER_SMOKE_TEST": "0"}
    started = time.time()
    result = subprocess.run(
        [str(command)], env=environ, capture_output=True, text=True, timeout=120, check=True
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    return float(report["shown_at"]) - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("launchers", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        homes = {cmd: Path(scratch) / str(i) for i, cmd in enumerate(args.launchers)}
        for command, home in homes.items():
            launch(command, home)  # the first launch indexes the sample library
        times: dict[Path, list[float]] = {command: [] for command in homes}
        for _ in range(args.runs):
            for command, home in homes.items():
                times[command].append(launch(command, home))
    for command, measured in times.items():
        print(
            f"{command}: median {statistics.median(measured):.2f} s "
            f"(min {min(measured):.2f}, max {max(measured):.2f}, {len(measured)} launches)"
        )


if __name__ == "__main__":
    main()
