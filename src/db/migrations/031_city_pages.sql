-- City pages kept by their cities (src/features/worldwide): a member of a local government asks
-- to keep a city's page, an editor approves or declines, and keepers write the city's profile.

CREATE TABLE city_keepers (
  city_id integer NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'declined')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by integer REFERENCES users (id) ON DELETE SET NULL,
  decided_at timestamptz,
  PRIMARY KEY (city_id, user_id)
);
CREATE INDEX city_keepers_waiting ON city_keepers (requested_at) WHERE status = 'requested';

CREATE TABLE city_profiles (
  city_id integer PRIMARY KEY REFERENCES cities (id) ON DELETE CASCADE,
  integration_office text NOT NULL DEFAULT '',
  contact text NOT NULL DEFAULT '',
  approach text NOT NULL DEFAULT '',
  links text[] NOT NULL DEFAULT '{}',
  updated_by integer REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- City pages show the profile: it moves the generation of cities (024's 'taxonomy').
CREATE CONSTRAINT TRIGGER city_profiles_page_generation AFTER INSERT OR UPDATE OR DELETE ON city_profiles
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('taxonomy');
