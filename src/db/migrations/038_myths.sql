-- Myths and facts (src/features/myths): a claim as people say it, the short fact that answers it,
-- the explanation and the evidence, which members propose and editors publish through the shared
-- review queue; searched, rated and discussed through the machinery every kind shares.

CREATE TABLE myths (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug          text NOT NULL UNIQUE,
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN
                  ('draft', 'submitted', 'in_review', 'changes_requested', 'published', 'declined', 'archived')),
  author_id     integer REFERENCES users (id) ON DELETE SET NULL,
  -- Raised on every write: an edit or decision based on an older version is refused.
  version       integer NOT NULL DEFAULT 1,
  -- The claim as people say it: the item's title everywhere (queues, links, feeds).
  title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  -- The short fact that answers it.
  fact          text NOT NULL CHECK (length(fact) BETWEEN 1 AND 500),
  -- Markdown, rendered and sanitised on display.
  explanation   text NOT NULL DEFAULT '',
  language      text NOT NULL DEFAULT 'en',
  -- The myth this one translates: translations of one myth share the original's id as their
  -- family (`coalesce(translation_of, id)`), so a translation of a translation joins the same family.
  translation_of integer REFERENCES myths (id) ON DELETE SET NULL,
  term_ids      integer[] NOT NULL DEFAULT '{}',
  audiences     text[] NOT NULL DEFAULT '{}',
  countries     char(2)[] NOT NULL DEFAULT '{}',
  decision_message text NOT NULL DEFAULT '',
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  submitted_at  timestamptz,
  published_at  timestamptz
);
CREATE INDEX myths_author_idx ON myths (author_id);
CREATE INDEX myths_family_idx ON myths ((coalesce(translation_of, id)));
CREATE INDEX myths_status_idx ON myths (status, published_at DESC, id DESC);

-- The evidence: each source with its title, publisher, year and link, checked by the link checker.
CREATE TABLE myth_sources (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  myth_id         integer NOT NULL REFERENCES myths (id) ON DELETE CASCADE,
  position        integer NOT NULL,
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  publisher       text NOT NULL DEFAULT '',
  year            integer CHECK (year BETWEEN 1900 AND 2100),
  url             text NOT NULL CHECK (url ~ '^https?://'),
  link_status     integer,
  link_error      text,
  link_checked_at timestamptz,
  UNIQUE (myth_id, position)
);
CREATE INDEX myth_sources_check_idx ON myth_sources (link_checked_at NULLS FIRST);

-- Search rows of published myths: A the claim; B the fact and the tag labels in every locale (what
-- lets a query in one language find a myth written in another); C the sources; D the explanation.
CREATE FUNCTION search_rows_myth(ids integer[]) RETURNS SETOF search_row
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT
    m.id,
    coalesce(m.published_at, m.updated_at),
    m.language,
    lower(unaccent(m.title)),
    ARRAY['language:' || m.language]
      || ARRAY(SELECT 'country:' || c FROM unnest(m.countries) AS c)
      || ARRAY(SELECT 'audience:' || a FROM unnest(m.audiences) AS a)
      || ARRAY(SELECT t.vocabulary || ':' || t.code FROM taxonomy_terms t WHERE t.id = ANY (m.term_ids) ORDER BY t.id),
    setweight(to_tsvector(content_text_config(m.language), m.title), 'A')
      || setweight(to_tsvector(content_text_config(m.language), m.fact), 'B')
      || setweight(term_labels_vector(m.term_ids), 'B')
      || setweight(to_tsvector('bridges_simple', coalesce((SELECT string_agg(s.title || ' ' || s.publisher, ' ') FROM myth_sources s WHERE s.myth_id = m.id), '')), 'C')
      || strip(to_tsvector(content_text_config(m.language), m.explanation))
  FROM myths m
  WHERE m.id = ANY (ids) AND m.status = 'published'
$$;

CREATE TRIGGER myths_search_sync_insert AFTER INSERT ON myths
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_sync('myth');
CREATE TRIGGER myths_search_sync_update AFTER UPDATE ON myths
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_sync('myth');
CREATE TRIGGER myths_search_forget AFTER DELETE ON myths
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_forget('myth');
CREATE TRIGGER myths_engagement_cleanup AFTER DELETE ON myths
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION content_engagement_cleanup('myth');
SELECT search_register_kind('myth');

-- A relabelled term changes the vectors of every myth tagged with it.
CREATE FUNCTION taxonomy_terms_myth_search_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_refresh('myth', ARRAY(
    SELECT m.id FROM myths m
    WHERE m.status = 'published' AND m.term_ids && ARRAY(SELECT id FROM changed_rows)));
  RETURN NULL;
END
$$;
CREATE TRIGGER taxonomy_terms_myth_search_sync AFTER UPDATE ON taxonomy_terms
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION taxonomy_terms_myth_search_sync();
