-- Two-factor sign-in (TOTP), recovery codes, pending second steps of sign-in and the devices
-- each account has signed in from.

CREATE TABLE two_factor (
  user_id         integer PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  -- AES-256-GCM with a key derived from SESSION_SECRET: a copy of the database alone does not
  -- let anyone compute codes.
  secret_sealed   text NOT NULL,
  -- NULL while the member is still setting it up: the secret is shown until a code confirms it.
  enabled_at      timestamptz,
  -- The 30-second step of the last code accepted: a code is refused once its step has been used,
  -- so a code seen over someone's shoulder cannot be replayed within its window.
  last_used_step  bigint,
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE two_factor_recovery_codes (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id    integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- SHA-256: the codes carry 50 random bits each, so a fast hash is enough.
  code_hash  text NOT NULL,
  used_at    timestamptz,
  UNIQUE (user_id, code_hash)
);

-- Between the password and the code: the cookie holds a random token, this table its hash.
CREATE TABLE sign_in_challenges (
  token_hash      text PRIMARY KEY,
  user_id         integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  failed_attempts integer NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL
);
CREATE INDEX sign_in_challenges_user_id_idx ON sign_in_challenges (user_id);

-- "A new device" is a user agent and address this account has not signed in from: only a hash
-- of the pair is kept, so the table holds no address.
CREATE TABLE known_devices (
  user_id       integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device_hash   text NOT NULL,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, device_hash)
);
