"""What the app imports is what it declares, so any pip installs all of it.

A package that only arrives through another one's requirements can stop arriving:
when that one drops it, or when a pip does not resolve the way it asks for it. jusText
asks for lxml's cleaner as ``lxml[html_clean]`` while lxml names the extra
``html-clean``; pips before 23.3 (Debian 12's is 23.0) do not match the two, so
saved pages failed to read after an install with the system's pip.
"""

from __future__ import annotations

import ast
import importlib
import importlib.metadata as metadata
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
# Imported by a benchmark only, never by the app, and each says how to get it.
OPTIONAL = {
    "readability": "the extraction benchmark's comparison, skipped when missing",
    "recoll": "Debian's python3-recoll, for the benchmark run with the system Python",
}


def _declared() -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = (Requirement(line) for line in project["dependencies"])
    return {canonicalize_name(req.name): req for req in requirements}


def _imported_top_levels() -> dict[str, Path]:
    """Third-party top-level modules imported anywhere in reader/, with one file each."""
    found: dict[str, Path] = {}
    for path in sorted((ROOT / "reader").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "reader":
                    found.setdefault(top, path.relative_to(ROOT))
    return found


def test_every_module_the_app_imports_comes_from_a_declared_requirement() -> None:
    declared = _declared()
    providers = metadata.packages_distributions()
    imported = _imported_top_levels()
    assert {"PySide6", "lxml", "whoosh", "trafilatura"} <= set(imported)  # the scan works
    missing = []
    for module, where in sorted(imported.items()):
        if module in OPTIONAL:
            continue
        dists = {canonicalize_name(name) for name in providers.get(module, [])}
        if not dists & set(declared):
            missing.append(f"{module} (imported in {where}, provided by {sorted(dists)})")
    assert not missing, "not in [project] dependencies: " + "; ".join(missing)


def _requirements(dist: str, extras: set[str]) -> list[Requirement]:
    """The installed distribution's requirements that apply to these extras."""
    chosen = []
    for line in metadata.requires(dist) or []:
        req = Requirement(line)
        if req.marker is None or any(
            req.marker.evaluate({"extra": extra}) for extra in extras | {""}
        ):
            chosen.append(req)
    return chosen


def test_an_extra_an_older_pip_misses_is_declared_directly() -> None:
    """Walks the installed requirements from ours down: where one asks for an extra in a
    spelling its package does not provide literally, what that extra brings must be
    among ours (an older pip installs nothing for it)."""
    declared = _declared()
    seen: set[str] = set()
    todo = list(declared.values())
    missed = []
    while todo:
        req = todo.pop()
        base = _requirements(req.name, set())
        provided = set(metadata.metadata(req.name).get_all("Provides-Extra") or [])
        for extra in req.extras - provided:  # each place that asks, not the first only
            for needed in _requirements(req.name, {canonicalize_name(extra)}):
                if needed not in base and canonicalize_name(needed.name) not in declared:
                    missed.append(f"{needed.name} (through {req})")
        name = canonicalize_name(req.name)
        if name not in seen:
            seen.add(name)
            todo += base
    assert "lxml" in seen and "justext" in seen  # the walk reaches the saved pages' chain
    assert not missed, "declare directly: " + "; ".join(missed)


def test_the_saved_page_extraction_imports() -> None:
    """jusText imports lxml's cleaner at its own import: without it no page is read."""
    importlib.import_module("lxml.html.clean")
    importlib.import_module("justext")
    importlib.import_module("trafilatura")
