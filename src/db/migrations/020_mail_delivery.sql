-- Every mail is recorded here when it is written, then delivered by the job queue: over SMTP
-- when a server is configured, otherwise kept here for administrators to read. The row is what
-- makes delivery idempotent: a worker sends only a mail still 'queued', and marks it 'sent' in
-- the transaction that holds the row, so a retry after a successful send sends nothing.
ALTER TABLE outbox
  ADD COLUMN status text NOT NULL DEFAULT 'sent' CHECK (status IN ('queued', 'sent', 'failed')),
  ADD COLUMN attempts integer NOT NULL DEFAULT 0,
  ADD COLUMN last_error text,
  ADD COLUMN sent_at timestamptz,
  ADD COLUMN transport text CHECK (transport IN ('smtp', 'outbox')),
  ADD COLUMN message_id text UNIQUE;

-- Mail written before the queue existed was kept in the outbox, never sent.
UPDATE outbox SET attempts = 1, sent_at = created_at, transport = 'outbox';

ALTER TABLE outbox ALTER COLUMN status SET DEFAULT 'queued';
