-- ghotona store schema, version 1.
--
-- Applied by store/sqlite.py inside one transaction, then recorded in
-- schema_migrations.  Never edit a released migration: add 0002_*.sql.

-- One row per article id: the current version.  The filterable fields are
-- real columns (indexed where lists filter or sort on them); the complete
-- Article, sentences and offsets included, is the JSON in `data`
-- (store/serialize.py), which is what get_article returns.
CREATE TABLE articles (
    id            TEXT PRIMARY KEY NOT NULL,
    -- rowid of this article's row in articles_fts.  Kept explicit because an
    -- implicit rowid may be renumbered by VACUUM, which would unlink the index.
    doc           INTEGER NOT NULL UNIQUE,
    url           TEXT,
    outlet        TEXT,
    outlet_id     TEXT,
    title         TEXT,
    published     TEXT,             -- ISO 8601 as extracted, with its offset
    published_utc TEXT,             -- the same instant in UTC, fixed width: sorts as text
    updated       TEXT,
    page_date     TEXT,
    language      TEXT NOT NULL,
    republished   INTEGER NOT NULL DEFAULT 0 CHECK (republished IN (0, 1)),
    content_hash  TEXT NOT NULL,    -- decides new / updated / unchanged
    source        TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,   -- 1 + number of rows in article_versions
    first_seen    TEXT NOT NULL,    -- UTC, first time this id was ingested
    last_seen     TEXT NOT NULL,    -- UTC, latest ingest, changed or not
    version_seen  TEXT NOT NULL,    -- UTC, when the current version was stored
    data          TEXT NOT NULL     -- serialize.article_to_dict as JSON
);
CREATE INDEX articles_published ON articles (published_utc);
CREATE INDEX articles_last_seen ON articles (last_seen);
CREATE INDEX articles_outlet    ON articles (outlet);
CREATE INDEX articles_outlet_id ON articles (outlet_id);
CREATE INDEX articles_language  ON articles (language);
CREATE INDEX articles_url       ON articles (url);

-- Earlier versions of an article, moved here when a changed one replaced them.
CREATE TABLE article_versions (
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    title        TEXT,
    data         TEXT NOT NULL,     -- that version's full Article JSON
    stored_at    TEXT NOT NULL,     -- UTC, when that version was first stored
    replaced_at  TEXT NOT NULL,     -- UTC, when a newer version replaced it
    PRIMARY KEY (article_id, version)
);

-- Full-text index over title and body; rowid = articles.doc.
--
-- unicode61 treats only letters and digits as parts of a word, so on its own
-- it splits Bengali at every vowel sign, virama and nukta (কিমের would become
-- কি + মের).  tokenchars below adds the Bengali combining marks, written
-- literally because SQLite has no escape for them here:
--   U+0981-U+0983 (candrabindu, anusvara, visarga), U+09BC (nukta),
--   U+09BE-U+09C4, U+09C7-U+09C8, U+09CB-U+09CC (vowel signs),
--   U+09CD (virama/hasanta), U+09D7 (au length mark),
--   U+09E2-U+09E3 (vocalic l/ll signs), U+200C ZWNJ, U+200D ZWJ.
-- remove_diacritics 0: folding would strip those same marks.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title,
    body,
    tokenize = "unicode61 remove_diacritics 0 tokenchars 'ঁংঃ়ািীুূৃৄেৈোৌ্ৗৢৣ‌‍'"
);

-- One row per CLI run that wrote to the store (ingest, import, ...).
CREATE TABLE runs (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    kind      TEXT NOT NULL,
    args      TEXT NOT NULL,        -- JSON object
    started   TEXT NOT NULL,        -- UTC
    finished  TEXT,                 -- UTC; NULL while running or if it died
    counts    TEXT                  -- JSON object, e.g. {"new": 3, "rejected": 1}
);

-- Pages a run could not turn into articles, with the reason.
CREATE TABLE run_rejections (
    run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,       -- order in which the run reported them
    source  TEXT NOT NULL,
    reason  TEXT NOT NULL,
    detail  TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
);
CREATE INDEX run_rejections_reason ON run_rejections (reason);
