-- Search over published practices, designed for 100,000 of them (see bench/search-plans.txt).
--
-- `practice_search` holds one narrow row per PUBLISHED practice: a compact weighted vector, the
-- facet values as one `text[]` ("topic:housing", "country:FR", …) and the sort keys. Searching
-- reads only this table (plus `practices` for the 20 rows of a page); unpublished practices are
-- never in it. `practice_facet_counts` keeps the facet counts of the whole collection, so the
-- page without a query or filters never counts; `search_generation` changes whenever a search
-- row does (ratings included; its `content` part only when matching or counting changes), so the
-- app may reuse the pages and counts it computed for the same search on the same generation, in
-- any process.
--
-- Rows are kept in sync by triggers on `practices` (any insert or update, so a status change made
-- anywhere publishes or withdraws), by `refresh_practice_search()` (called by the service after it
-- replaces organisations) and by a trigger on `taxonomy_terms` labels.

-- The vector moves here: the copy on `practices` (013) is no longer written or read.
DROP INDEX IF EXISTS practices_search_idx;
ALTER TABLE practices DROP COLUMN IF EXISTS search_vector;
DROP FUNCTION IF EXISTS refresh_practice_search(integer);

CREATE TABLE practice_search (
  practice_id   integer PRIMARY KEY REFERENCES practices (id) ON DELETE CASCADE,
  published_at  timestamptz NOT NULL,
  -- Damped average rating (pulled towards 3 by two phantom votes), NULL until rated.
  usefulness    real,
  rating_count  integer NOT NULL DEFAULT 0,
  language      text NOT NULL,
  -- Lower-cased, unaccented title for typo-tolerant (trigram) matching.
  title_plain   text NOT NULL,
  facets        text[] NOT NULL,
  -- A: title; B: summary and the labels of its dimensions, pillars, topics and target groups in every locale; C: organisations and city;
  -- D (positions stripped, to stay compact): the long sections.
  document      tsvector NOT NULL
);
-- A small pending list: bulk loads stay fast, and searches never wade through megabytes of it.
CREATE INDEX practice_search_document_idx ON practice_search USING gin (document) WITH (gin_pending_list_limit = 512);
CREATE INDEX practice_search_facets_idx ON practice_search USING gin (facets) WITH (gin_pending_list_limit = 512);
CREATE INDEX practice_search_title_idx ON practice_search USING gin (title_plain gin_trgm_ops);
CREATE INDEX practice_search_newest_idx ON practice_search (published_at DESC, practice_id DESC);
CREATE INDEX practice_search_useful_idx ON practice_search (usefulness DESC NULLS LAST, rating_count DESC, practice_id DESC);

CREATE TABLE practice_facet_counts (
  facet    text PRIMARY KEY,
  practices integer NOT NULL
);

CREATE TABLE search_generation (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  -- Moves on with any change to a search row: orders and pages of results.
  value    bigint NOT NULL,
  -- Moves on only when what matches or is counted changes (not with ratings): facet counts.
  content  bigint NOT NULL
);
INSERT INTO search_generation VALUES (true, 1, 1);

-- The facet values of published practices; '*' counts the practices themselves.
CREATE FUNCTION practice_search_adjust_counts(delta integer, facet_rows text[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO practice_facet_counts AS c (facet, practices)
  -- Rows in a fixed order: two writers lock them the same way round and never deadlock.
  SELECT facet, delta * count(*) FROM unnest(facet_rows) AS facet GROUP BY facet ORDER BY facet
  ON CONFLICT (facet) DO UPDATE SET practices = c.practices + EXCLUDED.practices
$$;

CREATE FUNCTION practice_search_counts_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  added text[];
  removed text[];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT array_agg(facet) INTO added FROM new_rows, unnest(new_rows.facets || '{*}'::text[]) AS facet;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    SELECT array_agg(facet) INTO removed FROM old_rows, unnest(old_rows.facets || '{*}'::text[]) AS facet;
  END IF;
  -- (Nested: PL/pgSQL plans a statement only when it runs, and a DELETE has no new_rows.)
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (
      SELECT 1 FROM old_rows o JOIN new_rows n USING (practice_id)
      WHERE o.facets IS DISTINCT FROM n.facets OR o.document IS DISTINCT FROM n.document
         OR o.title_plain IS DISTINCT FROM n.title_plain OR o.published_at IS DISTINCT FROM n.published_at
    ) THEN
      RETURN NULL; -- only ratings changed: the counts stand
    END IF;
  END IF;
  IF removed IS NOT NULL THEN PERFORM practice_search_adjust_counts(-1, removed); END IF;
  IF added IS NOT NULL THEN PERFORM practice_search_adjust_counts(1, added); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER practice_search_counts_insert AFTER INSERT ON practice_search
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION practice_search_counts_trigger();
CREATE TRIGGER practice_search_counts_update AFTER UPDATE ON practice_search
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION practice_search_counts_trigger();
CREATE TRIGGER practice_search_counts_delete AFTER DELETE ON practice_search
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION practice_search_counts_trigger();

-- Any change to a search row (ratings included: they order results) moves `value` on, and a change
-- to what matches moves `content` on too; each once per transaction and at its very end (a deferred
-- trigger): the one-row table is locked last and briefly, so writers of different practices never
-- wait on each other in a cycle.
CREATE FUNCTION search_generation_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  content_changed boolean := TG_OP <> 'UPDATE'
    OR OLD.facets IS DISTINCT FROM NEW.facets OR OLD.document IS DISTINCT FROM NEW.document
    OR OLD.title_plain IS DISTINCT FROM NEW.title_plain;
BEGIN
  IF content_changed THEN
    IF current_setting('bridges.search_content_bumped', true) = 'yes' THEN RETURN NULL; END IF;
    PERFORM set_config('bridges.search_content_bumped', 'yes', true);
    PERFORM set_config('bridges.search_generation_bumped', 'yes', true);
    UPDATE search_generation SET value = value + 1, content = content + 1;
  ELSE
    IF current_setting('bridges.search_generation_bumped', true) = 'yes' THEN RETURN NULL; END IF;
    PERFORM set_config('bridges.search_generation_bumped', 'yes', true);
    UPDATE search_generation SET value = value + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER practice_search_generation AFTER INSERT OR UPDATE OR DELETE ON practice_search
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_generation_bump();

-- Rebuilds the search rows of these practices in one statement: published ones are written (only
-- when something changed), the others removed.
CREATE FUNCTION refresh_practice_search(ids integer[]) RETURNS void
LANGUAGE sql AS $$
  DELETE FROM practice_search s
  WHERE s.practice_id = ANY (ids)
    AND NOT EXISTS (SELECT 1 FROM practices p WHERE p.id = s.practice_id AND p.status = 'published');

  INSERT INTO practice_search AS s
    (practice_id, published_at, usefulness, rating_count, language, title_plain, facets, document)
  SELECT
    p.id,
    coalesce(p.published_at, p.updated_at),
    CASE WHEN p.rating_count > 0 THEN (p.rating_sum + 6)::real / (p.rating_count + 2) END,
    p.rating_count,
    p.language,
    lower(unaccent(p.title)),
    ARRAY(SELECT 'country:' || c FROM unnest(p.countries) AS c)
      || ARRAY(SELECT 'region:' || r FROM unnest(p.regions) AS r)
      || ARRAY(SELECT t.vocabulary || ':' || t.code FROM taxonomy_terms t
               WHERE t.id = ANY (p.term_ids) AND t.vocabulary <> 'sdg_target' ORDER BY t.id)
      || ARRAY(SELECT DISTINCT 'stakeholder:' || o.stakeholder_type FROM practice_organisations o
               WHERE o.practice_id = p.id AND o.role = 'implementing' AND o.stakeholder_type IS NOT NULL)
      || ARRAY['evidence:' || p.evidence_level, 'language:' || p.language]
      || CASE WHEN p.start_date IS NULL THEN '{}'::text[]
              ELSE ARRAY['year:' || extract(year FROM p.start_date)::integer] END,
    setweight(to_tsvector(practice_text_config(p.language), p.title), 'A')
      || setweight(to_tsvector(practice_text_config(p.language), p.summary), 'B')
      || setweight(
           to_tsvector('bridges_english', coalesce(labels.en, ''))
           || to_tsvector('bridges_french', coalesce(labels.fr, ''))
           || to_tsvector('bridges_spanish', coalesce(labels.es, ''))
           || to_tsvector('bridges_arabic', coalesce(labels.ar, ''))
           || to_tsvector('bridges_simple', coalesce(labels.other, '')), 'B')
      || setweight(to_tsvector('bridges_simple', concat_ws(' ',
           (SELECT string_agg(o.name, ' ') FROM practice_organisations o WHERE o.practice_id = p.id),
           (SELECT c.name FROM cities c WHERE c.id = p.city_id))), 'C')
      || strip(to_tsvector(practice_text_config(p.language), concat_ws(' ',
           p.background, p.activities, p.participants, p.outcomes, p.evaluation, p.recommendations, p.funding_source)))
  FROM practices p
  -- Term labels in each locale, stemmed in that locale's language.
  CROSS JOIN LATERAL (
    SELECT string_agg(label.value, ' ') FILTER (WHERE label.key = 'en') AS en,
           string_agg(label.value, ' ') FILTER (WHERE label.key = 'fr') AS fr,
           string_agg(label.value, ' ') FILTER (WHERE label.key = 'es') AS es,
           string_agg(label.value, ' ') FILTER (WHERE label.key = 'ar') AS ar,
           string_agg(label.value, ' ') FILTER (WHERE label.key NOT IN ('en', 'fr', 'es', 'ar')) AS other
    FROM taxonomy_terms t, jsonb_each_text(t.labels) AS label
    -- GCM objectives and SDG targets are long sentences: they are facets, not search words.
    WHERE t.id = ANY (p.term_ids) AND t.vocabulary NOT IN ('gcm_objective', 'sdg_target')
  ) labels
  WHERE p.id = ANY (ids) AND p.status = 'published'
  ON CONFLICT (practice_id) DO UPDATE SET
    published_at = EXCLUDED.published_at,
    usefulness = EXCLUDED.usefulness,
    rating_count = EXCLUDED.rating_count,
    language = EXCLUDED.language,
    title_plain = EXCLUDED.title_plain,
    facets = EXCLUDED.facets,
    document = EXCLUDED.document
  WHERE (s.published_at, s.usefulness, s.rating_count, s.language, s.title_plain, s.facets, s.document)
    IS DISTINCT FROM
        (EXCLUDED.published_at, EXCLUDED.usefulness, EXCLUDED.rating_count, EXCLUDED.language,
         EXCLUDED.title_plain, EXCLUDED.facets, EXCLUDED.document);
$$;

-- The one-practice form the service calls after replacing a practice's organisations.
CREATE FUNCTION refresh_practice_search(practice integer) RETURNS void
LANGUAGE sql AS $$ SELECT refresh_practice_search(ARRAY[practice]) $$;

CREATE FUNCTION practices_search_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_practice_search(ARRAY(SELECT id FROM changed_rows));
  RETURN NULL;
END
$$;

CREATE TRIGGER practices_search_sync_insert AFTER INSERT ON practices
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION practices_search_sync();
CREATE TRIGGER practices_search_sync_update AFTER UPDATE ON practices
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION practices_search_sync();

-- A relabelled term changes the vectors of every practice tagged with it.
CREATE FUNCTION taxonomy_terms_search_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_practice_search(ARRAY(
    SELECT p.id FROM practices p
    WHERE p.status = 'published' AND p.term_ids && ARRAY(SELECT id FROM changed_rows)));
  RETURN NULL;
END
$$;

CREATE TRIGGER taxonomy_terms_search_sync AFTER UPDATE ON taxonomy_terms
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION taxonomy_terms_search_sync();

-- One word of a search, in every language a practice may be written in (and unstemmed), so that a
-- French query meets an English practice through its tags. A word that is a stop word in any of
-- these languages is dropped: a practice written in that language cannot contain it.
CREATE FUNCTION practice_search_word(word text) RETURNS tsquery
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  config regconfig;
  part tsquery;
  result tsquery := plainto_tsquery('bridges_simple', word);
BEGIN
  FOREACH config IN ARRAY ARRAY['bridges_english', 'bridges_french', 'bridges_spanish', 'bridges_arabic',
      'bridges_portuguese', 'bridges_german', 'bridges_italian', 'bridges_dutch']::regconfig[]
  LOOP
    part := plainto_tsquery(config, word);
    IF numnode(part) = 0 THEN RETURN ''::tsquery; END IF;
    IF position(part::text IN result::text) = 0 THEN result := result || part; END IF;
  END LOOP;
  RETURN result;
END
$$;

-- Existing published practices (none outside development) get their rows.
SELECT refresh_practice_search(ARRAY(SELECT id FROM practices WHERE status = 'published'));
