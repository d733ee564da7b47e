-- Integration practices: the record, its workflow, its revisions and its search vector.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Accent-insensitive text search configurations, one per content language we stem.
DO $$
DECLARE
  language text;
BEGIN
  FOREACH language IN ARRAY ARRAY['english', 'french', 'spanish', 'arabic', 'portuguese', 'german', 'italian', 'dutch', 'simple']
  LOOP
    EXECUTE format('CREATE TEXT SEARCH CONFIGURATION bridges_%s (COPY = pg_catalog.%s)', language, language);
    EXECUTE format(
      'ALTER TEXT SEARCH CONFIGURATION bridges_%s ALTER MAPPING FOR hword, hword_part, word WITH unaccent, %s',
      language,
      CASE WHEN language = 'simple' THEN 'simple' ELSE language || '_stem' END
    );
  END LOOP;
END
$$;

CREATE TABLE practices (
  id                  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug                text NOT NULL UNIQUE,
  status              text NOT NULL DEFAULT 'draft' CHECK (status IN
                        ('draft', 'submitted', 'in_review', 'changes_requested', 'published', 'declined', 'archived')),
  author_id           integer REFERENCES users (id) ON DELETE SET NULL,
  -- Raised on every write: an edit based on an older version is refused instead of overwriting.
  version             integer NOT NULL DEFAULT 1,

  title               text NOT NULL,
  summary             text NOT NULL DEFAULT '',
  background          text NOT NULL DEFAULT '',
  activities          text NOT NULL DEFAULT '',
  participants        text NOT NULL DEFAULT '',
  people_reached      integer CHECK (people_reached >= 0),
  outcomes            text NOT NULL DEFAULT '',
  evaluation          text NOT NULL DEFAULT '',
  evidence_level      text NOT NULL DEFAULT 'none' CHECK (evidence_level IN
                        ('none', 'self_assessment', 'internal', 'external', 'impact')),
  recommendations     text NOT NULL DEFAULT '',

  scale               text CHECK (scale IN ('local', 'regional', 'national', 'transnational')),
  city_id             integer REFERENCES cities (id),
  countries           char(2)[] NOT NULL DEFAULT '{}',
  -- UN M49 region codes of the countries, kept with the row for facets and filters.
  regions             text[] NOT NULL DEFAULT '{}',
  -- Every taxonomy term the practice is tagged with, for facets and filters.
  term_ids            integer[] NOT NULL DEFAULT '{}',
  start_date          date,
  end_date            date,
  ongoing             boolean NOT NULL DEFAULT false,
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
  funding_source      text NOT NULL DEFAULT '',
  budget_amount       numeric(14, 2) CHECK (budget_amount >= 0),
  budget_currency     char(3),

  contact_name        text,
  contact_email       text,
  contact_public      boolean NOT NULL DEFAULT false,

  -- ISO 639-1 code of the language the practice is written in.
  language            text NOT NULL DEFAULT 'en',
  adapted_from_id     integer REFERENCES practices (id) ON DELETE SET NULL,
  last_confirmed_at   date,
  featured_at         timestamptz,

  search_vector       tsvector,
  rating_count        integer NOT NULL DEFAULT 0,
  rating_sum          integer NOT NULL DEFAULT 0,

  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  submitted_at        timestamptz,
  published_at        timestamptz
);
CREATE INDEX practices_author_idx ON practices (author_id);
CREATE INDEX practices_status_idx ON practices (status, published_at DESC);
CREATE INDEX practices_search_idx ON practices USING gin (search_vector) WHERE status = 'published';
CREATE INDEX practices_title_trgm_idx ON practices USING gin (title gin_trgm_ops);
CREATE INDEX practices_terms_idx ON practices USING gin (term_ids) WHERE status = 'published';
CREATE INDEX practices_countries_idx ON practices USING gin (countries) WHERE status = 'published';
CREATE UNIQUE INDEX practices_one_featured_idx ON practices ((true)) WHERE featured_at IS NOT NULL;

-- Implementing organisations and partners, as named on the record.
CREATE TABLE practice_organisations (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  practice_id      integer NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
  role             text NOT NULL CHECK (role IN ('implementing', 'partner')),
  name             text NOT NULL,
  stakeholder_type text,
  position         integer NOT NULL DEFAULT 0
);
CREATE INDEX practice_organisations_practice_idx ON practice_organisations (practice_id);

CREATE TABLE practice_links (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  practice_id integer NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
  url         text NOT NULL CHECK (url ~ '^https?://'),
  label       text NOT NULL DEFAULT '',
  position    integer NOT NULL DEFAULT 0
);
CREATE INDEX practice_links_practice_idx ON practice_links (practice_id);

CREATE TABLE practice_attachments (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  practice_id  integer NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
  -- Name of the stored file under DATA_DIR/uploads: random, never derived from user input.
  storage_key  text NOT NULL UNIQUE,
  filename     text NOT NULL,
  media_type   text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  byte_size    integer NOT NULL CHECK (byte_size > 0),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX practice_attachments_practice_idx ON practice_attachments (practice_id);

-- Every saved change to a published practice: a full snapshot, so any two can be compared.
CREATE TABLE practice_revisions (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  practice_id integer NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
  version     integer NOT NULL,
  editor_id   integer REFERENCES users (id) ON DELETE SET NULL,
  snapshot    jsonb NOT NULL,
  note        text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, version)
);

-- Editors' decisions, with the rubric they scored.
CREATE TABLE practice_reviews (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  practice_id integer NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
  reviewer_id integer REFERENCES users (id) ON DELETE SET NULL,
  decision    text NOT NULL CHECK (decision IN ('request_changes', 'publish', 'decline')),
  -- [{"criterion": "evidence", "score": 2, "comment": "…"}]
  rubric      jsonb NOT NULL DEFAULT '[]',
  message     text NOT NULL DEFAULT '',
  version     integer NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX practice_reviews_practice_idx ON practice_reviews (practice_id, created_at DESC);

CREATE TABLE practice_ratings (
  practice_id integer NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
  user_id     integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  score       smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (practice_id, user_id)
);

CREATE TABLE practice_comments (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  practice_id integer NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
  author_id   integer REFERENCES users (id) ON DELETE SET NULL,
  body        text NOT NULL,
  removed_at  timestamptz,
  removed_by  integer REFERENCES users (id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX practice_comments_practice_idx ON practice_comments (practice_id, created_at);

CREATE TABLE content_flags (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject     text NOT NULL,
  reporter_id integer REFERENCES users (id) ON DELETE SET NULL,
  reason      text NOT NULL,
  resolved_at timestamptz,
  resolved_by integer REFERENCES users (id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX content_flags_open_idx ON content_flags (created_at) WHERE resolved_at IS NULL;

-- Searches that found nothing: editors see the most frequent ones as gaps to fill.
CREATE TABLE search_misses (
  query      text NOT NULL,
  locale     text NOT NULL,
  misses     integer NOT NULL DEFAULT 1,
  last_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (query, locale)
);
