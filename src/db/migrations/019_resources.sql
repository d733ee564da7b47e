-- The resources library: news, research, reports, tools, guidelines, handbooks, training and
-- media that members submit and editors publish, searched, rated and discussed through the
-- machinery every kind shares (search_documents, engagement, revisions, the review queue).

CREATE TABLE resources (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug          text NOT NULL UNIQUE,
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN
                  ('draft', 'submitted', 'in_review', 'changes_requested', 'published', 'declined', 'archived')),
  author_id     integer REFERENCES users (id) ON DELETE SET NULL,
  -- Raised on every write: an edit or decision based on an older version is refused.
  version       integer NOT NULL DEFAULT 1,
  type          text NOT NULL CHECK (type IN ('news', 'research', 'report', 'tool', 'guideline', 'handbook', 'training', 'media')),
  title         text NOT NULL,
  summary       text NOT NULL DEFAULT '',
  -- Markdown, rendered and sanitised on display; never stored as HTML.
  body          text NOT NULL DEFAULT '',
  url           text CHECK (url ~ '^https?://'),
  publisher     text NOT NULL DEFAULT '',
  year          integer CHECK (year BETWEEN 1900 AND 2100),
  language      text NOT NULL DEFAULT 'en',
  countries     char(2)[] NOT NULL DEFAULT '{}',
  term_ids      integer[] NOT NULL DEFAULT '{}',
  -- The editors' last message to the author with a decision (what to change, or why declined).
  decision_message text NOT NULL DEFAULT '',
  -- What the link checker last found (see the resources' link-check job).
  link_status   integer,
  link_error    text,
  link_checked_at timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  submitted_at  timestamptz,
  published_at  timestamptz
);
CREATE INDEX resources_author_idx ON resources (author_id);
CREATE INDEX resources_status_idx ON resources (status, published_at DESC, id DESC);
CREATE INDEX resources_link_idx ON resources (link_checked_at NULLS FIRST) WHERE status = 'published' AND url IS NOT NULL;

-- Practices a resource relates to ("the evaluation of this practice", "the handbook it follows").
CREATE TABLE resource_practices (
  resource_id integer NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
  practice_id integer NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
  position    integer NOT NULL DEFAULT 0,
  PRIMARY KEY (resource_id, practice_id)
);
CREATE INDEX resource_practices_practice_idx ON resource_practices (practice_id);

-- The labels of taxonomy terms in each locale, stemmed in that locale's language, as one vector:
-- what lets a query in one language find content in another through its tags.
CREATE FUNCTION term_labels_vector(term_ids integer[]) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT to_tsvector('bridges_english', coalesce(string_agg(label.value, ' ') FILTER (WHERE label.key = 'en'), ''))
      || to_tsvector('bridges_french', coalesce(string_agg(label.value, ' ') FILTER (WHERE label.key = 'fr'), ''))
      || to_tsvector('bridges_spanish', coalesce(string_agg(label.value, ' ') FILTER (WHERE label.key = 'es'), ''))
      || to_tsvector('bridges_arabic', coalesce(string_agg(label.value, ' ') FILTER (WHERE label.key = 'ar'), ''))
      || to_tsvector('bridges_simple', coalesce(string_agg(label.value, ' ') FILTER (WHERE label.key NOT IN ('en', 'fr', 'es', 'ar')), ''))
  FROM taxonomy_terms t, jsonb_each_text(t.labels) AS label
  WHERE t.id = ANY (term_ids) AND t.vocabulary NOT IN ('gcm_objective', 'sdg_target')
$$;

-- Search rows of published resources: A title; B summary and tag labels in every locale;
-- C publisher; D (without positions) the body.
CREATE FUNCTION search_rows_resource(ids integer[]) RETURNS SETOF search_row
LANGUAGE sql STABLE AS $$
  SELECT
    r.id,
    coalesce(r.published_at, r.updated_at),
    r.language,
    lower(unaccent(r.title)),
    ARRAY['type:' || r.type, 'language:' || r.language]
      || ARRAY(SELECT 'country:' || c FROM unnest(r.countries) AS c)
      || ARRAY(SELECT t.vocabulary || ':' || t.code FROM taxonomy_terms t WHERE t.id = ANY (r.term_ids) ORDER BY t.id)
      || CASE WHEN r.year IS NULL THEN '{}'::text[] ELSE ARRAY['year:' || r.year] END,
    setweight(to_tsvector(content_text_config(r.language), r.title), 'A')
      || setweight(to_tsvector(content_text_config(r.language), r.summary), 'B')
      || setweight(term_labels_vector(r.term_ids), 'B')
      || setweight(to_tsvector('bridges_simple', r.publisher), 'C')
      || strip(to_tsvector(content_text_config(r.language), r.body))
  FROM resources r
  WHERE r.id = ANY (ids) AND r.status = 'published'
$$;

CREATE TRIGGER resources_search_sync_insert AFTER INSERT ON resources
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_sync('resource');
CREATE TRIGGER resources_search_sync_update AFTER UPDATE ON resources
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_sync('resource');
CREATE TRIGGER resources_search_forget AFTER DELETE ON resources
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_forget('resource');
CREATE TRIGGER resources_engagement_cleanup AFTER DELETE ON resources
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION content_engagement_cleanup('resource');
SELECT search_register_kind('resource');

-- A relabelled term changes the vectors of every resource tagged with it.
CREATE FUNCTION taxonomy_terms_resource_search_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_refresh('resource', ARRAY(
    SELECT r.id FROM resources r
    WHERE r.status = 'published' AND r.term_ids && ARRAY(SELECT id FROM changed_rows)));
  RETURN NULL;
END
$$;
CREATE TRIGGER taxonomy_terms_resource_search_sync AFTER UPDATE ON taxonomy_terms
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION taxonomy_terms_resource_search_sync();
