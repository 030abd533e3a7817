-- ghotona store schema, version 2: actor mentions as rows.
--
-- Every person, organisation, country and place the actor linker found in an
-- article body (records.ActorMention, docs/actors.md), one row each, so that
-- "which articles name this actor" is an index look-up instead of a scan of
-- every article's JSON.  The rows are derived data: each upsert_article
-- replaces an article's rows with the mentions it was given (re-ingesting
-- after a dictionary update refreshes them), and they go with the article
-- (ON DELETE CASCADE).  Self-contained: it touches no other table.

CREATE TABLE actor_mentions (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,   -- order in the article (0 = first)
    start       INTEGER NOT NULL,   -- character offsets into the article body
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,      -- body[start:end]
    type        TEXT NOT NULL,      -- person | organisation | country | place
    actor_id    TEXT,               -- dictionary id, "prov:<hash>", or NULL (unresolved)
    name_en     TEXT,
    name_bn     TEXT,
    how         TEXT NOT NULL,      -- exact | inflected | ... | role | short-form | ner
    score       REAL NOT NULL,
    role        TEXT,               -- role key, for role mentions
    note        TEXT,
    -- the primary key's index also serves look-ups by article_id
    PRIMARY KEY (article_id, seq)
);
-- "articles naming this actor": actor_id first, then article_id, so the
-- grouping by article needs no table look-up.
CREATE INDEX actor_mentions_actor ON actor_mentions (actor_id, article_id);

-- Stores written before this migration already hold the mentions inside each
-- article's JSON (Article.actor_mentions): copy them into rows.
INSERT INTO actor_mentions
    (article_id, seq, start, end, text, type, actor_id, name_en, name_bn, how, score, role, note)
SELECT a.id,
       CAST(m.key AS INTEGER),
       json_extract(m.value, '$.start'),
       json_extract(m.value, '$.end'),
       json_extract(m.value, '$.text'),
       json_extract(m.value, '$.type'),
       json_extract(m.value, '$.actor_id'),
       json_extract(m.value, '$.name_en'),
       json_extract(m.value, '$.name_bn'),
       json_extract(m.value, '$.how'),
       COALESCE(json_extract(m.value, '$.score'), 0.0),
       json_extract(m.value, '$.role'),
       json_extract(m.value, '$.note')
FROM articles AS a, json_each(a.data, '$.actor_mentions') AS m;
