"""What the reader made follows the files, after every refresh.

Two cases, both run by :meth:`Library.refresh` (so the window, the command line
and the bulk indexer all do the same):

* an annotated article's file changed: its highlights are re-anchored on the new
  text (:func:`follow_edits`), orphans marked, never deleted;
* an article left the catalog while it had highlights, a star, tags, or a place in
  the queue or the archive (its rows were detached, see ``UserData.detach``), and
  an article came in that is clearly the same one (a move the scan saw as a delete
  plus an add, a rename with a light edit): the rows follow it (:func:`follow_moves`,
  by ``UserData.move_article_rows``).

"Clearly the same": identical content; or, when it had highlights, at least half
of them found again in the new text and a similar length; or, without
highlights, the same title and a similar length, and it came in with the same refresh
that saw the old one go (a namesake already in the library is not evidence).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from reader.core.annotations.anchoring import anchor
from reader.core.annotations.annotating import reanchor
from reader.core.annotations.library_view import LibraryView
from reader.core.annotations.reading_text import reading_text
from reader.core.annotations.userdata import DetachedArticle, UserDataError
from reader.core.articles.article import Article

log = logging.getLogger(__name__)
LENGTH_TOLERANCE = 0.25  # "a similar length": words within 25 % of each other
FOUND_AGAIN = 0.5  # share of the highlights that must be found in the new text
_MAX_CANDIDATES = 20


def follow_edits(library: LibraryView) -> int:
    """Re-anchor the highlights of every article edited since; returns how many articles."""
    done = 0
    for article_id in library.userdata.stale_article_ids():
        rows = library.catalog.rows_by_id([article_id])
        if not rows:
            continue
        try:
            article = library.read_article(rows[0])
        except FileNotFoundError:
            continue  # the next refresh detaches them
        if reanchor_article(library, article_id, article):
            done += 1
    return done


def reanchor_article(library: LibraryView, article_id: int, article: Article) -> bool:
    """Re-anchor one article's highlights on ``article``; False if they cannot be saved."""
    anchored = reanchor(
        library.userdata.annotations(article_id), reading_text(article), article.fingerprint
    )
    if not anchored.changed:
        return True
    try:
        library.userdata.save_anchoring(anchored.changed)
    except UserDataError as exc:
        log.warning("highlights re-anchored but not saved: %s", exc)
        return False
    return True


def follow_moves(library: LibraryView, recent: Iterable[int] = ()) -> int:
    """Give detached rows back to the article they belong to; returns how many."""
    detached = library.userdata.detached()
    if not detached:
        return 0
    recent = list(recent)
    adopted = 0
    for entry in detached:
        new_id = _find(library, entry, recent)
        if new_id is None:
            continue
        try:
            library.userdata.move_article_rows(entry.old_id, new_id)
        except UserDataError as exc:
            log.warning("could not move the rows of %s to its new id: %s", entry.path, exc)
            return adopted
        adopted += 1
    return adopted


def _find(library: LibraryView, entry: DetachedArticle, recent: list[int]) -> int | None:
    db = library.catalog.db
    same_content = [
        row[0]
        for row in db.execute("SELECT id FROM articles WHERE fingerprint=?", (entry.fingerprint,))
    ]
    same_title = [
        row[0] for row in db.execute("SELECT id FROM articles WHERE title=?", (entry.title,))
    ]
    annotations = library.userdata.annotations(-entry.old_id)
    if not annotations:
        # A star or tags alone: the title is the only evidence, so only an article that
        # came in with this very refresh qualifies (not any namesake: "Editorial").
        same_title = [article_id for article_id in same_title if article_id in recent]
    seen: set[int] = set()
    candidates = []
    for article_id in [*same_content, *same_title, *recent]:
        if article_id not in seen and not library.userdata.has_user_data(article_id):
            seen.add(article_id)
            candidates.append(article_id)
    for row in library.catalog.rows_by_id(candidates[:_MAX_CANDIDATES]):
        if row.id in same_content:
            return row.id
        if row.error or not _similar_length(row.words, entry.words):
            continue
        if not annotations:
            if row.title == entry.title:
                return row.id
            continue
        try:
            article = library.read_article(row)
        except FileNotFoundError:
            continue
        text = reading_text(article)
        found = sum(anchor(text, a.selectors) is not None for a in annotations)
        if found >= FOUND_AGAIN * len(annotations):
            return row.id
    return None


def _similar_length(words: int, other: int) -> bool:
    return abs(words - other) <= LENGTH_TOLERANCE * max(words, other, 1)
