"""Numbered schema migrations, applied in order and recorded in the database.

Never edit a migration that has shipped: add the next number.
"""

from __future__ import annotations

from typing import Final

# Tables of per-article records share the provenance columns: the source's
# content hash, the document inside the source, and character offsets into
# that document as read. They hang off their article and go with it.
_RECORD_COLUMNS: Final = """
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL"""

MIGRATIONS: Final[tuple[tuple[str, str], ...]] = (
    (
        "sources, articles and per-article records",
        f"""
CREATE TABLE sources (
    sha256 TEXT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    format TEXT NOT NULL,
    encoding TEXT,
    size INTEGER NOT NULL,
    documents INTEGER NOT NULL
);
CREATE TABLE source_paths (
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL REFERENCES sources(sha256) ON DELETE CASCADE,
    ingested_at TEXT NOT NULL
);
CREATE INDEX source_paths_sha256 ON source_paths(sha256);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    source_sha256 TEXT NOT NULL REFERENCES sources(sha256) ON DELETE CASCADE,
    document INTEGER NOT NULL,
    locator TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    body_start INTEGER NOT NULL,
    title TEXT,
    byline TEXT,
    published TEXT,
    dateline TEXT,
    language TEXT,
    url TEXT,
    text TEXT NOT NULL
);
CREATE INDEX articles_source ON articles(source_sha256, document, start);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TABLE entities ({_RECORD_COLUMNS},
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL
);
CREATE INDEX entities_article ON entities(article_id);
CREATE TABLE mentions ({_RECORD_COLUMNS},
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    label TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE TABLE quotes ({_RECORD_COLUMNS},
    text TEXT NOT NULL,
    speaker_id TEXT REFERENCES entities(id) ON DELETE SET NULL,
    speaker TEXT,
    cue TEXT,
    speaker_confident INTEGER NOT NULL,
    unclosed INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE TABLE times ({_RECORD_COLUMNS},
    text TEXT NOT NULL,
    value TEXT,
    kind TEXT NOT NULL
);
CREATE INDEX times_article ON times(article_id);
CREATE TABLE places ({_RECORD_COLUMNS},
    name TEXT NOT NULL,
    geonames_id INTEGER,
    latitude REAL,
    longitude REAL,
    country TEXT,
    historical_country TEXT,
    precision TEXT,
    description TEXT
);
CREATE INDEX places_article ON places(article_id);
CREATE TABLE events ({_RECORD_COLUMNS},
    type TEXT NOT NULL,
    evidence TEXT NOT NULL,
    mode TEXT NOT NULL,
    context TEXT NOT NULL,
    actors TEXT NOT NULL,
    recipients TEXT NOT NULL,
    date TEXT,
    location TEXT,
    country TEXT,
    instrument TEXT NOT NULL,
    outcome TEXT,
    fatalities INTEGER,
    status TEXT NOT NULL,
    source TEXT,
    mentions TEXT NOT NULL
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_type_date ON events(type, date);
CREATE TABLE links (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    "left" TEXT NOT NULL,
    "right" TEXT NOT NULL,
    score REAL,
    field TEXT,
    "values" TEXT,
    reason TEXT
);
CREATE INDEX links_kind ON links(kind);
-- Review decisions outlive the records they judge: a re-ingest that
-- recreates an event with the same id finds its decisions again.
CREATE TABLE reviews (
    id TEXT PRIMARY KEY,
    target TEXT NOT NULL,
    target_id TEXT NOT NULL,
    decision TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    at TEXT NOT NULL,
    fields TEXT NOT NULL,
    previous TEXT NOT NULL
);
CREATE INDEX reviews_target ON reviews(target, target_id);
""",
    ),
    (
        "MinHash signatures and LSH buckets for near-duplicate articles",
        """
-- One MinHash signature per article, computed once by the linking stage;
-- the LSH index is its band hashes, so finding candidates is an indexed
-- lookup and adding an article adds rows instead of rebuilding anything.
CREATE TABLE signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature BLOB NOT NULL
);
CREATE TABLE lsh_buckets (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, article_id)
) WITHOUT ROWID;
CREATE INDEX lsh_buckets_article ON lsh_buckets(article_id);
CREATE INDEX links_left ON links("left");
CREATE INDEX links_right ON links("right");
""",
    ),
    (
        "index on mentions by article",
        """
-- Reading an article's analysis back (and cascading its deletion) looks up
-- mentions by article; without this index each lookup scans the table, so
-- linking a store grew with the square of its size (docs/scaling.md).
CREATE INDEX mentions_article ON mentions(article_id);
""",
    ),
    (
        "full-text index named the way Datasette recognises",
        """
-- Datasette finds a table's full-text index by the quoted name of its
-- content table (content="articles"); the index of migration 1 named it in
-- single quotes, so Datasette offered no search box. Same columns, rebuilt
-- from the articles; the triggers of migration 1 keep it up to date.
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content="articles", content_rowid="rowid"
);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
""",
    ),
)
