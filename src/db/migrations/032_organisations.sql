-- Organisation pages (src/features/organisations): kept by their managers, joined by members who
-- ask or are invited, and named by practices and resources as their implementer.

CREATE TABLE organisations (
  id serial PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  stakeholder_type text,
  countries text[] NOT NULL DEFAULT '{}',
  website text,
  -- Lower-cased and unaccented name and description, for the directory.
  search_text text NOT NULL DEFAULT '',
  created_by integer REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisations_search ON organisations USING gin (search_text gin_trgm_ops);
CREATE INDEX organisations_countries ON organisations USING gin (countries);

CREATE TABLE organisation_members (
  organisation_id integer NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL DEFAULT 'member' CHECK (role IN ('manager', 'member')),
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'active')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX organisation_members_of_user ON organisation_members (user_id);

-- Items an organisation implemented, named by their author (a member of it) or a manager.
CREATE TABLE organisation_items (
  organisation_id integer NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  kind text NOT NULL,
  subject_id integer NOT NULL,
  added_by integer REFERENCES users (id) ON DELETE SET NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, kind, subject_id)
);
CREATE INDEX organisation_items_subject ON organisation_items (kind, subject_id);

INSERT INTO search_generations (kind, value, content) VALUES ('organisation', 1, 1) ON CONFLICT (kind) DO NOTHING;
CREATE CONSTRAINT TRIGGER organisations_page_generation AFTER INSERT OR UPDATE OR DELETE ON organisations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('organisation');
CREATE CONSTRAINT TRIGGER organisation_members_page_generation AFTER INSERT OR UPDATE OR DELETE ON organisation_members
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('organisation');
CREATE CONSTRAINT TRIGGER organisation_items_page_generation AFTER INSERT OR UPDATE OR DELETE ON organisation_items
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('organisation');
