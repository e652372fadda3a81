"""The packaging figures that drift, as a Markdown table for the packaging doc.

    .venv/bin/python packaging/sizes.py                 the wheel (built now) and the
                                                        bundle, if built
    .venv/bin/python packaging/sizes.py --build-bundle  build the bundle first, timed

The wheel is built into a temporary folder (timed); the bundle is the one
packaging/build-bundle.sh left in build/bundle/dist and dist/. Then the libraries the
bundle takes from the system, with Debian's package of each: what a machine needs to
open its window (the command line needs none of them).
"""

from __future__ import annotations

import argparse
import datetime
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# glibc's and the C++ runtime's libraries are on every system that runs the bundle.
BASE = re.compile(r"^(ld-linux|linux-vdso|libc|libm|libdl|libpthread|librt|libresolv|"
                  r"libutil|libstdc\+\+|libgcc_s)\b")  # fmt: skip


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def tree_size(folder: Path) -> int:
    """The bytes of its files, each once (a symlink is not counted again)."""
    files = (path for path in folder.rglob("*") if not path.is_symlink() and path.is_file())
    return sum(path.stat().st_size for path in files)


def build_wheel(into: Path) -> tuple[Path, float]:
    started = time.monotonic()
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(into)]
    subprocess.run([*command, str(ROOT)], check=True)
    return next(into.glob("article_reader-*.whl")), time.monotonic() - started


def system_libraries(bundle: Path) -> dict[str, tuple[str, list[str]]]:
    """Each library the bundle's own libraries load from outside it, with where it was
    found here and the bundled files that need it: {soname: (path, needed by)}."""
    inside = bundle / "_internal"
    found: dict[str, tuple[str, list[str]]] = {}
    for path in sorted(inside.rglob("*.so*")):
        if not path.is_file() or path.is_symlink():
            continue
        result = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True,
            env={"LD_LIBRARY_PATH": str(inside)},
        )  # fmt: skip
        for line in result.stdout.splitlines():
            parts = line.split()
            if len(parts) >= 3 and parts[1] == "=>" and not BASE.match(parts[0]):
                where = parts[2]
                if where == "not" or not where.startswith(str(inside)):
                    found.setdefault(parts[0], (where, []))[1].append(path.name)
    return found


def described(needed_by: list[str]) -> str:
    """QtGui when it is among them (then the window cannot start without it), else the
    first, and how many more."""
    first = "libQt6Gui.so.6" if "libQt6Gui.so.6" in needed_by else needed_by[0]
    more = len(needed_by) - 1
    return f"{first} and {more} more" if more else first


def debian_package(path: str) -> str:
    if not path.startswith("/"):
        return "(not found here)"
    result = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
    if result.returncode != 0:  # merged /usr: dpkg knows the other spelling
        other = path.removeprefix("/usr") if path.startswith("/usr/") else "/usr" + path
        result = subprocess.run(["dpkg", "-S", other], capture_output=True, text=True)
    return result.stdout.split(":")[0] if result.returncode == 0 else "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build-bundle", action="store_true",
                        help="run packaging/build-bundle.sh first, and time it")  # fmt: skip
    args = parser.parse_args()
    rows = [("date", datetime.date.today().isoformat())]
    if args.build_bundle:
        started = time.monotonic()
        subprocess.run([str(ROOT / "packaging" / "build-bundle.sh")], check=True)
        rows.append(("bundle build (build-bundle.sh, smoke test included)",
                     f"{time.monotonic() - started:.0f} s"))  # fmt: skip
    with tempfile.TemporaryDirectory() as scratch:
        wheel, seconds = build_wheel(Path(scratch))
        rows.append((f"wheel ({wheel.name})", megabytes(wheel.stat().st_size)))
        rows.append(("wheel build", f"{seconds:.0f} s"))
    bundles = sorted((ROOT / "build" / "bundle" / "dist").glob("article-reader-*-linux-*"))
    needs: dict[str, tuple[str, list[str]]] = {}
    if bundles:
        bundle = bundles[-1]
        rows.append((f"bundle, unpacked ({bundle.name}/)", megabytes(tree_size(bundle))))
        archive = ROOT / "dist" / f"{bundle.name}.tar.gz"
        if archive.is_file():
            rows.append((f"bundle, archived ({archive.name})", megabytes(archive.stat().st_size)))
        needs = system_libraries(bundle)
    print("| what | figure |\n| --- | --- |")
    for what, figure in rows:
        print(f"| {what} | {figure} |")
    if needs:
        print("\n| the bundle takes from the system | Debian package | needed by |")
        print("| --- | --- | --- |")
        for soname, (path, needed_by) in sorted(needs.items()):
            print(f"| {soname} | {debian_package(path)} | {described(needed_by)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
