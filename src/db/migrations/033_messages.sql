-- Private messages between two members (src/features/messages). Neither address is ever shown to
-- the other: the platform carries the message and mails a notice with a link.

CREATE TABLE conversations (
  id serial PRIMARY KEY,
  -- The two members, the smaller id first, so that two members have one conversation.
  member_low integer NOT NULL REFERENCES users (id),
  member_high integer NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_message_at timestamptz NOT NULL DEFAULT now(),
  CHECK (member_low < member_high),
  UNIQUE (member_low, member_high)
);
CREATE INDEX conversations_low ON conversations (member_low, last_message_at DESC);
CREATE INDEX conversations_high ON conversations (member_high, last_message_at DESC);

CREATE TABLE messages (
  id serial PRIMARY KEY,
  conversation_id integer NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  sender_id integer NOT NULL REFERENCES users (id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX messages_of_conversation ON messages (conversation_id, id);
-- The per-hour limit counts a sender's recent messages.
CREATE INDEX messages_of_sender ON messages (sender_id, created_at);

CREATE TABLE member_blocks (
  blocker_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  blocked_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (blocker_id, blocked_id)
);
