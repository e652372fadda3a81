"""The docs say what the code does: generated tables are current, links lead somewhere,
and nothing a clone cannot follow (an issue number, a path outside the repository, a
time of day) is left in the text a newcomer reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core import limits
from tests.docs.tables import ROOT, TABLES, between

README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").rglob("*.md"))
PAGES = [README, *DOCS]
# Text a newcomer reads or runs: everything but fixtures, which are articles' own text.
SOURCES = [
    path
    for folder in ("reader", "tests", "packaging", "resources", "seeds", "docs", ".ci")
    for path in sorted((ROOT / folder).rglob("*"))
    if path.is_file()
    and path.suffix in {".py", ".md", ".sh", ".toml", ".ts", ".xml", ".desktop", ".spec", ""}
    and "fixtures" not in path.parts
    and "__pycache__" not in path.parts
] + [README, ROOT / "pyproject.toml", ROOT / "install.sh", ROOT / ".importlinter"]

ISSUE_NUMBER = re.compile(r"\bissues?\s+#?\d+", re.IGNORECASE)
OUTSIDE_PATH = re.compile(r"\.\./shared|/work/|shared/corpus")
TIME_OF_DAY = re.compile(r"\b(?:[01]?\d|2[0-3]):[0-5]\d\b")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.page.name)
def test_generated_tables_say_what_the_code_says(table: object) -> None:
    assert hasattr(table, "page")
    text = table.page.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    assert between(text, table) == table.make(), (  # type: ignore[arg-type, attr-defined]
        "run: python -m tests.docs.tables --write"
    )


def test_every_limit_is_in_the_user_guide() -> None:
    constants = {
        name
        for name, value in vars(limits).items()
        if name.isupper() and isinstance(value, int | float) and name != "DOCUMENTED"
    }
    documented = [entry.name for entry in limits.DOCUMENTED]
    assert sorted(documented) == sorted(constants)
    assert len(documented) == len(set(documented))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_page_has_a_title_and_a_body(page: Path) -> None:
    lines = page.read_text(encoding="utf-8").splitlines()
    assert lines and lines[0].startswith("# "), f"{page.name} does not start with its title"
    assert sum(1 for line in lines if line.strip()) >= 10, f"{page.name} is nearly empty"


def test_the_readme_is_a_front_page() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 200, f"README.md has {len(lines)} lines: move details to docs/"


def test_the_readme_test_command_is_what_ci_runs() -> None:
    readme = README.read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "./install.sh && .venv/bin/article-reader" in readme
    assert "./install.sh --tests && .venv/bin/python -m pytest" in readme
    assert "./install.sh --tests && .venv/bin/python -m pytest" in ci


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_leads_to_a_file_of_the_repository(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):  # https:, mailto:
            continue
        resolved = (page.parent / target).resolve()
        assert resolved.exists(), f"{page.name} links to {target}, which does not exist"
        assert resolved.is_relative_to(ROOT), f"{page.name} links outside the repository"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_time_of_day_in_the_docs(page: Path) -> None:
    found = TIME_OF_DAY.findall(page.read_text(encoding="utf-8"))
    assert not found, f"{page.name} says when something ran ({found}): date it instead"


def test_nothing_names_an_issue_or_a_path_outside_the_repository() -> None:
    offending = []
    for path in SOURCES:
        if not path.exists() or path == Path(__file__):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if ISSUE_NUMBER.search(line) or OUTSIDE_PATH.search(line):
                offending.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offending, "\n".join(offending)
