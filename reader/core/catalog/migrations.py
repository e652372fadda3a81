"""The catalog's schema, as numbered migrations (``PRAGMA user_version`` is how many ran).

See :mod:`reader.core.catalog.store` for who writes which table.
"""

from __future__ import annotations

REREAD_MTIME = -1  # a row's mtime_ns that asks the next refresh to read its file again
MIGRATIONS: tuple[str, ...] = (
    # 1: the catalog
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        mtime_ns INTEGER NOT NULL,
        size INTEGER NOT NULL,
        fingerprint TEXT NOT NULL,
        title TEXT NOT NULL,
        date TEXT,
        source TEXT NOT NULL DEFAULT '',
        lang TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        words INTEGER NOT NULL DEFAULT 0,
        format TEXT NOT NULL DEFAULT '',
        encoding TEXT NOT NULL DEFAULT '',
        error TEXT,
        indexed INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX articles_fingerprint ON articles(fingerprint);
    CREATE INDEX articles_unindexed ON articles(indexed) WHERE indexed = 0;
    -- ids removed from the catalog but maybe still in the search index
    CREATE TABLE index_deletions (id INTEGER PRIMARY KEY);
    """,
    # 2: what the reader makes: highlights and notes, stars, read state, position, tags.
    # They hang off articles.id; when an article leaves the catalog its rows are kept
    # under a negative key ("detached", see UserData.detach) until it is recognised again.
    """
    CREATE TABLE annotations (
        id TEXT PRIMARY KEY,              -- urn:uuid:…, kept across export and import
        article_id INTEGER NOT NULL,
        pos_start INTEGER,                -- TextPositionSelector (NULL: quote only)
        pos_end INTEGER,
        exact TEXT NOT NULL,              -- TextQuoteSelector
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        color TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        created TEXT NOT NULL,
        modified TEXT NOT NULL,
        orphan INTEGER NOT NULL DEFAULT 0,
        anchored_to TEXT NOT NULL DEFAULT ''  -- fingerprint of the text last anchored on
    );
    CREATE INDEX annotations_article ON annotations(article_id);
    CREATE TABLE article_state (
        article_id INTEGER PRIMARY KEY,
        starred TEXT,                     -- when it was starred (NULL: not starred)
        read INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL DEFAULT 0,  -- offset in the reading text at the top
        opened TEXT                       -- when it was last opened
    );
    CREATE TABLE user_tags (
        article_id INTEGER NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (article_id, tag)
    );
    CREATE INDEX user_tags_tag ON user_tags(tag);
    CREATE TABLE detached (
        old_id INTEGER PRIMARY KEY,       -- the key the rows now carry, negated
        path TEXT NOT NULL,
        title TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        words INTEGER NOT NULL,
        detached_at TEXT NOT NULL
    );
    CREATE INDEX articles_title ON articles(title);
    """,
    # 3: the opening lines the list shows under each title. Older rows have none yet:
    # a modification time of REREAD_MTIME makes the next refresh read them again (and only fill
    # their excerpt when their content is unchanged: see reader.core.library.changes.commit_batch).
    f"""
    ALTER TABLE articles ADD COLUMN excerpt TEXT NOT NULL DEFAULT '';
    UPDATE articles SET mtime_ns = {REREAD_MTIME} WHERE excerpt = '' AND error IS NULL;
    """,
    # 4: what other processes need to know of the catalog: a generation, one more at each
    # commit (a window sees another process's changes), the library's device (a drive
    # unmounted under it is not "every file deleted").
    """
    CREATE TABLE catalog_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT INTO catalog_state (key, value) VALUES ('generation', 0);
    """,
    # 5: triage and the daily review, written by reader.core.triage and reader.core.review.
    # triage: an article with no row is in the inbox; "later" rows carry their place in
    # the reader's queue (smaller first). Rows hang off articles.id like those of
    # migration 2, and are detached and adopted with them.
    # review: one row per highlight ever answered (keyed by the highlight's id, so it
    # follows the highlight wherever it goes); review_days: each local day's drawn list,
    # fixed once drawn, with each answer and the record it replaced (answering again the
    # same day starts from it). A highlight is in a day at most once: the primary key.
    """
    CREATE TABLE triage (
        article_id INTEGER PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('later', 'archive')),
        queue INTEGER,
        changed TEXT NOT NULL
    );
    CREATE INDEX triage_queue ON triage(state, queue);
    CREATE TABLE review (
        annotation_id TEXT PRIMARY KEY,
        step INTEGER NOT NULL,
        due TEXT NOT NULL,
        reviews INTEGER NOT NULL DEFAULT 0,
        last TEXT NOT NULL,
        mastered INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE review_days (
        day TEXT NOT NULL,
        annotation_id TEXT NOT NULL,
        scope TEXT NOT NULL,
        rank INTEGER NOT NULL,
        answer TEXT,
        before TEXT,
        PRIMARY KEY (day, annotation_id)
    );
    """,
    # 6: review_visits: the days the reader opened the review (a day with nothing to
    # review is a day done: the streak goes on). The indexes let a day's draw stop at its
    # first few due and oldest highlights instead of reading them all. (IF NOT EXISTS:
    # some catalogs at schema 5 have them already.)
    """
    CREATE TABLE IF NOT EXISTS review_visits (day TEXT PRIMARY KEY);
    CREATE INDEX IF NOT EXISTS review_due ON review(due) WHERE mastered = 0;
    CREATE INDEX IF NOT EXISTS annotations_created ON annotations(created, id);
    """,
)
