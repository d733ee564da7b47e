-- Single-use links of every kind in one table: e-mail confirmations and password resets (a
-- user's), "does this practice still run?" requests (a practice's), and whatever later areas
-- send (event and campaign confirmations). Only the SHA-256 of each token is kept, so a copy of
-- the database cannot use a link.

CREATE TABLE single_use_links (
  token_hash   text PRIMARY KEY,
  purpose      text NOT NULL,
  -- What the link acts on: `user` 12, `practice` 5, …
  subject_kind text NOT NULL,
  subject_id   integer NOT NULL,
  -- Where it was sent, when that is not the subject's own address (a practice's contact).
  recipient    text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz
);
CREATE INDEX single_use_links_subject_idx ON single_use_links (subject_kind, subject_id, purpose, created_at DESC);

INSERT INTO single_use_links (token_hash, purpose, subject_kind, subject_id, created_at, expires_at, used_at)
SELECT token_hash, purpose, 'user', user_id, created_at, expires_at, used_at FROM account_tokens;
INSERT INTO single_use_links (token_hash, purpose, subject_kind, subject_id, recipient, created_at, expires_at, used_at)
SELECT token_hash, 'confirm_running', 'practice', practice_id, recipient, sent_at, expires_at, used_at FROM practice_confirmation_requests;
DROP TABLE account_tokens;
DROP TABLE practice_confirmation_requests;

-- A deleted practice or user takes its links with it (no foreign key names every kind's table).
CREATE FUNCTION single_use_links_forget() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM single_use_links l USING old_rows o WHERE l.subject_kind = TG_ARGV[0] AND l.subject_id = o.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER users_single_use_links_forget AFTER DELETE ON users
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION single_use_links_forget('user');
CREATE TRIGGER practices_single_use_links_forget AFTER DELETE ON practices
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION single_use_links_forget('practice');
