-- ghotona store schema, version 7: happenings (cross-article events) and
-- conflicting claims.
--
-- corpus/merge.py (docs/conflicts.md) assigns every stored event (a mention
-- of a happening in one article) to a happening; corpus/conflicts.py keeps,
-- for every stored claim, what makes two claims about the same quantity
-- (claim_keys), and the pairs of claims that disagree (conflicts).
--
-- Mentions and keys are NOT tied to the events/claims rows by foreign key:
-- ingest replaces an article's events and claims wholesale, and a cascade
-- would silently drop mentions from happenings whose counts then go stale.
-- The merger takes an article's mentions out itself (and recomputes the
-- happenings they were in) before adding the new ones; everything still goes
-- with its article (ON DELETE CASCADE on articles).

CREATE TABLE happenings (
    id             TEXT PRIMARY KEY NOT NULL,  -- "hp:" + 16 hex
    type           TEXT NOT NULL,              -- PLOVER type of the first mention
    status         TEXT NOT NULL,
    family         TEXT NOT NULL,              -- happened | intended | negated
    date           TEXT,                       -- most precise date a text gave
    -- The narrowest interval every mention allows (ISO days); for undated
    -- happenings the window their articles' dates allow.  Candidates for a
    -- new mention are read by type and this window.
    date_start     TEXT,
    date_end       TEXT,
    date_strength  TEXT NOT NULL,              -- strong | weak | none
    n_mentions     INTEGER NOT NULL,
    n_articles     INTEGER NOT NULL,
    n_outlets      INTEGER NOT NULL,
    updated_at     TEXT NOT NULL,
    data           TEXT NOT NULL               -- Happening.to_json() without mentions
);
CREATE INDEX happenings_type_end ON happenings (type, date_end);
CREATE INDEX happenings_start    ON happenings (date_start);

CREATE TABLE happening_mentions (
    event_id      TEXT PRIMARY KEY NOT NULL,
    happening_id  TEXT NOT NULL,
    article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    score         REAL NOT NULL,               -- 0 for the mention that started it
    article_date  TEXT                         -- the day the article speaks from
);
CREATE INDEX happening_mentions_happening ON happening_mentions (happening_id);
CREATE INDEX happening_mentions_article   ON happening_mentions (article_id);

-- "Happenings involving this actor" as an index look-up.
CREATE TABLE happening_participants (
    happening_id  TEXT NOT NULL REFERENCES happenings (id) ON DELETE CASCADE,
    role          TEXT NOT NULL CHECK (role IN ('actor', 'recipient', 'location')),
    actor_id      TEXT NOT NULL,
    PRIMARY KEY (happening_id, role, actor_id)
);
CREATE INDEX happening_participants_actor ON happening_participants (actor_id, happening_id);

-- A plan and the happening it announced (kind planned_for: from -> to).
CREATE TABLE happening_links (
    from_id  TEXT NOT NULL,
    to_id    TEXT NOT NULL,
    kind     TEXT NOT NULL,
    PRIMARY KEY (from_id, to_id, kind)
);
CREATE INDEX happening_links_to ON happening_links (to_id);

-- What the conflict finder compares for each stored claim: the quantity
-- (counted, unit), when it holds, the value interval after bounds and
-- tolerance, and its subject (actor ids, happening ids) in `data`.
CREATE TABLE claim_keys (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,              -- the claim's seq in `claims`
    counted     TEXT NOT NULL,
    unit        TEXT NOT NULL,                 -- unit, with the currency for money (money:USD)
    time_start  TEXT NOT NULL,
    time_end    TEXT NOT NULL,
    low         REAL NOT NULL,
    high        REAL,                          -- NULL: no upper end ("more than 6,000")
    data        TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX claim_keys_quantity ON claim_keys (counted, unit, time_end);

CREATE TABLE conflicts (
    id          TEXT PRIMARY KEY NOT NULL,     -- "cf:" + 16 hex of both sides
    kind        TEXT NOT NULL,                 -- quantity | date
    counted     TEXT,                          -- what is counted (quantity conflicts)
    article_a   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    article_b   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    found_at    TEXT NOT NULL,
    data        TEXT NOT NULL                  -- Conflict.to_json(): both sides
);
CREATE INDEX conflicts_a ON conflicts (article_a);
CREATE INDEX conflicts_b ON conflicts (article_b);
CREATE INDEX conflicts_counted ON conflicts (counted);
