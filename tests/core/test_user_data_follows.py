"""Highlights, stars and tags follow their article through edits, renames and moves."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from reader.core.annotations.annotating import create
from reader.core.annotations.reading_text import reading_text
from reader.core.articles.formats import parse_file
from reader.core.library.library import Library

LibraryOf = Callable[[Mapping[str, str]], Library]
Write = Callable[[Path, str], Path]

ESSAY = (
    "The long walk home\n"
    "Published on Monday 4 March 2024 | The Quarterly\n"
    "\n"
    "We left the village at dawn, when the fields were still grey with frost.\n"
    "\n"
    "By noon the road had turned to mud and the children had stopped singing. "
    "Nobody complained; the bread was good and the river was near.\n"
    "\n"
    "At dusk we saw the lights of the town, small and yellow, across the valley.\n"
)


@pytest.fixture
def library(library_of: LibraryOf) -> Library:
    """A library of the essay alone (essay.txt), catalogued."""
    return library_of({"essay.txt": ESSAY})


@pytest.fixture
def essay(library_root: Path) -> Path:
    """The essay's file in the library."""
    return library_root / "essay.txt"


def article_id(library: Library, rel: str) -> int:
    """The catalog id of the article at ``rel``, which must be in the catalog."""
    row = library.catalog.row_by_path(rel)
    assert row is not None
    return row.id


def highlight(library: Library, rel: str, words: str, note: str = "") -> str:
    """Highlight the first occurrence of ``words`` in an article; returns its id."""
    article = parse_file(library.root, rel)
    text = reading_text(article)
    start = text.index(words)
    row_id = article_id(library, rel)
    annotation = create(
        row_id, text, start, start + len(words), "yellow", note, article.fingerprint
    )
    library.userdata.save(annotation)
    return annotation.id


def placed_text(library: Library, annotation_id: str) -> str | None:
    """The text the highlight covers now, or None for an orphan."""
    annotation = library.userdata.annotation(annotation_id)
    assert annotation is not None
    if annotation.orphan:
        return None
    rows = library.catalog.rows_by_id([annotation.article_id])
    assert rows, "the highlight hangs off an article that is not in the catalog"
    text = reading_text(parse_file(library.root, rows[0].path))
    position = annotation.selectors.position
    assert position is not None
    return text[position.start : position.end]


def test_an_edit_before_the_highlight_re_anchors_it_in_the_refresh(
    library: Library, essay: Path, write: Write
) -> None:
    annotation_id = highlight(library, "essay.txt", "the children had stopped singing")
    before = library.userdata.annotation(annotation_id)
    write(essay, ESSAY.replace("We left the village", "Tired, we left the old village"))
    library.refresh()
    after = library.userdata.annotation(annotation_id)
    assert after is not None and before is not None
    assert after.selectors.position != before.selectors.position  # moved with the text
    assert placed_text(library, annotation_id) == "the children had stopped singing"


def test_a_passage_deleted_makes_an_orphan_that_is_kept(
    library: Library, essay: Path, write: Write
) -> None:
    annotation_id = highlight(library, "essay.txt", "the bread was good", note="Keep this")
    write(essay, ESSAY.replace("Nobody complained; the bread was good and the river was near.", ""))
    library.refresh()
    annotation = library.userdata.annotation(annotation_id)
    assert annotation is not None and annotation.orphan
    assert annotation.quote == "the bread was good" and annotation.note == "Keep this"


def test_a_move_to_another_folder_in_two_refreshes_keeps_everything(
    library: Library, essay: Path, library_root: Path
) -> None:
    """The watcher may see the delete and the add apart: the data waits, detached."""
    annotation_id = highlight(library, "essay.txt", "small and yellow")
    old_id = article_id(library, "essay.txt")
    library.userdata.set_starred([old_id], True)
    library.userdata.add_tag([old_id], "walks")
    moved = library_root / "archive" / "essay.txt"
    moved.parent.mkdir()
    shutil.move(essay, library_root / "elsewhere.tmp.outside")  # gone from the library
    library.refresh()
    assert library.userdata.detached()  # kept, not deleted
    assert library.userdata.annotation(annotation_id) is not None
    shutil.move(library_root / "elsewhere.tmp.outside", moved)
    library.refresh()
    new_row = library.catalog.row_by_path("archive/essay.txt")
    assert new_row is not None
    assert library.userdata.detached() == []
    assert library.userdata.starred_ids() == {new_row.id}
    assert library.userdata.tags(new_row.id) == ["walks"]
    assert placed_text(library, annotation_id) == "small and yellow"


def test_renamed_and_lightly_edited_at_once_it_follows(
    library: Library, essay: Path, library_root: Path, write: Write
) -> None:
    first = highlight(library, "essay.txt", "grey with frost")
    second = highlight(library, "essay.txt", "the lights of the town")
    essay.unlink()
    write(library_root / "the-long-walk.txt", ESSAY.replace("small and yellow", "small, yellow"))
    library.refresh()
    assert library.userdata.detached() == []
    assert placed_text(library, first) == "grey with frost"
    assert placed_text(library, second) == "the lights of the town"


def test_an_unrelated_new_article_does_not_take_the_highlights(
    library: Library, essay: Path, library_root: Path, write: Write
) -> None:
    annotation_id = highlight(library, "essay.txt", "grey with frost")
    essay.unlink()
    unrelated = (  # as long as the essay, so only its text can tell them apart
        "Harbour news\n\n"
        + "The boats came back late; the catch was poor and the wind rose again. " * 4
    )
    assert abs(len(unrelated.split()) - len(ESSAY.split())) < 0.25 * len(ESSAY.split())
    write(library_root / "other.txt", unrelated)
    library.refresh()
    [detached] = library.userdata.detached()
    assert detached.path == "essay.txt"
    annotation = library.userdata.annotation(annotation_id)
    assert annotation is not None and annotation.article_id == -detached.old_id


def test_reading_state_alone_is_not_kept_for_a_deleted_article(
    library: Library, essay: Path
) -> None:
    library.userdata.set_read([article_id(library, "essay.txt")], True)
    (essay.parent / "README").touch()  # not an article: the folder is not empty (unmounted)
    essay.unlink()
    library.refresh()
    assert library.userdata.detached() == []
    assert library.userdata.read_ids() == set()


def test_a_reused_article_id_neither_merges_nor_breaks_refreshes(
    library_of: LibraryOf, library_root: Path, write: Write
) -> None:
    """SQLite gives a deleted maximum id to the next new article: detached rows keep apart."""
    library = library_of({"a.txt": ESSAY})
    first = library_root / "a.txt"
    note_a = highlight(library, "a.txt", "grey with frost", note="on a")
    [row_a] = library.catalog.rows()
    library.userdata.set_starred([row_a.id], True)
    (library_root / "README").touch()  # not an article: the folder is not empty (unmounted)
    first.unlink()
    library.refresh()
    other = (
        "Market day\n\nThe square filled with stalls of apples, cheese and wool before the "
        "church bell rang eight, and the mayor bought a basket of plums for his wife.\n"
    )
    second = write(library_root / "b.txt", other)
    library.refresh()
    [row_b] = library.catalog.rows()
    assert row_b.id == row_a.id  # the reuse this test is about
    note_b = highlight(library, "b.txt", "a basket of plums", note="on b")
    library.userdata.set_starred([row_b.id], True)
    second.unlink()
    library.refresh()  # raised IntegrityError when both were detached under -id
    assert len(library.userdata.detached()) == 2
    write(library_root / "a.txt", ESSAY)
    library.refresh()
    back = library.catalog.row_by_path("a.txt")
    assert back is not None
    assert [a.note for a in library.userdata.annotations(back.id)] == ["on a"]
    assert library.userdata.annotation(note_b) is not None  # still detached, not lost
    assert placed_text(library, note_a) == "grey with frost"


def test_a_star_alone_does_not_go_to_a_namesake(library_of: LibraryOf, library_root: Path) -> None:
    body = "\n\nThe council met on Monday and the budget was adopted after a long debate.\n"
    library = library_of(
        {"one.md": "# Editorial" + body, "two.md": "# Editorial" + body.replace("Monday", "Friday")}
    )
    first = library_root / "one.md"
    one = library.catalog.row_by_path("one.md")
    two = library.catalog.row_by_path("two.md")
    assert one is not None and two is not None
    library.userdata.set_starred([one.id], True)
    library.userdata.add_tag([one.id], "economy")
    first.unlink()
    library.refresh()
    assert two.id not in library.userdata.starred_ids()  # kept detached, not given to "two"
    assert library.userdata.tags(two.id) == []
    assert [d.title for d in library.userdata.detached()] == ["Editorial"]
