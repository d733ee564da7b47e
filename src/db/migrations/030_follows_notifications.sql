-- Follows, notifications and digests (src/features/follows).
--
-- A change that someone may want to hear of is written as a small `content_events` row by a
-- trigger, in the transaction that makes it, whichever path made it (an editor's decision, an
-- approved edit, an import): nothing can publish without the event. A job then fans each event
-- out to the members who follow what it is about, off the request that made it, and marks it
-- processed; `notifications` holds one row per member and event, so a retried fan-out adds none.

CREATE TABLE follows (
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  target_kind text NOT NULL CHECK (target_kind IN ('topic', 'country', 'city', 'organisation', 'member', 'practice', 'resource')),
  target_key text NOT NULL CHECK (length(target_key) BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, target_kind, target_key)
);
-- Fan-out reads followers by what they follow.
CREATE INDEX follows_target ON follows (target_kind, target_key);

CREATE TABLE content_events (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  subject_id integer NOT NULL,
  event text NOT NULL CHECK (event IN ('published', 'updated', 'decision', 'comment')),
  actor_id integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  processed_at timestamptz
);
CREATE INDEX content_events_waiting ON content_events (id) WHERE processed_at IS NULL;

CREATE TABLE notifications (
  id bigserial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  content_event_id bigint REFERENCES content_events (id) ON DELETE CASCADE,
  event text NOT NULL CHECK (event IN ('published', 'updated', 'decision', 'reply', 'message')),
  subject_kind text NOT NULL,
  subject_id integer NOT NULL,
  -- What brought it to the member: the follow (`country`/`FR`), or NULL when it is about them.
  about_kind text,
  about_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  -- 'pending' waits for the member's digest, 'sent' went in one; 'none' is not for a digest.
  digest text NOT NULL DEFAULT 'none' CHECK (digest IN ('none', 'pending', 'sent')),
  UNIQUE (user_id, content_event_id)
);
CREATE INDEX notifications_of_member ON notifications (user_id, id DESC);
-- A digest run reads only members with something pending: its work grows with them, not with all members.
CREATE INDEX notifications_digest_pending ON notifications (user_id) WHERE digest = 'pending';

ALTER TABLE users
  ADD COLUMN digest_frequency text NOT NULL DEFAULT 'off' CHECK (digest_frequency IN ('off', 'daily', 'weekly')),
  ADD COLUMN notice_mails boolean NOT NULL DEFAULT true,
  -- Moved by the triggers below: a session carries both, so that pages kept per member show the
  -- right follow buttons and unread count (src/platform/page-cache.ts keys members' parts on them).
  ADD COLUMN unread_notifications integer NOT NULL DEFAULT 0,
  ADD COLUMN follows_version integer NOT NULL DEFAULT 0;

CREATE FUNCTION follows_count_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users SET follows_version = follows_version + 1 WHERE id = coalesce(NEW.user_id, OLD.user_id);
  RETURN NULL;
END
$$;
CREATE TRIGGER follows_version AFTER INSERT OR DELETE ON follows
  FOR EACH ROW EXECUTE FUNCTION follows_count_version();

CREATE FUNCTION notifications_count_unread() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.read_at IS NULL THEN
    UPDATE users SET unread_notifications = unread_notifications + 1 WHERE id = NEW.user_id;
  ELSIF TG_OP = 'UPDATE' AND OLD.read_at IS NULL AND NEW.read_at IS NOT NULL THEN
    UPDATE users SET unread_notifications = greatest(unread_notifications - 1, 0) WHERE id = NEW.user_id;
  ELSIF TG_OP = 'DELETE' AND OLD.read_at IS NULL THEN
    UPDATE users SET unread_notifications = greatest(unread_notifications - 1, 0) WHERE id = OLD.user_id;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER notifications_unread AFTER INSERT OR UPDATE OF read_at OR DELETE ON notifications
  FOR EACH ROW EXECUTE FUNCTION notifications_count_unread();

-- TG_ARGV[0]: the kind of content.
CREATE FUNCTION content_event_of_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'published' AND (TG_OP = 'INSERT' OR OLD.status <> 'published') THEN
    INSERT INTO content_events (kind, subject_id, event, actor_id) VALUES (TG_ARGV[0], NEW.id, 'published', NEW.author_id);
  ELSIF TG_OP = 'UPDATE' AND OLD.status = 'published' AND NEW.status = 'published' AND NEW.version <> OLD.version THEN
    INSERT INTO content_events (kind, subject_id, event, actor_id) VALUES (TG_ARGV[0], NEW.id, 'updated', NEW.author_id);
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status IN ('submitted', 'in_review') AND NEW.status IN ('published', 'declined', 'changes_requested') THEN
    INSERT INTO content_events (kind, subject_id, event, actor_id) VALUES (TG_ARGV[0], NEW.id, 'decision', NULL);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER practices_content_event AFTER INSERT OR UPDATE OF status, version ON practices
  FOR EACH ROW EXECUTE FUNCTION content_event_of_change('practice');
CREATE TRIGGER resources_content_event AFTER INSERT OR UPDATE OF status, version ON resources
  FOR EACH ROW EXECUTE FUNCTION content_event_of_change('resource');

CREATE FUNCTION content_event_of_comment() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO content_events (kind, subject_id, event, actor_id) VALUES ('comment', NEW.id, 'comment', NEW.author_id);
  RETURN NULL;
END
$$;
CREATE TRIGGER comments_content_event AFTER INSERT ON comments
  FOR EACH ROW EXECUTE FUNCTION content_event_of_comment();

-- What a session shows of its member (028), now also their time zone and language (029), unread
-- count and follows: a change must reach every process at once.
DROP TRIGGER users_notify ON users;
CREATE TRIGGER users_notify
  AFTER UPDATE ON users
  FOR EACH ROW
  WHEN (OLD.handle IS DISTINCT FROM NEW.handle OR OLD.email IS DISTINCT FROM NEW.email
        OR OLD.name IS DISTINCT FROM NEW.name OR OLD.role IS DISTINCT FROM NEW.role
        OR OLD.email_verified_at IS DISTINCT FROM NEW.email_verified_at
        OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at
        OR OLD.time_zone IS DISTINCT FROM NEW.time_zone OR OLD.locale IS DISTINCT FROM NEW.locale
        OR OLD.unread_notifications IS DISTINCT FROM NEW.unread_notifications
        OR OLD.follows_version IS DISTINCT FROM NEW.follows_version)
  EXECUTE FUNCTION notify_account_changed('id');

-- Mail headers such as List-Unsubscribe (RFC 8058), kept with the mail so every attempt sends them.
ALTER TABLE outbox ADD COLUMN headers jsonb NOT NULL DEFAULT '{}';
