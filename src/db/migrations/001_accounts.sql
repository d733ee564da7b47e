-- Accounts, server-side sessions, single-use tokens, the mail outbox, rate-limit counters and
-- the audit log: everything the platform foundation needs.

CREATE TABLE users (
  id                integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  handle            text NOT NULL UNIQUE,
  -- NULL once the account is deleted: the row stays so that content keeps an author.
  email             text,
  name              text,
  password_hash     text,
  organisation      text,
  stakeholder_type  text,
  country           char(2),
  bio               text,
  role              text NOT NULL DEFAULT 'member'
                    CHECK (role IN ('member', 'editor', 'chair', 'lab_coordinator', 'admin')),
  locale            text NOT NULL DEFAULT 'en',
  email_verified_at timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  deleted_at        timestamptz
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email)) WHERE email IS NOT NULL;

CREATE TABLE sessions (
  -- SHA-256 of the cookie value: a leaked table does not hand out live sessions.
  id_hash      text PRIMARY KEY,
  user_id      integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  user_agent   text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);

CREATE TABLE account_tokens (
  token_hash text PRIMARY KEY,
  user_id    integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose    text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);
CREATE INDEX account_tokens_user_id_idx ON account_tokens (user_id, purpose);

CREATE TABLE outbox (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recipient  text NOT NULL,
  subject    text NOT NULL,
  body       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_recipient_idx ON outbox (lower(recipient), id);

CREATE TABLE rate_limits (
  key      text PRIMARY KEY,
  hits     integer NOT NULL,
  reset_at timestamptz NOT NULL
);

CREATE TABLE audit_log (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  actor_id   integer REFERENCES users (id) ON DELETE SET NULL,
  action     text NOT NULL,
  subject    text NOT NULL,
  details    jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_created_at_idx ON audit_log (created_at DESC);
