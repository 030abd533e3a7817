-- ghotona store schema, version 5: exact and near-duplicate articles.
--
-- (0004 is the crawl tables of another branch; the gap is deliberate.)
--
-- corpus/duplicates.py (docs/duplicates.md) keeps a fingerprint of every
-- article it has seen, so that a later ingest run finds copies of articles
-- stored by earlier runs without reading them all again:
--   * the exact-copy key (a hash of the normalised word sequence),
--   * the shingle set (sorted distinct uint32 hashes, little-endian bytes),
--     to confirm a candidate with the exact Jaccard similarity,
--   * the MinHash LSH band keys, one row per band, looked up by key.
-- Band keys are salted with the MinHash settings, so rows written under
-- other settings never meet new ones (they simply stop matching).
-- Everything goes with its article (ON DELETE CASCADE).

CREATE TABLE dup_fingerprints (
    article_id     TEXT PRIMARY KEY NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    body_key       TEXT NOT NULL,      -- shingles.body_key: equal for exact copies
    shingle_words  INTEGER NOT NULL,   -- n of the word n-grams in `shingles`
    words          INTEGER NOT NULL,   -- words in the body
    shingles       BLOB NOT NULL       -- sorted distinct uint32, little-endian
);
CREATE INDEX dup_fingerprints_key ON dup_fingerprints (body_key);

-- LSH bands: an article is a candidate copy of another when any band key is
-- equal.  key first: the look-up is by key; WITHOUT ROWID keeps the pair in
-- the index itself.
CREATE TABLE dup_bands (
    key         INTEGER NOT NULL,      -- 64-bit band hash (signed)
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
-- Replacing an updated article's bands, and cascading deletes, go by article.
CREATE INDEX dup_bands_article ON dup_bands (article_id);

-- One row per article known to be a copy: it keeps its own outlet and URL
-- (in `articles`) and points at its original, the earliest published (else
-- first seen) article it copies.
CREATE TABLE duplicates (
    article_id   TEXT PRIMARY KEY NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    original_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    jaccard      REAL NOT NULL,        -- exact shingle Jaccard with the original
    method       TEXT NOT NULL CHECK (method IN ('exact', 'near')),
    found        TEXT NOT NULL,        -- UTC, when the copy was recognised
    CHECK (article_id <> original_id)
);
CREATE INDEX duplicates_original ON duplicates (original_id);
