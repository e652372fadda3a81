"""Where a doc quotes a number the code sets, it names the constant, and says its value.

The docs write a number followed by the constant it comes from, in backticks and
parentheses: "gathers changes for 300 ms (`reader.ui.session.watcher.DEBOUNCE_MS`)". Each
such reference must name a constant that exists, and the nearest number before it must be
that constant's value, in the unit the sentence uses (a share as a percentage or a word
like "half", milliseconds as seconds).
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from tests.docs.tables import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
REFERENCE = re.compile(r"\(`(reader(?:\.\w+)+)\.([A-Z][A-Z0-9_]*)`")
NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(%|ms\b|s\b|seconds?\b)?")
WORDS = {"half": 0.5, "a quarter": 0.25, "a fifth": 0.2, "a tenth": 0.1, "a third": 1 / 3}
# How far back, in characters, the number a reference stands for may be.
REACH = 160


def _references() -> list[tuple[Path, int, str, str, str]]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in REFERENCE.finditer(text):
            before = text[max(0, match.start() - REACH) : match.start()]
            line = text.count("\n", 0, match.start()) + 1
            found.append((page, line, match.group(1), match.group(2), before))
    return found


REFERENCES = _references()


def _readings(before: str) -> list[float]:
    """The values the last number (or number word) before a reference may stand for."""
    numbers = list(NUMBER.finditer(before))
    words = [(before.rfind(word), value) for word, value in WORDS.items() if word in before]
    last_word = max(words, default=(-1, 0.0))
    if not numbers and last_word[0] < 0:
        return []
    if last_word[0] > (numbers[-1].start() if numbers else -1):
        return [last_word[1]]
    number = numbers[-1]
    value = float(number.group(1).replace(",", ""))
    unit = number.group(2) or ""
    if unit == "%":
        return [value / 100, value]
    if unit.startswith("s"):
        return [value, value * 1000]
    return [value]


def test_the_docs_quote_constants() -> None:
    assert len(REFERENCES) >= 10, "the docs name the constants behind their numbers"


@pytest.mark.parametrize(
    ("page", "line", "module", "name", "before"),
    REFERENCES,
    ids=[f"{p.name}:{line}:{name}" for p, line, _, name, _ in REFERENCES],
)
def test_a_quoted_number_is_the_constants_value(
    page: Path, line: int, module: str, name: str, before: str
) -> None:
    value = getattr(importlib.import_module(module), name, None)
    assert value is not None, f"{page.name}:{line} names {module}.{name}, which does not exist"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return  # a tuple or a mapping: the reference is checked for existence only
    readings = _readings(before)
    assert readings, f"{page.name}:{line}: no number before {name}"
    assert any(abs(reading - value) < 1e-9 for reading in readings), (
        f"{page.name}:{line} quotes {readings} for {module}.{name}, which is {value}"
    )
