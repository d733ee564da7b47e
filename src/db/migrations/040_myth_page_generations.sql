-- Myth pages show what their search rows do not (a source's link, and whether it failed its last
-- check): a change to a published myth or to any myth's sources moves the myths' generation, so
-- kept pages are rendered again, as resources' do (024).
CREATE CONSTRAINT TRIGGER myths_page_generation_insert AFTER INSERT ON myths
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.status = 'published')
  EXECUTE FUNCTION page_generation_touch('myth');
CREATE CONSTRAINT TRIGGER myths_page_generation_update AFTER UPDATE ON myths
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status = 'published' OR NEW.status = 'published')
  EXECUTE FUNCTION page_generation_touch('myth');
CREATE CONSTRAINT TRIGGER myths_page_generation_delete AFTER DELETE ON myths
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status = 'published')
  EXECUTE FUNCTION page_generation_touch('myth');
CREATE CONSTRAINT TRIGGER myth_sources_page_generation AFTER INSERT OR UPDATE OR DELETE ON myth_sources
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('myth');
