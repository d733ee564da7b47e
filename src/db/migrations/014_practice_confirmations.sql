-- Once a year the contact of a published practice is asked whether it still runs. Each request
-- is a single-use link; only the SHA-256 of its token is kept, so a copy of the database cannot
-- confirm anything. The newest request per practice also tells the yearly job whom it has
-- asked recently.

CREATE TABLE practice_confirmation_requests (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  practice_id integer NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
  token_hash  text NOT NULL UNIQUE,
  recipient   text NOT NULL,
  sent_at     timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX practice_confirmation_requests_practice_idx ON practice_confirmation_requests (practice_id, sent_at DESC);

-- The yearly job walks published practices by last confirmation; this keeps it off the big table.
CREATE INDEX practices_last_confirmed_idx ON practices (last_confirmed_at, id) WHERE status = 'published';
