-- ghotona store schema, version 8: indexes for the HTTP API's pages.
--
-- The API and web pages ask for the first page of events (optionally of one
-- type, status or mode) and of articles, newest first, many times a second.
-- These indexes hold the rows in exactly the order of Store.events and
-- Store.list_articles (undated last, newest first), so SQLite reads one page
-- instead of sorting every row: on 100k events the first page of events went
-- from about 150 ms to under 1 ms (benchmarks/api_bench.py).  Indexes only:
-- no table changes, no data moved.

CREATE INDEX IF NOT EXISTS events_order        ON events (date_start IS NULL, date_start DESC, date_end);
CREATE INDEX IF NOT EXISTS events_type_order   ON events (type, date_start IS NULL, date_start DESC, date_end);
CREATE INDEX IF NOT EXISTS events_status_order ON events (status, date_start IS NULL, date_start DESC, date_end);
CREATE INDEX IF NOT EXISTS events_mode_order   ON events (mode, date_start IS NULL, date_start DESC, date_end);
CREATE INDEX IF NOT EXISTS articles_published_order
    ON articles (published_utc IS NULL, published_utc DESC, first_seen DESC, id);
