"""Shared fixtures of the Qt-free core tests: a library folder, libraries opened on it.

The private data folder (``data_home``) and the empty library folder (``library_root``)
come from ``tests/conftest.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from reader.core.library.library import Library

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"
SEED_NAME = "000_10d9d95bf921b5c7.txt"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture
def seed_file() -> Path:
    return SEEDS_DIR / SEED_NAME


@pytest.fixture
def open_library() -> Iterator[Callable[[Path], Library]]:
    """Opens libraries and closes whatever is still open at the end of the test."""
    opened: list[Library] = []

    def open_(root: Path) -> Library:
        library = Library(root)
        opened.append(library)
        return library

    yield open_
    for library in opened:
        library.close()


@pytest.fixture
def write() -> Callable[[Path, str], Path]:
    """Writes UTF-8 text to a file, making its folders; returns the path."""

    def write_(path: Path, text: str) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write_


@pytest.fixture
def library_of(
    library_root: Path, open_library: Callable[[Path], Library], write: Callable[[Path, str], Path]
) -> Callable[[Mapping[str, str]], Library]:
    """Writes articles (path in the library: text), opens the library and refreshes it once."""

    def make(articles: Mapping[str, str]) -> Library:
        for rel, text in articles.items():
            write(library_root / rel, text)
        library = open_library(library_root)
        library.refresh()
        return library

    return make
