-- ghotona store schema, version 3: coded events and quantitative claims as rows.
--
-- The events the coder read from each article (ghotona.events.model.Event,
-- docs/events.md) and the claims found in it (records.Claim, docs/claims.md).
-- Like actor mentions they are derived data: ingest replaces an article's
-- rows each time it codes the article (Store.replace_events/replace_claims),
-- and they go with the article (ON DELETE CASCADE).  The filterable fields
-- are columns; the full record is the JSON in `data`, which is what the store
-- returns.  Self-contained: it touches no other table, and older stores
-- simply start with no events or claims until their pages are ingested again.

CREATE TABLE events (
    id                TEXT PRIMARY KEY NOT NULL,  -- Event.id ("ev:" + 16 hex)
    article_id        TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq               INTEGER NOT NULL,   -- order the coder gave (0 = first)
    type              TEXT NOT NULL,      -- PLOVER type (ASSAULT, CONSULT, ...)
    mode              TEXT,
    status            TEXT NOT NULL,      -- occurred | planned | hypothetical | negated | historical
    date              TEXT,               -- ISO value at its granularity: 2025-07-10, 2025-W28, 2025-07, 2025
    date_granularity  TEXT,               -- day | week | month | year
    -- The first and last day the date may mean (2025-07 -> 2025-07-01 ..
    -- 2025-07-31), so that date filters and ordering compare days whatever
    -- the granularity; NULL when undated.
    date_start        TEXT,
    date_end          TEXT,
    date_how          TEXT NOT NULL,
    confidence        REAL NOT NULL,
    cameo             TEXT,
    outlet_id         TEXT,
    data              TEXT NOT NULL,      -- Event.to_json() as JSON
    UNIQUE (article_id, seq)              -- its index serves look-ups by article
);
-- "ASSAULT events since June": type first, then the date range.
CREATE INDEX events_type_date ON events (type, date_start);
CREATE INDEX events_date      ON events (date_start);
CREATE INDEX events_status    ON events (status, date_start);

-- Who took part in each event, one row per participant, so that "events
-- involving this actor" is an index look-up rather than a scan of JSON.
CREATE TABLE event_participants (
    event_id  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('actor', 'recipient', 'location')),
    seq       INTEGER NOT NULL,       -- order within the role
    actor_id  TEXT,                   -- dictionary id, "prov:<hash>", or NULL (unresolved)
    name_en   TEXT,
    PRIMARY KEY (event_id, role, seq)
);
CREATE INDEX event_participants_actor ON event_participants (actor_id, event_id);

CREATE TABLE claims (
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,    -- order in the article (0 = first)
    start        INTEGER NOT NULL,    -- character offsets into the article body
    end          INTEGER NOT NULL,
    text         TEXT NOT NULL,
    value        REAL NOT NULL,
    value_max    REAL,
    bound        TEXT NOT NULL,
    unit         TEXT NOT NULL,
    currency     TEXT,
    counted      TEXT NOT NULL,       -- killed | injured | troops | ... | other
    claimant_id  TEXT,
    claimant     TEXT,
    data         TEXT NOT NULL,       -- Claim.to_json() as JSON
    -- the primary key's index also serves look-ups by article_id
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX claims_counted ON claims (counted, article_id);
