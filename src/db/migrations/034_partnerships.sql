-- Partnerships (src/features/partnerships): offers and requests members post to find partners,
-- linked to practices, countries and topics, closed by their author once met.

CREATE TABLE partnerships (
  id serial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('offer', 'request')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  countries text[] NOT NULL DEFAULT '{}',
  topics text[] NOT NULL DEFAULT '{}',
  practice_ids integer[] NOT NULL DEFAULT '{}',
  author_id integer REFERENCES users (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  search_text text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz
);
CREATE INDEX partnerships_search ON partnerships USING gin (search_text gin_trgm_ops);
CREATE INDEX partnerships_countries ON partnerships USING gin (countries);
CREATE INDEX partnerships_listing ON partnerships (status, created_at DESC);

INSERT INTO search_generations (kind, value, content) VALUES ('partnership', 1, 1) ON CONFLICT (kind) DO NOTHING;
CREATE CONSTRAINT TRIGGER partnerships_page_generation AFTER INSERT OR UPDATE OR DELETE ON partnerships
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('partnership');
