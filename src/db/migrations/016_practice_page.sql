-- The practice page: notes on flags, one open flag per reporter, and the "adapted in" lookup.

-- What the reporter adds to the reason they chose, for the editors who moderate flags.
ALTER TABLE content_flags ADD COLUMN note text NOT NULL DEFAULT '';

-- Reporting the same thing twice tells the editors nothing new.
CREATE UNIQUE INDEX content_flags_open_once_idx ON content_flags (subject, reporter_id) WHERE resolved_at IS NULL;

-- "Adapted in" on every practice page: the practices that name this one as their origin.
CREATE INDEX practices_adapted_from_idx ON practices (adapted_from_id) WHERE adapted_from_id IS NOT NULL;
