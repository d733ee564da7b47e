-- Searches that found nothing, kept without identifying anyone: only a normalised query (no
-- accents, no addresses, no long numbers), one row per visitor as a salted hash whose salt
-- changes every day and is then deleted, so hashes of two days cannot be linked or reversed.
-- Editors see a query only once three different visitors made it; rows go after 90 days.
-- The rows recorded so far hold what visitors typed, names included, with no way to tell how
-- many people typed it: they are dropped.
DELETE FROM search_misses;
ALTER TABLE search_misses DROP CONSTRAINT search_misses_pkey;
ALTER TABLE search_misses DROP COLUMN misses;
ALTER TABLE search_misses ADD COLUMN visitor_hash text NOT NULL;
ALTER TABLE search_misses ADD PRIMARY KEY (query, locale, visitor_hash);
CREATE INDEX search_misses_last_at_idx ON search_misses (last_at);

CREATE TABLE search_miss_salts (
  day  date PRIMARY KEY,
  salt text NOT NULL
);
