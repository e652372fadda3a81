"""A build's segments merged into one, with the index searched and written throughout."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.articles.article import Article
from reader.core.library import index_upkeep
from reader.core.library.library import Library
from reader.core.search import segment_merge
from reader.core.search.index import SearchIndex
from reader.core.search.segment_merge import StagedMerge, merge_segments, stage_merge

QUERIES = ("commun", "mot13", "rare", '"phrase exacte"', "titre", "chat AND rare", "souv*",
           "chat NOT rare", "title:article", "date:2020-01-05", "tag:x", "long")  # fmt: skip


_opened: list[SearchIndex] = []


@pytest.fixture(autouse=True)
def small_builds(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A segment of 10 articles counts as a build's (not a live update's); every index
    a test opens (with :func:`opened`) is closed after it."""
    monkeypatch.setattr(segment_merge, "TINY_SEGMENT_DOCS", 10)
    yield
    while _opened:
        _opened.pop().close()


def opened(folder: Path) -> SearchIndex:
    index = SearchIndex(folder)
    _opened.append(index)
    return index


def article(n: int) -> Article:
    body = f"mot{n} commun le chat {'rare' if n % 7 == 0 else 'souvent'} phrase exacte"
    return Article(
        path=f"{n}.txt", title=f"Article {n} titre", body=body + " long" * (n % 13),
        lang="fr" if n % 3 else "en", date=f"2020-01-{1 + n % 28:02d}",
        tags=["x"] if n % 5 == 0 else [],
    )  # fmt: skip


def built(folder: Path, builds: int = 4, size: int = 12) -> SearchIndex:
    """An index as a build leaves it: a segment per commit, some articles deleted since."""
    index = opened(folder)
    for start in range(0, builds * size, size):
        index.write([(n, article(n)) for n in range(start, start + size)], ())
    index.write((), [3, 20])
    return index


def answers(index: SearchIndex) -> dict[str, list[tuple[int, float]]]:
    return {q: [(hit.id, hit.score) for hit in index.query(q, limit=100).hits] for q in QUERIES}


def test_a_merged_index_answers_as_whooshs_own_merge_would(tmp_path: Path) -> None:
    built(tmp_path / "ours")
    shutil.copytree(tmp_path / "ours", tmp_path / "whoosh")
    theirs = opened(tmp_path / "whoosh")
    theirs.ix.writer().commit(optimize=True)
    theirs.close()
    theirs = opened(tmp_path / "whoosh")  # Whoosh's merge: every posting in memory
    assert merge_segments(tmp_path / "ours") == "merged"
    ours = opened(tmp_path / "ours")
    assert len(ours.ix._segments()) == 1
    assert answers(ours) == answers(theirs)  # the same hits, in the same order, same scores
    assert ours.doc_count() == 46
    assert merge_segments(tmp_path / "ours") == "not needed"


def test_searches_and_writes_go_on_during_a_merge(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    index = built(folder)
    before = answers(index)
    staged = stage_merge(folder)
    assert isinstance(staged, StagedMerge)
    assert answers(index) == before  # searched while the merge is written
    index.write([(100, article(100)), (13, article(1300))], [7])  # the writer lane's
    assert staged.commit()
    assert len(index.ix._segments()) == 2  # the merged one, and the write's own
    assert [hit.id for hit in index.search("mot13")] == []  # edited meanwhile: its new text
    assert [hit.id for hit in index.search("mot1300")] == [13]
    assert [hit.id for hit in index.search("mot100")] == [100]
    assert [hit.id for hit in index.search("mot7")] == []  # deleted meanwhile: still
    assert {hit.id for hit in index.search("commun", limit=100)} == (
        set(range(48)) - {3, 20, 7} | {100}
    )
    assert not (folder / segment_merge.STAGING).exists()


def test_a_merge_overtaken_by_another_leaves_the_index_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    index = built(folder)
    staged = stage_merge(folder)
    assert isinstance(staged, StagedMerge)
    assert merge_segments(folder) == "merged"  # another merge (its staging: its own)
    after = answers(index)
    assert not staged.commit()  # its segments are gone: nothing done
    assert answers(index) == after and len(index.ix._segments()) == 1


STAGE_AND_WAIT = """
import sys
from pathlib import Path
from reader.core.search import segment_merge
segment_merge.TINY_SEGMENT_DOCS = 10
staged = segment_merge.stage_merge(Path(sys.argv[1]))
print("staged", flush=True)
sys.stdin.read()
"""


def test_a_merge_killed_half_way_leaves_a_usable_index(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    built(folder)
    before = answers(opened(folder))
    merging = subprocess.Popen(
        [sys.executable, "-c", STAGE_AND_WAIT, str(folder)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert merging.stdout is not None and merging.stdout.readline() == "staged\n"
    merging.kill()  # the reader quits: the merge's process ends with the window
    merging.communicate()
    assert (folder / segment_merge.STAGING).is_dir()  # its half-written segment, apart
    index = opened(folder)
    assert not index.created and answers(index) == before
    index.write([(100, article(100))], ())  # and written to
    assert merge_segments(folder) == "merged"  # the next launch merges again
    assert not (folder / segment_merge.STAGING).exists()
    assert [hit.id for hit in opened(folder).search("mot100")] == [100]


def test_a_big_index_grown_by_a_small_build_merges_the_small_segments_only(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "index"
    index = opened(folder)
    index.write([(n, article(n)) for n in range(60)], ())  # the library as merged before
    for start in range(60, 72, 4):  # then a small build's
        index.write([(n, article(n)) for n in range(start, start + 4)], ())
    largest = max(index.ix._segments(), key=lambda segment: segment.doc_count_all())
    before = answers(index)
    assert merge_segments(folder) == "merged"
    assert sorted(segment.doc_count_all() for segment in index.ix._segments()) == [12, 60]
    assert largest.segment_id() in {segment.segment_id() for segment in index.ix._segments()}
    # The same articles found (scores move a little, as with Whoosh's own merge: the
    # field lengths it averages are read back from the bytes they are kept in).
    assert {q: sorted(i for i, _ in hits) for q, hits in answers(index).items()} == {
        q: sorted(i for i, _ in hits) for q, hits in before.items()
    }


def test_without_room_for_the_merged_segment_the_index_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "index"
    index = built(folder)
    before = answers(index)
    free = shutil.disk_usage(folder).free
    monkeypatch.setattr(segment_merge, "MERGE_SPARE_BYTES", free)  # not enough left
    assert merge_segments(folder) == "no room"
    assert answers(index) == before and len(index.ix._segments()) == 4


def test_a_merge_that_fails_writing_leaves_the_index_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "index"
    index = built(folder)
    before = answers(index)

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(segment_merge, "_merge_postings", disk_full)
    with pytest.raises(OSError):
        merge_segments(folder)
    assert not (folder / segment_merge.STAGING).exists()
    assert answers(index) == before and len(index.ix._segments()) == 4


def _files(root: Path, start: int, count: int) -> None:
    for n in range(start, start + count):
        (root / f"{n}.txt").write_text(f"Article {n}\n\nmot{n} commun\n", encoding="utf-8")


def test_the_command_lines_index_leaves_one_segment(
    library_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.cli import commands

    monkeypatch.setattr(commands, "BULK_INDEX_BATCH", 15)  # a commit every 15 articles
    _files(library_root, 0, 100)
    assert commands.main(["index", "--library", str(library_root)]) == 0
    library = Library(library_root, merge_in_background=False)
    assert len(library.index.ix._segments()) == 1
    assert len(library.index.search("commun", limit=200)) == 100
    assert [hit.id for hit in library.index.search("mot42")] == [
        library.catalog.row_by_path("42.txt").id  # type: ignore[union-attr]
    ]
    library.close()


def test_the_windows_refresh_merges_in_a_process_of_its_own(library_root: Path) -> None:
    _files(library_root, 0, 100)
    library = Library(library_root)
    library.refresh(index_batch=15)  # the window's: in process, then a merging process
    process = index_upkeep._running.get(library.data_dir / "index")
    assert process is not None
    process.join(timeout=120)  # the merge's end, not a fixed wait
    assert process.exitcode == 0
    assert len(library.index.ix._segments()) == 1
    assert len(library.index.search("commun", limit=200)) == 100
    library.refresh()  # nothing left to merge: no process started
    assert index_upkeep._running.get(library.data_dir / "index") is None
    library.close()


def test_the_bulk_indexers_build_is_merged_once_the_window_has_it(library_root: Path) -> None:
    from reader.core.library.bulk import refresh_in_subprocess

    _files(library_root, 0, 120)
    library = Library(library_root)
    changes = refresh_in_subprocess(library.root, library.data_dir, lambda *_: None)
    assert len(changes.added) == 120  # returned once built: the merge goes on apart
    process = index_upkeep._running.get(library.data_dir / "index")
    assert process is not None
    process.join(timeout=120)
    assert process.exitcode == 0
    assert len(library.index.ix._segments()) == 1
    assert len(library.index.search("commun", limit=200)) == 120
    library.close()


HOLD_WRITER_LOCK = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.readline()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="the writer lock is fcntl's")
def test_a_merge_commits_only_when_no_build_runs(tmp_path: Path) -> None:
    """A build's workers write segments the index does not list yet: a commit in the
    middle of a build would delete their files. The merge waits for the build's end."""
    from reader.core.library.guard import LOCK_FILE, writer_lock

    data_dir = tmp_path / "data"
    folder = data_dir / "index"
    index = built(folder)
    build = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITER_LOCK, str(data_dir / LOCK_FILE)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert build.stdout is not None and build.stdout.readline() == "held\n"
    seen_while_waiting: list[int] = []

    def waiting() -> None:  # the merge is staged and waits: the build ends now
        seen_while_waiting.append(len(index.ix._segments()))
        assert build.stdin is not None
        build.stdin.write("done\n")
        build.stdin.flush()

    outcome = merge_segments(
        folder, exclusive=lambda: writer_lock(data_dir).held(waiting, lambda: False)
    )
    build.communicate()
    assert seen_while_waiting == [4]  # nothing committed while the build ran
    assert outcome == "merged" and len(index.ix._segments()) == 1


def test_a_workers_memory_is_bounded_by_segments_it_writes_out(
    library_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past SEGMENT_POSTINGS a worker writes its segment out and starts another: long
    articles never pile up in its memory; the build commits them all, searchable."""
    from collections import Counter

    from reader.core.library import build_worker
    from reader.core.search.segments import commit_segments

    monkeypatch.setattr(build_worker, "SEGMENT_POSTINGS", 40)  # a few articles' worth
    _files(library_root, 0, 30)
    index = opened(library_root.parent / "index")
    worker = build_worker._Worker(library_root, index.folder)
    worker.index_rows([(n, f"{n}.txt", "fr") for n in range(30)])
    written, ids, words = worker.commit(None)
    assert len(written) > 3 and ids == list(range(30))
    commit_segments(index, written, (), Counter(words))
    assert len(index.search("commun", limit=100)) == 30
    assert [hit.id for hit in index.search("mot17")] == [17]
