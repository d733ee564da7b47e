-- Public profiles, the community directory and members' own settings.
--
-- Nothing a member writes on their profile is public until they say so: `public_fields` names the
-- fields they chose to show (organisation, stakeholder_type, job_title, country, city, expertise,
-- languages, bio, website) and `listed` puts them in the directory. The email address is never
-- among them. `directory_text` and `directory_facets` hold only what is public (written by the
-- community service), so that the directory can never match or filter on a private field.

ALTER TABLE users
  ADD COLUMN job_title text,
  ADD COLUMN city_id integer REFERENCES cities (id) ON DELETE SET NULL,
  ADD COLUMN expertise_ids integer[] NOT NULL DEFAULT '{}',
  ADD COLUMN languages_spoken text[] NOT NULL DEFAULT '{}',
  ADD COLUMN website text,
  ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC',
  ADD COLUMN public_fields text[] NOT NULL DEFAULT '{}',
  ADD COLUMN listed boolean NOT NULL DEFAULT false,
  ADD COLUMN directory_text text,
  ADD COLUMN directory_facets text[] NOT NULL DEFAULT '{}';

-- The directory reads only listed, living members: its indexes hold nobody else.
CREATE INDEX users_directory_text ON users USING gin (directory_text gin_trgm_ops) WHERE listed AND deleted_at IS NULL;
CREATE INDEX users_directory_facets ON users USING gin (directory_facets) WHERE listed AND deleted_at IS NULL;
CREATE INDEX users_directory_order ON users (lower(name), id) WHERE listed AND deleted_at IS NULL;

-- Public profiles and the directory: their own page generation.
INSERT INTO search_generations (kind, value, content) VALUES ('member', 1, 1) ON CONFLICT (kind) DO NOTHING;

CREATE CONSTRAINT TRIGGER users_member_page_generation AFTER UPDATE ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.handle IS DISTINCT FROM NEW.handle
        OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at OR OLD.listed IS DISTINCT FROM NEW.listed
        OR OLD.public_fields IS DISTINCT FROM NEW.public_fields
        OR OLD.organisation IS DISTINCT FROM NEW.organisation OR OLD.stakeholder_type IS DISTINCT FROM NEW.stakeholder_type
        OR OLD.job_title IS DISTINCT FROM NEW.job_title OR OLD.country IS DISTINCT FROM NEW.country
        OR OLD.city_id IS DISTINCT FROM NEW.city_id OR OLD.expertise_ids IS DISTINCT FROM NEW.expertise_ids
        OR OLD.languages_spoken IS DISTINCT FROM NEW.languages_spoken OR OLD.bio IS DISTINCT FROM NEW.bio
        OR OLD.website IS DISTINCT FROM NEW.website)
  EXECUTE FUNCTION page_generation_touch('member');
