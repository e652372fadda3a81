"""What a refresh changed (:class:`ChangeSet`), and how it commits one parsed batch of
files to the catalog (:func:`commit_batch`): an unchanged content is only touched, a
changed one updated, a new file whose content a vanished one had is that article moved
(same id: its highlights, star and tags follow), anything else added."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.articles.article import Article
from reader.core.catalog.store import REREAD_MTIME, Catalog, FileState


@dataclass
class ChangeSet:
    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    moved: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    # Why these changes are not saved ("" when they are): a read-only session makes
    # them in a temporary copy of the catalog, gone when it closes.
    not_saved: str = ""

    def __bool__(self) -> bool:
        return bool(self.added or self.updated or self.moved or self.removed)

    def extend(self, other: ChangeSet) -> None:
        self.added += other.added
        self.updated += other.updated
        self.moved += other.moved
        self.removed += other.removed


def commit_batch(
    catalog: Catalog,
    batch: list[tuple[Article, int, int]],
    known: dict[str, FileState],
    vanished: dict[str, FileState],
    by_fingerprint: dict[str, list[FileState]],
) -> tuple[ChangeSet, list[tuple[int, Article]]]:
    """Commit one parsed batch to the catalog; returns its changes and what to index."""
    changes = ChangeSet()
    upserts: list[tuple[int, Article]] = []
    with catalog.transaction():
        for article, mtime, size in batch:
            old = known.get(article.path)
            if old is not None:
                if old.fingerprint == article.fingerprint:
                    # Same content. A row of schema 2 (REREAD_MTIME) is read once more to
                    # fill its excerpt: cheap (no re-indexing); the list gets its new row.
                    if old.mtime_ns == REREAD_MTIME:
                        changes.updated.append(old.id)
                    catalog.touch(old.id, mtime, size, article.excerpt)
                    continue
                catalog.update(old.id, article, mtime, size)
                changes.updated.append(old.id)
                upserts.append((old.id, article))
            elif candidates := by_fingerprint.get(article.fingerprint):
                moved_from = candidates.pop()
                del vanished[moved_from.path]
                catalog.update(moved_from.id, article, mtime, size)
                changes.moved.append(moved_from.id)
                upserts.append((moved_from.id, article))
            else:
                new_id = catalog.insert(article, mtime, size)
                changes.added.append(new_id)
                upserts.append((new_id, article))
    return changes, upserts
