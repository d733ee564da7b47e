-- Generations for rendered pages (src/platform/page-cache.ts): the `value` counter of
-- `search_generations` (017) moves on with a change to what a public page of the kind shows, not
-- only with its search row. An edit of a published practice that leaves its search row as it was
-- (a contact, a link, a file) must still change the practice's page at once.
--
-- Other content that public pages show gets a generation row of its own, moved on the same way:
--   engagement  comments on any kind (ratings already move the kind's own generation, 017)
--   account     the names and handles shown beside content and comments
--   taxonomy    term labels and cities
--
-- Like `search_generations_bump`, each kind's counter moves once per transaction, at its very end
-- (a deferred trigger), and the first bump of a transaction locks every kind's row in kind order.

INSERT INTO search_generations (kind, value, content) VALUES
  ('engagement', 1, 1), ('account', 1, 1), ('taxonomy', 1, 1)
ON CONFLICT (kind) DO NOTHING;

-- TG_ARGV[0]: the kind whose generation moves, or '' to take it from the row's own `kind` column.
CREATE FUNCTION page_generation_touch() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  row_kind text := TG_ARGV[0];
  flag text;
BEGIN
  -- Its own statement: `NEW.kind` is resolved only where it runs, on tables that have the column.
  IF row_kind = '' THEN row_kind := coalesce(NEW.kind, OLD.kind); END IF;
  -- Shared with search_generations_bump: '' (nothing yet), 'value' or 'content'.
  flag := 'bridges.search_bumped_' || row_kind;
  IF coalesce(current_setting(flag, true), '') <> '' THEN RETURN NULL; END IF;
  IF coalesce(current_setting('bridges.search_generations_locked', true), '') <> 'yes' THEN
    PERFORM 1 FROM search_generations ORDER BY kind FOR UPDATE;
    PERFORM set_config('bridges.search_generations_locked', 'yes', true);
  END IF;
  INSERT INTO search_generations AS g (kind, value, content) VALUES (row_kind, 2, 1)
  ON CONFLICT (kind) DO UPDATE SET value = g.value + 1;
  -- A later change to the kind's search rows in this transaction still moves `content` on.
  PERFORM set_config(flag, 'value', true);
  RETURN NULL;
END
$$;

-- Drafts are seen only by signed-in members, whose pages are never cached: editing one leaves the
-- caches of public pages (and of searches) alone.
CREATE CONSTRAINT TRIGGER practices_page_generation_insert AFTER INSERT ON practices
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.status = 'published')
  EXECUTE FUNCTION page_generation_touch('practice');
CREATE CONSTRAINT TRIGGER practices_page_generation_update AFTER UPDATE ON practices
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status = 'published' OR NEW.status = 'published')
  EXECUTE FUNCTION page_generation_touch('practice');
CREATE CONSTRAINT TRIGGER practices_page_generation_delete AFTER DELETE ON practices
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status = 'published')
  EXECUTE FUNCTION page_generation_touch('practice');

CREATE CONSTRAINT TRIGGER resources_page_generation_insert AFTER INSERT ON resources
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.status = 'published')
  EXECUTE FUNCTION page_generation_touch('resource');
CREATE CONSTRAINT TRIGGER resources_page_generation_update AFTER UPDATE ON resources
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status = 'published' OR NEW.status = 'published')
  EXECUTE FUNCTION page_generation_touch('resource');
CREATE CONSTRAINT TRIGGER resources_page_generation_delete AFTER DELETE ON resources
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status = 'published')
  EXECUTE FUNCTION page_generation_touch('resource');

-- What a resource page lists as its related practices.
CREATE CONSTRAINT TRIGGER resource_practices_page_generation AFTER INSERT OR UPDATE OR DELETE ON resource_practices
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('resource');

-- Files of any kind: the item's kind.
CREATE CONSTRAINT TRIGGER attachments_page_generation AFTER INSERT OR UPDATE OR DELETE ON attachments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('');

CREATE CONSTRAINT TRIGGER comments_page_generation AFTER INSERT OR UPDATE OR DELETE ON comments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('engagement');

-- Only what pages show of an account; sign-ins and settings leave it alone.
CREATE CONSTRAINT TRIGGER users_page_generation AFTER UPDATE ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.handle IS DISTINCT FROM NEW.handle
        OR OLD.organisation IS DISTINCT FROM NEW.organisation OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION page_generation_touch('account');

CREATE CONSTRAINT TRIGGER taxonomy_terms_page_generation AFTER INSERT OR UPDATE OR DELETE ON taxonomy_terms
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('taxonomy');
CREATE CONSTRAINT TRIGGER cities_page_generation AFTER INSERT OR UPDATE OR DELETE ON cities
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('taxonomy');
