"""An import file from anywhere: a device, a pipe or a huge file is refused before it is
read, every field a reader would see is bounded, and a collection holding its
annotations directly is read (one holding none says so)."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import limits
from reader.core.annotations import importing
from reader.core.annotations.importing import ImportFormatError, import_jsonld, load_jsonld
from reader.core.library.library import Library

OpenLibrary = Callable[[Path], Library]
TEXT = "Un titre\n\nLa sécurité de la ville est assurée par la garde.\n"


@pytest.fixture
def library(library_root: Path, open_library: OpenLibrary) -> Library:
    (library_root / "a.txt").write_text(TEXT, encoding="utf-8")
    opened = open_library(library_root)
    opened.refresh()
    return opened


def annotation(**fields: object) -> dict[str, object]:
    selector = {"type": "TextQuoteSelector", "exact": "la garde"}
    base: dict[str, object] = {
        "type": "Annotation",
        "target": {"source": "a.txt", "selector": selector},
    }
    return {**base, **fields}


def _load_within(path: Path, seconds: float = 5.0) -> BaseException | object:
    """load_jsonld in a thread: a read that blocks is a failure, not a hung test run."""
    outcome: list[BaseException | object] = []

    def run() -> None:
        try:
            outcome.append(load_jsonld(path))
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert outcome, f"reading {path} did not end within {seconds} s"
    return outcome[0]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_before_anything_is_read(device: str) -> None:
    outcome = _load_within(Path(device))
    assert isinstance(outcome, ImportFormatError)
    assert "not a regular file" in str(outcome)


def test_a_pipe_with_no_writer_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "annotations.json"
    os.mkfifo(fifo)
    outcome = _load_within(fifo)
    assert isinstance(outcome, ImportFormatError) and "not a regular file" in str(outcome)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    outcome = _load_within(tmp_path)
    assert isinstance(outcome, ImportFormatError)


def test_a_file_past_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 1024)
    big = tmp_path / "big.json"
    big.write_text(json.dumps([annotation(bodyValue="x" * 2000)]), encoding="utf-8")
    outcome = _load_within(big)
    assert isinstance(outcome, ImportFormatError) and "larger than" in str(outcome)


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"bodyValue": "n" * (limits.MAX_NOTE_CHARS + 1)}, "note is longer"),
        ({"id": "urn:" + "i" * limits.MAX_ANNOTATION_ID_CHARS}, "id is longer"),
        (
            {"target": {"source": "a.txt", "selector": {
                "type": "TextQuoteSelector", "exact": "q" * (limits.MAX_QUOTE_CHARS + 1)}}},
            "quote is longer",
        ),
    ],
)  # fmt: skip
def test_a_field_past_its_limit_is_not_imported_and_says_why(
    library: Library, fields: dict[str, object], reason: str
) -> None:
    report = import_jsonld(library, [annotation(**fields), annotation()])
    assert report.added == 1
    [error] = report.errors
    assert reason in error
    assert all(len(a.note) <= limits.MAX_NOTE_CHARS for a in library.userdata.all_annotations())


def test_tags_contexts_and_dates_are_cut_to_what_a_reader_would_write(library: Library) -> None:
    tags = [{"type": "TextualBody", "purpose": "tagging", "value": f"t{n}" + "x" * 500}
            for n in range(limits.MAX_TAGS + 50)]  # fmt: skip
    selector = {"type": "TextQuoteSelector", "exact": "la garde",
                "prefix": "p" * 100_000, "suffix": "s" * 100_000}  # fmt: skip
    report = import_jsonld(
        library,
        [annotation(body=tags, created="2" * 1_000_000,
                    target={"source": "a.txt", "selector": selector})],
    )  # fmt: skip
    assert report.added == 1, report.errors
    [stored] = library.userdata.all_annotations()
    assert len(stored.tags) == limits.MAX_TAGS
    assert all(len(tag) <= limits.MAX_TAG_CHARS for tag in stored.tags)
    assert len(stored.created) < 100
    assert len(stored.selectors.quote.prefix) <= 32 and len(stored.selectors.quote.suffix) <= 32


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    note=st.text(max_size=3).map(lambda s: s * 50_000),
    annotation_id=st.text(max_size=3).map(lambda s: s * 600),
)
def test_whatever_is_imported_stays_within_the_limits(
    library: Library, note: str, annotation_id: str
) -> None:
    import_jsonld(library, [annotation(bodyValue=note, id=annotation_id or None)])
    for stored in library.userdata.all_annotations():
        assert len(stored.note) <= limits.MAX_NOTE_CHARS
        assert len(stored.id) <= limits.MAX_ANNOTATION_ID_CHARS
        assert len(stored.selectors.quote.exact) <= limits.MAX_QUOTE_CHARS


def test_a_collection_holding_its_items_directly_is_read(library: Library) -> None:
    data = {"type": "AnnotationCollection", "items": [annotation()]}
    assert import_jsonld(library, data).added == 1


def test_a_collection_whose_annotations_are_elsewhere_says_so(library: Library) -> None:
    with pytest.raises(ImportFormatError, match="not in the file"):
        import_jsonld(library, {"type": "AnnotationCollection", "total": 3})
