"""Property-based tests (Hypothesis) of the query language, the anchoring functions and the
JSON-LD importer: any query either searches or is a QueryError, within a time bound;
anchoring any selectors on any text answers inside the text, in bounded time; any JSON
either imports or is reported, nothing lost and no highlight already there changed. Bounded:
the whole module runs in well under 30 s."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.annotations import importing
from reader.core.annotations.anchoring import Selectors, TextPosition, TextQuote, anchor, describe
from reader.core.annotations.annotating import create
from reader.core.annotations.export import ImportFormatError, import_jsonld
from reader.core.annotations.reading_text import reading_text
from reader.core.library.library import Library
from reader.core.limits import QUERY_SECONDS
from reader.core.operations import IndexDamaged, search_library
from reader.core.search.index import QueryError

BOUNDED = settings(
    max_examples=120,
    deadline=5000,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
ARTICLES = {
    "mali.txt": "Le Mali et la Russie\nPublié le 3 mars 2021 | Le Courrier\n\n"
    "La sécurité de Bamako, l'armée et les forces armées du Sahel.\n",
    "sea.md": "---\ntitle: The sea\ndate: 1998-07-01\nsource: Reuters\n"
    "tags: [ocean, boats]\n---\n\n# The sea\n\nBoats sail; the lighthouse keeps watch.\n",
    "vide.txt": "",
}
QUERY_WORDS = [
    "mali", "sécurité", "securite", "armée", "boats", "sea", "l'armée", "“L’aide”", "«", "»",
    "OR", "AND", "NOT", "-", "(", ")", '"', "*", "gouvern*", "a*", "title:", "source:",
    "date:", "date:2021", "date:1990..2000", "date:[2020 to", "date:>2020", "tag:", "lang:fr",
    "is:starred", "is:unread", "has:notes", "in:notes", "notes:", "body:", ":", "..", "{", "}",
]  # fmt: skip


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    root = tmp_path_factory.mktemp("library")
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    opened = Library(root, tmp_path_factory.mktemp("data"))
    opened.refresh()
    row = opened.catalog.row_by_path("mali.txt")
    assert row is not None
    text = reading_text(opened.read_article(row))
    start = text.index("Bamako")
    opened.userdata.save(create(row.id, text, start, start + 6, "yellow", "une note sur Bamako"))
    yield opened
    opened.close()


# --- the query language --------------------------------------------------------------------

queries = st.one_of(
    st.lists(st.sampled_from(QUERY_WORDS), max_size=40).map(" ".join),
    st.text(alphabet=st.sampled_from('()"*:-.[]{}<>=é’ ORNTAD mali sea'), max_size=300),
    st.text(max_size=200),
)


@BOUNDED
@given(query=queries, sort=st.sampled_from(["relevance", "date"]))
def test_any_query_searches_or_is_a_query_error(library: Library, query: str, sort: str) -> None:
    started = time.perf_counter()
    try:
        found = search_library(library, query, sort=sort, limit=5)
    except IndexDamaged:  # never: a query's own failure is not the index's
        raise
    except QueryError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert len(found.hits) <= 5 and found.total >= len(found.hits)
        assert all(isinstance(clause, str) for clause in found.left_out)
    assert time.perf_counter() - started < QUERY_SECONDS + 3


# --- anchoring -----------------------------------------------------------------------------

texts = st.text(alphabet=st.sampled_from("ab cd\n\t’'é.XY"), max_size=400) | st.text(max_size=200)
offsets = st.integers(min_value=-5, max_value=450)


@BOUNDED
@given(text=texts, start=offsets, end=offsets)
def test_describe_then_anchor_finds_the_same_place(text: str, start: int, end: int) -> None:
    try:
        selectors = describe(text, start, end)
    except ValueError:
        return  # an empty selection
    assert selectors.position is not None
    placed = anchor(text, selectors)
    assert placed is not None
    assert (placed.start, placed.end) == (selectors.position.start, selectors.position.end)


@BOUNDED
@given(
    text=texts,
    exact=st.text(max_size=60),
    prefix=st.text(max_size=40),
    suffix=st.text(max_size=40),
    position=st.none() | st.tuples(st.integers(-(2**70), 2**70), st.integers(-(2**70), 2**70)),
    edit=st.tuples(st.integers(0, 400), st.text(max_size=30)),
)
def test_anchor_on_any_text_answers_inside_it(
    text: str,
    exact: str,
    prefix: str,
    suffix: str,
    position: tuple[int, int] | None,
    edit: tuple[int, str],
) -> None:
    at, inserted = edit
    edited = text[:at] + inserted + text[at:]
    where = None if position is None else TextPosition(*position)
    started = time.perf_counter()
    placed = anchor(edited, Selectors(TextQuote(exact, prefix, suffix), where))
    assert time.perf_counter() - started < 2
    if placed is not None:
        assert 0 <= placed.start < placed.end <= len(edited)
        if placed.method == "position":
            assert edited[placed.start : placed.end] == exact


# --- the JSON-LD importer ------------------------------------------------------------------

KEYS = [
    "type", "@type", "id", "target", "source", "selector", "exact", "prefix", "suffix",
    "start", "end", "body", "bodyValue", "value", "purpose", "items", "first", "created",
    "reader:color", "reader:orphan",
]  # fmt: skip
STRINGS = [
    "Annotation", "AnnotationPage", "AnnotationCollection", "TextQuoteSelector",
    "TextPositionSelector", "mali.txt", "sea.md", "vide.txt", "gone.txt", "Bamako", "Sahel",
    "commenting", "tagging", "blue", "urn:uuid:1", "\ud800", "", " ",
]  # fmt: skip
scalars = (
    st.none() | st.booleans() | st.integers(-(2**64), 2**64) | st.floats(allow_nan=True)
    | st.sampled_from(STRINGS) | st.text(max_size=20)
)  # fmt: skip
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=5), inner, max_size=6)
    ),
    max_leaves=40,
)


def _count(data: Any) -> int | None:
    try:
        return len(importing._annotations_in(data))
    except ImportFormatError:
        return None


@BOUNDED
@given(data=json_values)
def test_any_json_imports_or_is_reported_and_nothing_is_lost(library: Library, data: Any) -> None:
    before = {a.id: a for a in library.userdata.all_annotations()}
    found = _count(data)
    try:
        report = import_jsonld(library, data)
    except ImportFormatError as exc:
        assert found is None and str(exc) and "\n" not in str(exc)
        report = None
    after = {a.id: a for a in library.userdata.all_annotations()}
    assert {i: after.get(i) for i in before} == before  # what was there is untouched
    if report is not None:
        assert found is not None
        assert len(after) == len(before) + report.added
        accounted = report.added + report.skipped_existing + len(report.errors) + report.left_out
        assert accounted == found  # each annotation imported, skipped, refused or left out
        assert all("\n" not in line for line in report.errors)
        for line in report.errors:
            line.encode("utf-8")


def test_the_module_is_quick() -> None:
    """A reminder: the properties above are bounded (max_examples, deadline)."""
    assert BOUNDED.max_examples <= 150 and Path(__file__).stat().st_size < 20_000
