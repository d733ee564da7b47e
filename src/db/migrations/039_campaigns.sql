-- Campaigns against xenophobia (src/features/campaigns): a hashtag, the problem it answers, its
-- objectives and audiences, key messages for each audience and language resting on myths and
-- facts, partners, a timeline, indicators with recorded values, supporters and updates.

CREATE TABLE campaigns (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug            text NOT NULL UNIQUE,
  author_id       integer REFERENCES users (id) ON DELETE SET NULL,
  -- Raised on every edit of the campaign's own fields: an edit based on an older version is refused.
  version         integer NOT NULL DEFAULT 1,
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Stored with its '#', letters, digits and underscores only (what social networks link).
  hashtag         text NOT NULL CHECK (hashtag ~ '^#[[:alnum:]_]{2,60}$'),
  language        text NOT NULL DEFAULT 'en',
  problem         text NOT NULL DEFAULT '',
  -- Markdown, rendered and sanitised on display.
  objectives      text NOT NULL DEFAULT '',
  audiences       text[] NOT NULL DEFAULT '{}',
  countries       char(2)[] NOT NULL DEFAULT '{}',
  term_ids        integer[] NOT NULL DEFAULT '{}',
  starts_on       date NOT NULL,
  ends_on         date CHECK (ends_on >= starts_on),
  -- NULL: not said; 0 is a budget (the seeds' "absolute zero"), shown as such.
  budget          numeric(14, 2) CHECK (budget >= 0),
  budget_currency char(3) NOT NULL DEFAULT 'EUR',
  budget_note     text NOT NULL DEFAULT '',
  deliverables    text NOT NULL DEFAULT '',
  success_factors text NOT NULL DEFAULT '',
  -- Written once it has ended: what happened, and what others should do.
  results         text NOT NULL DEFAULT '',
  recommendations text NOT NULL DEFAULT '',
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaigns_starts_idx ON campaigns (starts_on DESC, id DESC);
CREATE INDEX campaigns_countries_idx ON campaigns USING gin (countries);

-- Who may change a campaign: its creator and the members they invite.
CREATE TABLE campaign_managers (
  campaign_id integer NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  user_id     integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  added_by    integer REFERENCES users (id) ON DELETE SET NULL,
  added_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, user_id)
);
CREATE INDEX campaign_managers_user_idx ON campaign_managers (user_id);

-- Partner organisations and cities: the seeds' lesson that cities carry the messages.
CREATE TABLE campaign_partners (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id     integer NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  organisation_id integer REFERENCES organisations (id) ON DELETE CASCADE,
  city_id         integer REFERENCES cities (id) ON DELETE CASCADE,
  CHECK ((organisation_id IS NULL) <> (city_id IS NULL))
);
CREATE UNIQUE INDEX campaign_partners_organisation_idx ON campaign_partners (campaign_id, organisation_id) WHERE organisation_id IS NOT NULL;
CREATE UNIQUE INDEX campaign_partners_city_idx ON campaign_partners (campaign_id, city_id) WHERE city_id IS NOT NULL;
CREATE INDEX campaign_partners_city_lookup_idx ON campaign_partners (city_id) WHERE city_id IS NOT NULL;

-- Key messages: one audience, one language, resting on one or more myths and facts.
CREATE TABLE campaign_messages (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id integer NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  audience    text NOT NULL,
  language    text NOT NULL,
  body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 280),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaign_messages_campaign_idx ON campaign_messages (campaign_id, audience, language);

CREATE TABLE campaign_message_myths (
  message_id integer NOT NULL REFERENCES campaign_messages (id) ON DELETE CASCADE,
  myth_id    integer NOT NULL REFERENCES myths (id) ON DELETE CASCADE,
  PRIMARY KEY (message_id, myth_id)
);
CREATE INDEX campaign_message_myths_myth_idx ON campaign_message_myths (myth_id);

CREATE TABLE campaign_milestones (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id integer NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  due_on      date NOT NULL,
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  done        boolean NOT NULL DEFAULT false
);
CREATE INDEX campaign_milestones_campaign_idx ON campaign_milestones (campaign_id, due_on);

CREATE TABLE campaign_indicators (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id integer NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  unit        text NOT NULL DEFAULT '',
  baseline    numeric NOT NULL,
  target      numeric NOT NULL
);
CREATE INDEX campaign_indicators_campaign_idx ON campaign_indicators (campaign_id, id);

CREATE TABLE campaign_indicator_values (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_id integer NOT NULL REFERENCES campaign_indicators (id) ON DELETE CASCADE,
  recorded_on  date NOT NULL,
  value        numeric NOT NULL,
  recorded_by  integer REFERENCES users (id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaign_indicator_values_indicator_idx ON campaign_indicator_values (indicator_id, recorded_on, id);

-- Updates the managers write; followers of the campaign are told.
CREATE TABLE campaign_updates (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id  integer NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  author_id    integer REFERENCES users (id) ON DELETE SET NULL,
  title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body         text NOT NULL DEFAULT '',
  published_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaign_updates_campaign_idx ON campaign_updates (campaign_id, published_at DESC);

-- Supporters: a member with one click, a visitor once their address is confirmed. Only confirmed,
-- not withdrawn supporters count; a name is shown only when its owner agreed.
CREATE TABLE campaign_supporters (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id  integer NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  user_id      integer REFERENCES users (id) ON DELETE CASCADE,
  email        text,
  name         text NOT NULL DEFAULT '',
  show_name    boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  withdrawn_at timestamptz,
  CHECK ((user_id IS NULL) <> (email IS NULL))
);
-- Supporting twice counts once: one live support per member and per address.
CREATE UNIQUE INDEX campaign_supporters_member_idx ON campaign_supporters (campaign_id, user_id) WHERE user_id IS NOT NULL AND withdrawn_at IS NULL;
CREATE UNIQUE INDEX campaign_supporters_email_idx ON campaign_supporters (campaign_id, lower(email)) WHERE email IS NOT NULL AND withdrawn_at IS NULL;
CREATE INDEX campaign_supporters_count_idx ON campaign_supporters (campaign_id) WHERE confirmed_at IS NOT NULL AND withdrawn_at IS NULL;

-- Campaign pages, lists, cards, feeds and the myth pages that list campaigns are cached against
-- the 'campaign' generation: every table they read moves it.
INSERT INTO search_generations (kind, value, content) VALUES ('campaign', 1, 1) ON CONFLICT (kind) DO NOTHING;
CREATE CONSTRAINT TRIGGER campaigns_page_generation AFTER INSERT OR UPDATE OR DELETE ON campaigns
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('campaign');
CREATE CONSTRAINT TRIGGER campaign_managers_page_generation AFTER INSERT OR UPDATE OR DELETE ON campaign_managers
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('campaign');
CREATE CONSTRAINT TRIGGER campaign_partners_page_generation AFTER INSERT OR UPDATE OR DELETE ON campaign_partners
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('campaign');
CREATE CONSTRAINT TRIGGER campaign_messages_page_generation AFTER INSERT OR UPDATE OR DELETE ON campaign_messages
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('campaign');
CREATE CONSTRAINT TRIGGER campaign_message_myths_page_generation AFTER INSERT OR UPDATE OR DELETE ON campaign_message_myths
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('campaign');
CREATE CONSTRAINT TRIGGER campaign_milestones_page_generation AFTER INSERT OR UPDATE OR DELETE ON campaign_milestones
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('campaign');
CREATE CONSTRAINT TRIGGER campaign_indicators_page_generation AFTER INSERT OR UPDATE OR DELETE ON campaign_indicators
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('campaign');
CREATE CONSTRAINT TRIGGER campaign_indicator_values_page_generation AFTER INSERT OR UPDATE OR DELETE ON campaign_indicator_values
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('campaign');
CREATE CONSTRAINT TRIGGER campaign_updates_page_generation AFTER INSERT OR UPDATE OR DELETE ON campaign_updates
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('campaign');
CREATE CONSTRAINT TRIGGER campaign_supporters_page_generation AFTER INSERT OR UPDATE OR DELETE ON campaign_supporters
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('campaign');

-- Members follow a campaign: its updates reach them like any followed item's.
ALTER TABLE follows DROP CONSTRAINT follows_target_kind_check;
ALTER TABLE follows ADD CONSTRAINT follows_target_kind_check
  CHECK (target_kind IN ('topic', 'country', 'city', 'organisation', 'member', 'practice', 'resource', 'forum_topic', 'campaign'));
