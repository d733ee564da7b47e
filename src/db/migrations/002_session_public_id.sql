-- The account page lists a member's sessions and lets them end one. Forms need a name for each
-- session, and neither the cookie value nor its hash (the lookup key) may ever reach a page:
-- a separate random id, useless for signing in, does.
ALTER TABLE sessions ADD COLUMN public_id text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '');
ALTER TABLE sessions ADD CONSTRAINT sessions_public_id_key UNIQUE (public_id);
