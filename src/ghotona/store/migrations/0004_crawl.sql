-- ghotona store schema, version 4: the crawler's state (docs/crawl.md).
--
-- crawl_frontier: every URL the crawler knows, one row each: the feeds,
-- sitemaps and section pages it reads (kind feed | sitemap | section) and
-- the article pages they lead to (kind page).  Rows are written as soon as
-- they are discovered, and a page's row moves to "done" in the same
-- transaction that stores its article, so a crawl killed at any moment
-- starts again where it stopped: nothing lost, nothing stored twice.
-- crawl_fetches: one row per HTTP request a crawl run made (the run itself
-- is a row of `runs` with kind "crawl").
-- crawl_raw: the response bodies, zlib-compressed, one row per distinct
-- body of a URL, so `ghotona reprocess` can re-extract them later.
-- Self-contained: it touches no other table.

CREATE TABLE crawl_frontier (
    url           TEXT PRIMARY KEY NOT NULL,
    host          TEXT NOT NULL,
    source_id     TEXT NOT NULL,      -- the sources file's id for the outlet
    kind          TEXT NOT NULL CHECK (kind IN ('page', 'feed', 'sitemap', 'section')),
    via           TEXT NOT NULL,      -- config | feed | sitemap | section: how it was found
    found_in      TEXT,               -- the feed / sitemap / section URL that listed it
    feed_date     TEXT,               -- the date the feed or sitemap gave (ISO); the page's own dates win
    lastmod       TEXT,               -- the feed entry's updated / the sitemap's lastmod, as given
    state         TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed', 'gone', 'skipped')),
    attempts      INTEGER NOT NULL DEFAULT 0,   -- failed attempts since the last success
    next_attempt  TEXT,               -- UTC; not fetched again before this
    etag          TEXT,               -- for If-None-Match
    last_modified TEXT,               -- for If-Modified-Since
    content_hash  TEXT,               -- sha1 of the last body fetched
    article_id    TEXT,               -- the article the page became (no foreign key: articles may be pruned)
    discovered    TEXT NOT NULL,      -- UTC
    fetched       TEXT,               -- UTC, last response (any status)
    outcome       TEXT,               -- last fetch outcome (see crawl_fetches)
    reason        TEXT                -- why, for failed / skipped rows
);
CREATE INDEX crawl_frontier_due ON crawl_frontier (kind, state, next_attempt);
CREATE INDEX crawl_frontier_source ON crawl_frontier (source_id);

CREATE TABLE crawl_fetches (
    run_id   INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    url      TEXT NOT NULL,
    kind     TEXT NOT NULL,
    status   INTEGER,                 -- HTTP status; NULL when no response came
    bytes    INTEGER NOT NULL DEFAULT 0,
    ms       REAL NOT NULL DEFAULT 0,
    -- new | changed | unchanged | not-modified | failed | skipped-robots |
    -- skipped-host | skipped-address | read (a feed/sitemap/section was read)
    outcome  TEXT NOT NULL,
    reason   TEXT,
    at       TEXT NOT NULL,           -- UTC
    PRIMARY KEY (run_id, seq)
);
CREATE INDEX crawl_fetches_url ON crawl_fetches (url);

CREATE TABLE crawl_raw (
    url          TEXT NOT NULL,
    content_hash TEXT NOT NULL,       -- sha1 of the uncompressed body
    fetched      TEXT NOT NULL,       -- UTC, first time this body was fetched
    status       INTEGER NOT NULL,
    content_type TEXT,
    final_url    TEXT NOT NULL,       -- after redirects
    size         INTEGER NOT NULL,    -- uncompressed bytes
    body         BLOB NOT NULL,       -- zlib.compress(body)
    PRIMARY KEY (url, content_hash)
);
CREATE INDEX crawl_raw_fetched ON crawl_raw (fetched);
