-- ghotona store schema, version 6: stories and threads (corpus/stories.py,
-- corpus/threads.py, docs/stories.md).
--
-- A story is the set of articles about one happening; a thread links stories
-- over time.  Both are built incrementally as articles arrive: each article
-- has at most one story (story_articles), each story exactly one thread
-- (stories.thread_id; a story nothing links to is alone in its thread).
-- The profile a story scored an article by (its TF-IDF vector, actors,
-- event keys) is kept with the membership, so a later run reopens the
-- stories still in their time window without re-reading any article.
-- Self-contained: older stores start with no stories until pages are
-- ingested again.

CREATE TABLE threads (
    id          INTEGER PRIMARY KEY NOT NULL,
    title       TEXT,               -- the title of its first story
    first_day   TEXT,               -- ISO day of its earliest dated article
    last_day    TEXT,
    n_stories   INTEGER NOT NULL DEFAULT 0,
    updated     TEXT NOT NULL       -- UTC, last change
);

CREATE TABLE stories (
    id          INTEGER PRIMARY KEY NOT NULL,
    thread_id   INTEGER NOT NULL,   -- threads.id (no foreign key: threads merge by relabelling)
    title       TEXT,               -- the title of its first article
    first_day   TEXT,               -- ISO day of its earliest dated article
    last_day    TEXT,
    -- the same bounds in days since the epoch, to reopen stories by window
    first_time  REAL,
    last_time   REAL,
    n_articles  INTEGER NOT NULL DEFAULT 0,
    updated     TEXT NOT NULL       -- UTC, last change
);
CREATE INDEX stories_thread ON stories (thread_id);
CREATE INDEX stories_last ON stories (last_time);

CREATE TABLE story_articles (
    article_id  TEXT PRIMARY KEY NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    story_id    INTEGER NOT NULL,
    score       REAL NOT NULL,      -- the score that made it join (0 for the first)
    via         TEXT NOT NULL,      -- new | score | duplicate
    profile     TEXT NOT NULL,      -- ArticleProfile.to_json() as JSON
    joined      TEXT NOT NULL       -- UTC
);
CREATE INDEX story_articles_story ON story_articles (story_id);

-- Incremental document frequencies of the TF-IDF features (corpus/textsim.py).
CREATE TABLE term_df (
    term  TEXT PRIMARY KEY NOT NULL,
    df    INTEGER NOT NULL
) WITHOUT ROWID;

-- Small named counters (the number of documents behind term_df).
CREATE TABLE corpus_meta (
    key    TEXT PRIMARY KEY NOT NULL,
    value  TEXT NOT NULL
);
