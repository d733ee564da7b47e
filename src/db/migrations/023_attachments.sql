-- Files attached to any kind of content (practices, resources, …), keyed by (kind, subject_id)
-- like comments and ratings, so a new kind gets attachments without a table of its own.

CREATE TABLE attachments (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind         text NOT NULL,
  subject_id   integer NOT NULL,
  -- Name of the stored file under DATA_DIR/uploads: random, never derived from user input.
  storage_key  text NOT NULL UNIQUE,
  filename     text NOT NULL,
  media_type   text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  byte_size    integer NOT NULL CHECK (byte_size > 0),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_subject_idx ON attachments (kind, subject_id, id);

-- Ids are kept, so links to /attachments/{id} made before the move still reach the same file.
INSERT INTO attachments (id, kind, subject_id, storage_key, filename, media_type, byte_size, created_at)
  OVERRIDING SYSTEM VALUE
  SELECT id, 'practice', practice_id, storage_key, filename, media_type, byte_size, created_at
  FROM practice_attachments;
SELECT setval(pg_get_serial_sequence('attachments', 'id'), coalesce((SELECT max(id) FROM attachments), 0) + 1, false);
DROP TABLE practice_attachments;

-- The rows of a deleted item go with it, as practice_attachments' foreign key did.
CREATE FUNCTION content_attachments_cleanup() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM attachments a USING old_rows o WHERE a.kind = TG_ARGV[0] AND a.subject_id = o.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER practices_attachments_cleanup AFTER DELETE ON practices
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION content_attachments_cleanup('practice');
CREATE TRIGGER resources_attachments_cleanup AFTER DELETE ON resources
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION content_attachments_cleanup('resource');
