"""What a refresh would do: a scan of the folder (stats only) against the catalog."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.core.articles.names import article_rel, os_path
from reader.core.articles.scanning import scan_folder, walk
from reader.core.catalog.store import Catalog, FileState
from reader.core.library.guard import Cancelled


@dataclass(frozen=True)
class Plan:
    """A scan of the folder against the catalog: the input of a refresh."""

    on_disk: dict[str, tuple[int, int]]  # path → (mtime_ns, size)
    # The catalog's view of what a refresh must look at: the whole library's files that
    # changed or are not on disk (an unchanged one needs nothing); a scoped plan's, every
    # catalogued file of the folders it looked at.
    known: dict[str, FileState]
    to_parse: list[str]  # new or changed files
    unindexed: int  # catalogued articles the index lacks
    scoped_to: list[Path] | None = None  # the folders looked at; None: the whole library
    asked: tuple[Path, ...] | None = None  # the folders asked for; None: the whole library
    generation: int = -1  # the catalog's generation it was made at (-1: unknown)

    @property
    def work(self) -> int:
        return len(self.to_parse) + self.unindexed


def make_plan(
    root: Path,
    catalog: Catalog,
    folders: Iterable[Path] | None,
    scan: Callable[[], dict[str, tuple[int, int]]],
) -> Plan:
    """See :meth:`reader.core.library.library.Library.plan`; ``scan`` walks the whole root."""
    generation = catalog.generation()
    unindexed = len(catalog.unindexed_ids())
    if folders is None:
        on_disk = scan()
        known, alike = catalog.states_unlike(on_disk)
        changed = [rel for rel in known if rel in on_disk]
        if alike + len(changed) == len(on_disk):  # no new file: nothing more to look up
            to_parse = [rel for rel in on_disk if rel in known]  # in the scan's order
        else:
            catalogued = catalog.paths()
            to_parse = [rel for rel in on_disk if rel in known or rel not in catalogued]
        return Plan(on_disk, known, to_parse, unindexed, generation=generation)
    asked = tuple(folders)
    on_disk, known, walked = {}, {}, []
    for folder in asked:
        try:
            rel = article_rel(folder.resolve().relative_to(root).as_posix())
        except (OSError, ValueError):
            continue  # not inside this library (any more)
        prefix = "" if rel == "." else f"{rel}/"
        if not folder.is_dir():  # the folder itself went: all of it vanished (or moved)
            known.update(catalog.file_states_under(prefix))
            continue
        known.update(catalog.file_states_in(prefix))
        catalogued = catalog.subfolders(prefix)
        files, subfolders = scan_folder(folder, prefix, root)
        on_disk.update(files)
        walked.append(folder)
        for name in subfolders - catalogued:  # new (or had no articles): all of it
            on_disk.update(walk(os_path(folder, name), f"{prefix}{name}/", walked, root))
        for name in catalogued - subfolders:  # renamed or deleted: all of it
            known.update(catalog.file_states_under(f"{prefix}{name}/"))
    return Plan(on_disk, known, stale(on_disk, known), unindexed, walked, asked, generation)


def stale(on_disk: dict[str, tuple[int, int]], known: dict[str, FileState]) -> list[str]:
    """New files, and files whose modification time or size changed."""
    return [
        rel
        for rel, (mtime, size) in on_disk.items()
        if rel not in known or (known[rel].mtime_ns, known[rel].size) != (mtime, size)
    ]


def batches(items: list[str], first: tuple[int, ...], size: int) -> Iterator[list[str]]:
    """``items`` in batches: the ``first`` sizes, then ``size`` each."""
    start = 0
    for step in (*first, *([size] * (len(items) // size + 1))):
        if start >= len(items):
            return
        yield items[start : start + step]
        start += step


def unless_stopped(
    paths: Iterable[list[str]], should_stop: Callable[[], bool]
) -> Iterator[list[str]]:
    """The batches to read, raising :class:`Cancelled` before each once asked to stop."""
    for batch in paths:
        if should_stop():
            raise Cancelled
        yield batch
