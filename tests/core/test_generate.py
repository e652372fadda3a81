"""The benchmark library generator: deterministic, varied, and every article parses."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from reader.core.articles.formats import parse_file
from tests.synthetic import generate_library

COUNT = 60
WEEKDAYS = [
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
]


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    root = tmp_path_factory.mktemp("generated")
    return root, generate_library(root, COUNT, seed=7)


def test_same_seed_gives_identical_files(library: tuple[Path, list[Path]], tmp_path: Path) -> None:
    root, paths = library
    calls: list[tuple[int, int]] = []
    again = generate_library(tmp_path, COUNT, seed=7, progress=lambda *args: calls.append(args))
    assert [p.relative_to(tmp_path) for p in again] == [p.relative_to(root) for p in paths]
    assert _files(tmp_path) == _files(root)
    assert len(_files(root)) == COUNT
    assert calls[-1] == (COUNT, COUNT) and len(calls) == COUNT


def test_another_seed_gives_other_articles(
    library: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    root, _ = library
    generate_library(tmp_path, 10, seed=8)
    first, second = _files(root), _files(tmp_path)
    assert not set(first.values()) & set(second.values())


def test_every_article_parses_as_intended(library: tuple[Path, list[Path]]) -> None:
    root, paths = library
    articles = [parse_file(root, p.relative_to(root).as_posix()) for p in paths]
    titles, bodies, langs = set(), set(), []
    for path, article in zip(paths, articles, strict=True):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            intended = re.search(r"^lang: (\w+)$", text, re.MULTILINE)[1]  # type: ignore[index]
            assert article.format == "markdown" and 1 <= len(article.tags) <= 3
            assert not re.search(r"^# ", article.body, re.MULTILINE)
        else:
            intended = "fr" if text.split("\n")[1].startswith("Publié le ") else "en"
            assert article.format == "text"
        assert article.error is None, path
        assert article.lang == intended, path
        assert article.date and "1990-01-01" <= article.date <= "2026-06-30"
        assert article.source
        assert 300 <= article.words <= 1500, (path, article.words)
        assert path.parent.name == article.date[:4]
        titles.add(article.title)
        bodies.add(article.body)
        langs.append(article.lang)
    assert len(titles) == len(bodies) == COUNT
    assert 0.35 <= langs.count("fr") / COUNT <= 0.65
    assert set(langs) == {"fr", "en"}
    assert any(p.suffix == ".md" for p in paths) and any(p.suffix == ".txt" for p in paths)


def test_bylines_name_the_real_weekday(library: tuple[Path, list[Path]]) -> None:
    root, paths = library
    for path in paths:
        if path.suffix == ".txt":
            byline = path.read_text(encoding="utf-8").split("\n")[1]
            day = parse_file(root, path.relative_to(root).as_posix()).date
            assert day is not None
            weekday = dt.date.fromisoformat(day).weekday()
            assert byline.split()[2] in (WEEKDAYS[weekday], WEEKDAYS[weekday + 7])


def test_vocabulary_is_varied_and_searchable(library: tuple[Path, list[Path]]) -> None:
    _, paths = library
    text = " ".join(p.read_text(encoding="utf-8") for p in paths).lower()
    words = set(re.findall(r"\w+(?:['’-]\w+)*", text))
    assert len(words) > 5000
    assert {"sécurité", "gouvernement", "économie", "government", "election"} <= words
    assert re.search(r"[éèàçùœ]", text)
