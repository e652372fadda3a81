"""Our segment writer writes the files Whoosh's own writer writes, faster."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from reader.core.articles.article import Article
from reader.core.search.index import SearchIndex
from reader.core.search.posting_pool import GroupedSegmentWriter
from reader.core.search.schema import build_schema, document


def articles(count: int) -> list[Article]:
    found = []
    for n in range(count):
        # Frequent words fill several blocks of postings; rare ones one each.
        body = " ".join(f"commun mot{n % 7} rare{n}" for _ in range(n % 5 + 1))
        found.append(
            Article(
                path=f"{n}.md",
                title=f"Note {n} commune",
                body=f"{body}\n\nL'aide de Moscou, la sécurité {n}.",
                lang=("fr", "en", "de", "")[n % 4],
                tags=["a", f"t{n % 3}"],
                date=f"2023-0{n % 9 + 1}-1{n % 9}",
                source="Le Monde" if n % 2 else "",
            )
        )
    return found


def segment_files(folder: Path) -> dict[str, bytes]:
    """The segment's files by their kind (the segment's random name left out)."""
    return {
        path.name.split(".", 1)[1]: path.read_bytes()
        for path in folder.iterdir()
        if path.name.startswith("MAIN_") and path.name != "MAIN_WRITELOCK"
    }


def postings(folder: Path) -> dict[tuple[str, bytes], tuple[Any, ...]]:
    """Every term's statistics and postings, as a Whoosh reader reads them."""
    found = {}
    with whoosh_index.open_dir(str(folder)).reader() as reader:
        for fieldname, text in reader.all_terms():
            info = reader.term_info(fieldname, text)
            stats = (info.weight(), info.doc_frequency(), info.min_length(), info.max_length())
            stats += (info.max_weight(), info.min_id(), info.max_id())
            matcher = reader.postings(fieldname, text)
            items = []
            while matcher.is_active():
                items.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            found[fieldname, text] = (stats, items)
    return found


def test_whoosh_reads_the_postings_its_own_writer_would_have_written(tmp_path: Path) -> None:
    built = {}
    for name, grouped in (("whoosh", False), ("grouped", True)):
        folder = tmp_path / name
        folder.mkdir()
        ix = whoosh_index.create_in(str(folder), build_schema())
        writer = GroupedSegmentWriter(ix, compound=False) if grouped else ix.writer(compound=False)
        for n, article in enumerate(articles(400)):  # 400: more than a block (128)
            writer.add_document(**document(n, article))
        writer.commit()
        ix.close()
        built[name] = folder
    assert postings(built["grouped"]) == postings(built["whoosh"])
    ours, theirs = segment_files(built["grouped"]), segment_files(built["whoosh"])
    for kind in set(ours) | set(theirs):
        if kind not in ("pst", "trm"):  # stored fields, lengths, columns: the very bytes
            assert ours[kind] == theirs[kind], kind
    # Blocks pickled with protocol 3 (see term_writer): smaller, never larger.
    assert len(ours["pst"]) < len(theirs["pst"])


def test_merged_segments_keep_every_document(tmp_path: Path) -> None:
    """Tiny segments are merged through the same pool (postings of other segments)."""
    index = SearchIndex(tmp_path / "index")
    for n, article in enumerate(articles(30)):
        index.write([(n, article)], ())  # a segment each, merged every 8
    assert index.doc_count() == 30
    assert len(index.ix._segments()) < 8
    assert sorted(hit.id for hit in index.search("commun")) == list(range(30))
    assert [hit.id for hit in index.search("rare17")] == [17]
    assert len(index.search('"aide de moscou"')) == 30
    index.close()
