-- Controlled vocabularies that practices (and later resources, events, labs) are tagged with.
-- Labels are stored per locale so that admins can edit them and search can match a term in any
-- language. The seeded terms are inserted by 011_taxonomy_terms.sql.

CREATE TABLE taxonomy_terms (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  vocabulary text NOT NULL CHECK (vocabulary IN
               ('dimension', 'pillar', 'topic', 'target_group', 'gcm_objective', 'sdg_target')),
  code       text NOT NULL,
  -- {"en": "Housing", "fr": "Logement", "es": "Vivienda", "ar": "السكن"}
  labels     jsonb NOT NULL CHECK (jsonb_typeof(labels) = 'object' AND labels ? 'en'),
  position   integer NOT NULL DEFAULT 0,
  retired_at timestamptz,
  UNIQUE (vocabulary, code)
);

-- Cities where practices happen, with coordinates for the maps.
CREATE TABLE cities (
  id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug      text NOT NULL UNIQUE,
  name      text NOT NULL,
  country   char(2) NOT NULL,
  latitude  double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180)
);
CREATE INDEX cities_country_idx ON cities (country);
