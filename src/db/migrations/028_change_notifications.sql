-- Each app process keeps in memory what nearly every request would otherwise read again: the
-- generations of each kind of content (pages and searches are cached against them) and the
-- member behind a session cookie. These notifications tell every process what it must read
-- again (src/db/changes.ts). PostgreSQL sends a notification when its transaction commits, never
-- for a change rolled back, and in commit order.

-- The payload is the kind alone, so that a transaction sends one notification per kind it moved.
CREATE FUNCTION notify_generation_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('bridges_generations', NEW.kind);
  RETURN NULL;
END
$$;

CREATE TRIGGER search_generations_notify
  AFTER INSERT OR UPDATE ON search_generations
  FOR EACH ROW EXECUTE FUNCTION notify_generation_moved();

-- The payload is the member's id: their sessions are read again on their next request.
-- TG_ARGV[0]: the column that holds it.
CREATE FUNCTION notify_account_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
  PERFORM pg_notify('bridges_accounts', changed ->> TG_ARGV[0]);
  RETURN NULL;
END
$$;

-- What a session says of its member: who they are, their role, whether they may still sign in.
CREATE TRIGGER users_notify
  AFTER UPDATE ON users
  FOR EACH ROW
  WHEN (OLD.handle IS DISTINCT FROM NEW.handle OR OLD.email IS DISTINCT FROM NEW.email
        OR OLD.name IS DISTINCT FROM NEW.name OR OLD.role IS DISTINCT FROM NEW.role
        OR OLD.email_verified_at IS DISTINCT FROM NEW.email_verified_at
        OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION notify_account_changed('id');

CREATE TRIGGER users_notify_delete
  AFTER DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION notify_account_changed('id');

-- A session ended (signed out, elsewhere too) or cut short; its last use moving on is no news.
CREATE TRIGGER sessions_notify_delete
  AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION notify_account_changed('user_id');

CREATE TRIGGER sessions_notify_update
  AFTER UPDATE ON sessions
  FOR EACH ROW
  WHEN (OLD.expires_at IS DISTINCT FROM NEW.expires_at OR OLD.created_at IS DISTINCT FROM NEW.created_at
        OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.last_seen_at > NEW.last_seen_at)
  EXECUTE FUNCTION notify_account_changed('user_id');

-- The second factor turned on or off changes what the member's pages show.
CREATE TRIGGER two_factor_notify
  AFTER INSERT OR DELETE ON two_factor
  FOR EACH ROW EXECUTE FUNCTION notify_account_changed('user_id');

CREATE TRIGGER two_factor_notify_update
  AFTER UPDATE ON two_factor
  FOR EACH ROW
  WHEN (OLD.enabled_at IS DISTINCT FROM NEW.enabled_at)
  EXECUTE FUNCTION notify_account_changed('user_id');
