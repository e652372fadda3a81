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
)
