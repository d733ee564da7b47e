-- Search for every kind of content (practices first; resources, events, forums, myths and campaigns
-- after them), and rating totals kept apart from the rows that search reads.
--
-- `search_documents` holds one narrow row per searchable item of every kind, keyed by
-- (kind, subject_id): the same columns 015 gave `practice_search`. Its indexes are partial, one set
-- per kind (`WHERE kind = '<kind>'`, made by `search_register_kind`), so a search of one kind reads
-- only that kind's postings; queries name the kind as a literal so the planner can use them.
-- `search_facet_counts` keeps each kind's facet counts for its whole collection, and
-- `search_generations` each kind's two counters (`value`: any change to a row, ratings included;
-- `content`: what matches or is counted), so caches of one kind survive writes to another.
--
-- A kind plugs in with (see the practices at the end of this file):
--   CREATE FUNCTION search_rows_<kind>(ids integer[]) RETURNS SETOF search_row …  -- its searchable items among ids
--   CREATE TRIGGER … AFTER INSERT ON <table> REFERENCING NEW TABLE AS changed_rows
--     FOR EACH STATEMENT EXECUTE FUNCTION search_sync('<kind>');                   -- and the same AFTER UPDATE
--   CREATE TRIGGER … AFTER DELETE ON <table> REFERENCING OLD TABLE AS old_rows
--     FOR EACH STATEMENT EXECUTE FUNCTION search_forget('<kind>');
--   SELECT search_register_kind('<kind>');                                         -- its partial indexes
-- (plus triggers calling `search_refresh('<kind>', ids)` on whatever else its rows are built from).
-- Ratings, kept counts and generations then follow by themselves.

------------------------------------------------------------------------------------------------
-- Rating totals

-- Made here or by 018 (engagement), whichever runs first on a database that has neither.
CREATE TABLE IF NOT EXISTS rating_totals (
  kind        text NOT NULL,
  subject_id  integer NOT NULL,
  count       integer NOT NULL DEFAULT 0,
  sum         integer NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, subject_id)
);

-- Added, not replaced: where 018 ran first, what is there counts only the ratings given (or
-- changed, or withdrawn) since, and the practice's columns hold everything before.
INSERT INTO rating_totals AS t (kind, subject_id, count, sum)
SELECT 'practice', p.id, p.rating_count, p.rating_sum FROM practices p
WHERE p.rating_count <> 0 OR p.rating_sum <> 0
ORDER BY p.id
ON CONFLICT (kind, subject_id) DO UPDATE SET count = t.count + EXCLUDED.count, sum = t.sum + EXCLUDED.sum;

-- Damped average rating (pulled towards 3 by two phantom votes), NULL until rated: the key of the
-- "most useful" order for every kind.
CREATE FUNCTION search_usefulness(rating_count integer, rating_sum integer) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN rating_count > 0 THEN (rating_sum + 6)::real / (rating_count + 2) END
$$;

------------------------------------------------------------------------------------------------
-- Shared tables

CREATE TABLE search_documents (
  kind          text NOT NULL,
  subject_id    integer NOT NULL,
  published_at  timestamptz NOT NULL,
  usefulness    real,
  rating_count  integer NOT NULL DEFAULT 0,
  language      text NOT NULL,
  -- Lower-cased, unaccented title for typo-tolerant (trigram) matching.
  title_plain   text NOT NULL,
  -- "<facet key>:<value>", e.g. "topic:housing", "country:FR".
  facets        text[] NOT NULL,
  -- Weighted by the kind: A for titles, B and C for what describes the item, D (positions
  -- stripped, to stay compact) for long text.
  document      tsvector NOT NULL,
  PRIMARY KEY (kind, subject_id)
);

CREATE TABLE search_facet_counts (
  kind   text NOT NULL,
  -- '*' counts the kind's searchable items themselves.
  facet  text NOT NULL,
  count  integer NOT NULL,
  PRIMARY KEY (kind, facet)
);

CREATE TABLE search_generations (
  kind     text PRIMARY KEY,
  -- Moves on with any change to one of the kind's rows: orders and pages of results.
  value    bigint NOT NULL,
  -- Moves on only when what matches or is counted changes (not with ratings): facet counts.
  content  bigint NOT NULL
);

-- The practices' rows, counts and generations move in as they are (their vectors are not rebuilt);
-- usefulness is read from the totals, which may have moved on since the row was written.
INSERT INTO search_documents
  (kind, subject_id, published_at, usefulness, rating_count, language, title_plain, facets, document)
SELECT 'practice', s.practice_id, s.published_at, search_usefulness(coalesce(t.count, 0), coalesce(t.sum, 0)),
       coalesce(t.count, 0), s.language, s.title_plain, s.facets, s.document
FROM practice_search s
LEFT JOIN rating_totals t ON t.kind = 'practice' AND t.subject_id = s.practice_id;

INSERT INTO search_facet_counts (kind, facet, count)
SELECT 'practice', facet, practices FROM practice_facet_counts;

-- Both moved on, so that nothing cached against the old table is taken for the new one.
INSERT INTO search_generations (kind, value, content)
SELECT 'practice', value + 1, content + 1 FROM search_generation;

DROP TABLE practice_search;
DROP TABLE practice_facet_counts;
DROP TABLE search_generation;
DROP FUNCTION practice_search_counts_trigger();
DROP FUNCTION practice_search_adjust_counts(integer, text[]);
DROP FUNCTION search_generation_bump();

------------------------------------------------------------------------------------------------
-- Registering a kind: its partial indexes and its generations row

-- One set of indexes per kind, each limited to the kind's rows: a search of resources never
-- walks the postings of 100,000 practices. Idempotent.
CREATE FUNCTION search_register_kind(new_kind text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  scope text;
BEGIN
  -- The kind becomes part of index names and a literal in their predicates.
  IF new_kind !~ '^[a-z][a-z_]{0,40}$' THEN
    RAISE EXCEPTION 'search kind % must be lower-case letters and underscores', new_kind;
  END IF;
  scope := format('WHERE kind = %L', new_kind);
  -- A small pending list: bulk loads stay fast, and searches never wade through megabytes of it.
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON search_documents USING gin (document) WITH (gin_pending_list_limit = 512) %s',
    'search_documents_' || new_kind || '_document_idx', scope);
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON search_documents USING gin (facets) WITH (gin_pending_list_limit = 512) %s',
    'search_documents_' || new_kind || '_facets_idx', scope);
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON search_documents USING gin (title_plain gin_trgm_ops) %s',
    'search_documents_' || new_kind || '_title_idx', scope);
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON search_documents (published_at DESC, subject_id DESC) %s',
    'search_documents_' || new_kind || '_newest_idx', scope);
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON search_documents (usefulness DESC NULLS LAST, rating_count DESC, subject_id DESC) %s',
    'search_documents_' || new_kind || '_useful_idx', scope);
  INSERT INTO search_generations (kind, value, content) VALUES (new_kind, 1, 1) ON CONFLICT (kind) DO NOTHING;
END
$$;

SELECT search_register_kind('practice');

------------------------------------------------------------------------------------------------
-- Kept counts and generations, for every kind alike

-- Every statement adds its rows' facets and takes away the ones they replace; a row that only
-- changed its ratings adds and takes the same, and nothing is written. Counts are written in a
-- fixed order, so two writers lock them the same way round and never deadlock.
CREATE FUNCTION search_documents_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- (One statement per operation: PL/pgSQL plans a statement only when it runs, and an INSERT has
  -- no old_rows, a DELETE no new_rows.)
  IF TG_OP = 'INSERT' THEN
    INSERT INTO search_facet_counts AS c (kind, facet, count)
    SELECT n.kind, facet, count(*) FROM new_rows n, unnest(n.facets || '{*}'::text[]) AS facet
    GROUP BY n.kind, facet ORDER BY n.kind, facet
    ON CONFLICT (kind, facet) DO UPDATE SET count = c.count + EXCLUDED.count;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO search_facet_counts AS c (kind, facet, count)
    SELECT o.kind, facet, -count(*) FROM old_rows o, unnest(o.facets || '{*}'::text[]) AS facet
    GROUP BY o.kind, facet ORDER BY o.kind, facet
    ON CONFLICT (kind, facet) DO UPDATE SET count = c.count + EXCLUDED.count;
  ELSE
    INSERT INTO search_facet_counts AS c (kind, facet, count)
    SELECT kind, facet, sum(delta) FROM (
      SELECT n.kind, facet, 1 AS delta FROM new_rows n, unnest(n.facets || '{*}'::text[]) AS facet
      UNION ALL
      SELECT o.kind, facet, -1 FROM old_rows o, unnest(o.facets || '{*}'::text[]) AS facet
    ) changes
    GROUP BY kind, facet HAVING sum(delta) <> 0 ORDER BY kind, facet
    ON CONFLICT (kind, facet) DO UPDATE SET count = c.count + EXCLUDED.count;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER search_documents_counts_insert AFTER INSERT ON search_documents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_documents_counts();
CREATE TRIGGER search_documents_counts_update AFTER UPDATE ON search_documents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_documents_counts();
CREATE TRIGGER search_documents_counts_delete AFTER DELETE ON search_documents
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_documents_counts();

-- Any change to a kind's row (ratings included: they order results) moves its `value` on, and a
-- change to what matches moves its `content` on too; each once per transaction and kind, and at
-- the transaction's very end (a deferred trigger). The first bump of a transaction locks every
-- kind's row, in kind order: a transaction that writes practices and resources and one that writes
-- resources and practices take them the same way round, and the rows are held only while the
-- transaction commits.
CREATE FUNCTION search_generations_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  row_kind text := coalesce(NEW.kind, OLD.kind);
  content_changed boolean := TG_OP <> 'UPDATE'
    OR OLD.facets IS DISTINCT FROM NEW.facets OR OLD.document IS DISTINCT FROM NEW.document
    OR OLD.title_plain IS DISTINCT FROM NEW.title_plain;
  -- '' (nothing yet), 'value' or 'content': how far this kind was bumped in this transaction.
  flag text := 'bridges.search_bumped_' || row_kind;
  bumped text := coalesce(current_setting(flag, true), '');
BEGIN
  IF bumped = 'content' OR (bumped = 'value' AND NOT content_changed) THEN RETURN NULL; END IF;
  IF coalesce(current_setting('bridges.search_generations_locked', true), '') <> 'yes' THEN
    PERFORM 1 FROM search_generations ORDER BY kind FOR UPDATE;
    PERFORM set_config('bridges.search_generations_locked', 'yes', true);
  END IF;
  -- A kind written before it was registered gets its row here.
  INSERT INTO search_generations AS g (kind, value, content) VALUES (row_kind, 2, 2)
  ON CONFLICT (kind) DO UPDATE SET
    value = g.value + CASE WHEN bumped = '' THEN 1 ELSE 0 END,
    content = g.content + CASE WHEN content_changed THEN 1 ELSE 0 END;
  PERFORM set_config(flag, CASE WHEN content_changed THEN 'content' ELSE 'value' END, true);
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER search_documents_generations AFTER INSERT OR UPDATE OR DELETE ON search_documents
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_generations_bump();

-- Ratings reach search rows here, for every kind: only the two columns that order by them are
-- written, never the vector, and only where they changed.
CREATE FUNCTION rating_totals_search_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE search_documents d SET usefulness = NULL, rating_count = 0
    FROM old_rows o
    WHERE d.kind = o.kind AND d.subject_id = o.subject_id AND (d.usefulness IS NOT NULL OR d.rating_count <> 0);
  ELSE
    UPDATE search_documents d SET usefulness = search_usefulness(n.count, n.sum), rating_count = n.count
    FROM new_rows n
    WHERE d.kind = n.kind AND d.subject_id = n.subject_id
      AND (d.usefulness, d.rating_count) IS DISTINCT FROM (search_usefulness(n.count, n.sum), n.count);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER rating_totals_search_sync_insert AFTER INSERT ON rating_totals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rating_totals_search_sync();
CREATE TRIGGER rating_totals_search_sync_update AFTER UPDATE ON rating_totals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rating_totals_search_sync();
CREATE TRIGGER rating_totals_search_sync_delete AFTER DELETE ON rating_totals
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rating_totals_search_sync();

-- With no foreign key to every kind's table, a kind's delete trigger calls this with its kind:
-- `AFTER DELETE ON <table> REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
--  EXECUTE FUNCTION search_forget('<kind>')` (the table's key must be `id`).
CREATE FUNCTION search_forget() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_documents d USING old_rows o WHERE d.kind = TG_ARGV[0] AND d.subject_id = o.id;
  RETURN NULL;
END
$$;

------------------------------------------------------------------------------------------------
-- Words and languages, for every kind

-- The text search configuration of a content language (every kind is written in these).
ALTER FUNCTION practice_text_config(text) RENAME TO content_text_config;

-- One word of a search, in every language content may be written in (and unstemmed), so that a
-- French query meets an English item through its tags. A word that is a stop word in any of
-- these languages is dropped: an item written in that language cannot contain it.
CREATE FUNCTION search_word(word text) RETURNS tsquery
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
DROP FUNCTION practice_search_word(text);

------------------------------------------------------------------------------------------------
-- Practices as a search kind

-- What a kind's search function returns for each of its searchable items (see `search_refresh`).
CREATE TYPE search_row AS (
  subject_id    integer,
  published_at  timestamptz,
  language      text,
  title_plain   text,
  facets        text[],
  document      tsvector
);

-- Rebuilds the search rows of these items of a kind: what `search_rows_<kind>(ids)` returns (its
-- searchable items among them) is written, only where something changed, with the ratings of
-- `rating_totals`; the kind's other rows among these ids are removed. A kind never writes
-- `search_documents` itself, so ratings and the kind's own columns stay in one place.
CREATE FUNCTION search_refresh(refreshed_kind text, ids integer[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF refreshed_kind !~ '^[a-z][a-z_]{0,40}$' THEN
    RAISE EXCEPTION 'search kind % must be lower-case letters and underscores', refreshed_kind;
  END IF;
  -- One statement: the kind's rows are computed once (vectors are the costly part), the ids it
  -- no longer returns are removed and the rest written. The kind is written in as a literal.
  EXECUTE format($sql$
    WITH fresh AS MATERIALIZED (SELECT * FROM %2$I($1)),
    gone AS (
      DELETE FROM search_documents s
      WHERE s.kind = %1$L AND s.subject_id = ANY ($1)
        AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.subject_id = s.subject_id)
    )
    INSERT INTO search_documents AS s
      (kind, subject_id, published_at, usefulness, rating_count, language, title_plain, facets, document)
    SELECT %1$L, f.subject_id, f.published_at, search_usefulness(coalesce(r.count, 0), coalesce(r.sum, 0)),
           coalesce(r.count, 0), f.language, f.title_plain, f.facets, f.document
    FROM fresh f
    LEFT JOIN rating_totals r ON r.kind = %1$L AND r.subject_id = f.subject_id
    ON CONFLICT (kind, subject_id) DO UPDATE SET
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
           EXCLUDED.title_plain, EXCLUDED.facets, EXCLUDED.document)
  $sql$, refreshed_kind, 'search_rows_' || refreshed_kind) USING ids;
END
$$;

-- The trigger every kind puts on its table (its key must be `id`):
-- `AFTER INSERT OR UPDATE … REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT
--  EXECUTE FUNCTION search_sync('<kind>')`.
CREATE FUNCTION search_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_refresh(TG_ARGV[0], ARRAY(SELECT id FROM changed_rows));
  RETURN NULL;
END
$$;

------------------------------------------------------------------------------------------------
-- Practices as a search kind

-- The search rows of the published practices among these ids.
CREATE FUNCTION search_rows_practice(ids integer[]) RETURNS SETOF search_row
LANGUAGE sql STABLE AS $$
  SELECT
    p.id,
    coalesce(p.published_at, p.updated_at),
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
    -- A: title; B: summary and the labels of its dimensions, pillars, topics and target groups in
    -- every locale; C: organisations and city; D (positions stripped, to stay compact): the long sections.
    setweight(to_tsvector(content_text_config(p.language), p.title), 'A')
      || setweight(to_tsvector(content_text_config(p.language), p.summary), 'B')
      || setweight(
           to_tsvector('bridges_english', coalesce(labels.en, ''))
           || to_tsvector('bridges_french', coalesce(labels.fr, ''))
           || to_tsvector('bridges_spanish', coalesce(labels.es, ''))
           || to_tsvector('bridges_arabic', coalesce(labels.ar, ''))
           || to_tsvector('bridges_simple', coalesce(labels.other, '')), 'B')
      || setweight(to_tsvector('bridges_simple', concat_ws(' ',
           (SELECT string_agg(o.name, ' ') FROM practice_organisations o WHERE o.practice_id = p.id),
           (SELECT c.name FROM cities c WHERE c.id = p.city_id))), 'C')
      || strip(to_tsvector(content_text_config(p.language), concat_ws(' ',
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
$$;

-- Kept under its name: the trigger of 015 on `taxonomy_terms` calls it, and so does the service
-- (through the one-practice form) after it replaces organisations.
CREATE OR REPLACE FUNCTION refresh_practice_search(ids integer[]) RETURNS void
LANGUAGE sql AS $$ SELECT search_refresh('practice', ids) $$;

-- The practices' own triggers become the shared ones.
DROP TRIGGER practices_search_sync_insert ON practices;
DROP TRIGGER practices_search_sync_update ON practices;
DROP FUNCTION practices_search_sync();
CREATE TRIGGER practices_search_sync_insert AFTER INSERT ON practices
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_sync('practice');
CREATE TRIGGER practices_search_sync_update AFTER UPDATE ON practices
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_sync('practice');

-- The foreign key of 015 removed a deleted practice's row; nothing names every kind's table now.
CREATE TRIGGER practices_search_forget AFTER DELETE ON practices
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_forget('practice');

-- The totals live in `rating_totals` now (read above); nothing reads these any more.
ALTER TABLE practices DROP COLUMN rating_count, DROP COLUMN rating_sum;
