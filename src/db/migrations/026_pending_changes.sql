-- Edits to published content that wait for an editor, and the items whose authors may publish
-- small corrections directly. Both are keyed by (kind, subject_id), like revisions, so every
-- reviewed kind uses the same tables.

-- At most one pending change per item: a second edit by its author updates it. `snapshot` is the
-- whole edited record, as the kind's form would save it; the published row stays as it was until
-- an editor approves. `version` moves on with every write, so that an edit and a decision made
-- at the same moment cannot overwrite each other.
CREATE TABLE pending_changes (
  kind          text NOT NULL,
  subject_id    integer NOT NULL,
  author_id     integer REFERENCES users (id) ON DELETE SET NULL,
  -- The published version the change was made on; approving a change made on an older one is refused.
  base_version  integer NOT NULL,
  snapshot      jsonb NOT NULL,
  note          text NOT NULL DEFAULT '',
  -- 'returned': an editor sent it back with `editor_note`, and it is the author's to edit again.
  state         text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'returned')),
  editor_note   text NOT NULL DEFAULT '',
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, subject_id)
);
CREATE INDEX pending_changes_state_idx ON pending_changes (state, updated_at);
CREATE INDEX pending_changes_author_idx ON pending_changes (author_id);

-- Items whose authors an editor allowed to publish small corrections without review.
CREATE TABLE small_corrections (
  kind        text NOT NULL,
  subject_id  integer NOT NULL,
  allowed_by  integer REFERENCES users (id) ON DELETE SET NULL,
  allowed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, subject_id)
);

-- The rows of a deleted item go with it, as its revisions and attachments do.
CREATE FUNCTION content_pending_cleanup() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM pending_changes p USING old_rows o WHERE p.kind = TG_ARGV[0] AND p.subject_id = o.id;
  DELETE FROM small_corrections s USING old_rows o WHERE s.kind = TG_ARGV[0] AND s.subject_id = o.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER practices_pending_cleanup AFTER DELETE ON practices
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION content_pending_cleanup('practice');
CREATE TRIGGER resources_pending_cleanup AFTER DELETE ON resources
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION content_pending_cleanup('resource');
