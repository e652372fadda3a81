"""Tables of the docs that are generated from the code, so that they cannot drift.

    python -m tests.docs.tables --write   rewrite them in the docs
    python -m tests.docs.tables --check   exit 1 when a doc differs from the code

A generated table sits between two marker lines of its page; everything else on the page
is written by hand. ``tests/docs/test_docs_true.py`` runs the check with the suite.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.core import limits

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Generated:
    page: Path
    begin: str
    end: str
    make: Callable[[], str]


def _value(value: object, unit: str) -> str:
    if isinstance(value, bool):
        return "allowed" if value else "refused"
    assert isinstance(value, int | float)
    if unit.startswith("bytes"):
        rest = unit.removeprefix("bytes").strip()
        for size, name in ((1024**3, "GB"), (1024**2, "MB"), (1024, "KB")):
            if value >= size and value % size == 0:
                return f"{value // size:,} {name}" + (f" {rest}" if rest else "")
        return f"{value:,} {unit}"
    if unit.startswith("seconds"):
        return f"{value:g} s{unit.removeprefix('seconds')}"
    return f"{value:,} {unit}"


def limits_table() -> str:
    """The user guide's table of limits, from ``reader.core.limits.DOCUMENTED``."""
    rows = ["| limit | value | past it |", "|---|---|---|"]
    for entry in limits.DOCUMENTED:
        value = getattr(limits, entry.name)
        rows.append(f"| `{entry.name}` | {_value(value, entry.unit)} | {entry.past_it} |")
    return "\n".join(rows) + "\n"


def _summary(path: Path) -> str:
    """The first sentence of a module's docstring (AssertionError: it has none)."""
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert docstring, f"{path.relative_to(ROOT)} has no docstring: say what it owns"
    paragraph = " ".join(docstring.split("\n\n")[0].split())
    sentence = re.split(r"(?<=[.!?])\s", paragraph, maxsplit=1)[0]
    return sentence.replace("|", "\\|")


def modules_table() -> str:
    """Every module of the app's package, with the first sentence of its docstring."""
    package = ROOT / "reader"
    rows = ["| module | what it owns |", "|---|---|"]
    for path in sorted(package.rglob("*.py"), key=lambda p: (p.parent.parts, p.name)):
        if "__pycache__" in path.parts:
            continue
        relative = path.relative_to(ROOT).with_suffix("")
        parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
        name = ".".join(parts)
        shown = f"**`{name}`**" if relative.name == "__init__" else f"`{name}`"
        rows.append(f"| {shown} | {_summary(path)} |")
    return "\n".join(rows) + "\n"


TABLES = (
    Generated(
        ROOT / "docs" / "user-guide.md",
        "<!-- limits table: generated from reader/core/limits.py"
        " by python -m tests.docs.tables --write -->",
        "<!-- end of limits table -->",
        limits_table,
    ),
    Generated(
        ROOT / "docs" / "architecture.md",
        "<!-- modules table: generated from the modules' docstrings"
        " by python -m tests.docs.tables --write -->",
        "<!-- end of modules table -->",
        modules_table,
    ),
)


def between(text: str, table: Generated) -> str:
    """What the page holds between the table's markers (ValueError: a marker is missing)."""
    start = text.index(table.begin) + len(table.begin)
    stop = text.index(table.end, start)
    return text[start:stop].strip("\n") + "\n"


def rewritten(text: str, table: Generated) -> str:
    start = text.index(table.begin) + len(table.begin)
    stop = text.index(table.end, start)
    return text[:start] + "\n" + table.make() + text[stop:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite the generated tables")
    parser.add_argument("--check", action="store_true", help="exit 1 if a table is stale")
    args = parser.parse_args(argv)
    stale = []
    for table in TABLES:
        text = table.page.read_text(encoding="utf-8")
        if between(text, table) == table.make():
            continue
        if args.write:
            table.page.write_text(rewritten(text, table), encoding="utf-8")
            print(f"rewrote the table in {table.page.relative_to(ROOT)}")
        else:
            stale.append(table.page.relative_to(ROOT))
    for page in stale:
        print(f"{page}: a generated table differs from the code", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
