-- Migrant Integration Labs (src/features/labs): labs on the four pillars, their programmes and
-- sessions, facilitators' training, local services, and pseudonymous participants with consent,
-- attendance and outcomes. No participant's name is stored anywhere: the coordinator keeps the
-- key from code to person outside Bridges.

CREATE TABLE labs (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug             text NOT NULL UNIQUE,
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  country          char(2) NOT NULL,
  city_id          integer REFERENCES cities (id) ON DELETE SET NULL,
  organisation_id  integer REFERENCES organisations (id) ON DELETE SET NULL,
  -- Taxonomy terms of kind 'pillar' the lab runs.
  pillar_ids       integer[] NOT NULL DEFAULT '{}',
  description      text NOT NULL DEFAULT '',
  contact          text NOT NULL DEFAULT '',
  status           text NOT NULL DEFAULT 'active' CHECK (status IN ('planned', 'active', 'closed')),
  -- Sessions are given and shown in the lab's own time.
  time_zone        text NOT NULL DEFAULT 'UTC',
  -- How long a participant's record is kept after their last activity.
  retention_months integer NOT NULL DEFAULT 24 CHECK (retention_months BETWEEN 1 AND 120),
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX labs_country_idx ON labs (country);
CREATE INDEX labs_city_idx ON labs (city_id);

-- The lab's team: coordinators run it (and alone see participants), facilitators give sessions.
CREATE TABLE lab_members (
  lab_id   integer NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
  user_id  integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role     text NOT NULL CHECK (role IN ('coordinator', 'facilitator')),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (lab_id, user_id)
);
CREATE INDEX lab_members_user_idx ON lab_members (user_id);

-- A programme runs on one pillar: a learning path of modules, between two dates.
CREATE TABLE lab_programmes (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  lab_id      integer NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
  pillar_id   integer NOT NULL REFERENCES taxonomy_terms (id),
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  -- The learning path, in order.
  modules     text[] NOT NULL DEFAULT '{}',
  starts_on   date NOT NULL,
  ends_on     date NOT NULL CHECK (ends_on >= starts_on),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lab_programmes_lab_idx ON lab_programmes (lab_id, starts_on);

CREATE TABLE lab_sessions (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id     integer NOT NULL REFERENCES lab_programmes (id) ON DELETE CASCADE,
  module           text NOT NULL DEFAULT '',
  starts_at        timestamptz NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 720),
  place            text NOT NULL DEFAULT '',
  online           boolean NOT NULL DEFAULT false,
  facilitator_id   integer REFERENCES users (id) ON DELETE SET NULL,
  capacity         integer NOT NULL CHECK (capacity BETWEEN 1 AND 500),
  language         text NOT NULL,
  format           text NOT NULL
);
CREATE INDEX lab_sessions_programme_idx ON lab_sessions (programme_id, starts_at);
CREATE INDEX lab_sessions_facilitator_idx ON lab_sessions (facilitator_id);

-- Which facilitator completed which training module, and when.
CREATE TABLE lab_trainings (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  lab_id       integer NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
  user_id      integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  module       text NOT NULL CHECK (length(module) BETWEEN 1 AND 200),
  completed_on date NOT NULL,
  UNIQUE (lab_id, user_id, module)
);

-- Services for newcomers near the lab: the leaflet a newcomer takes home.
CREATE TABLE lab_services (
  id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  lab_id    integer NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
  category  text NOT NULL CHECK (category IN ('basic_needs', 'housing', 'health', 'legal_aid', 'language_courses', 'employment')),
  name      text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  address   text NOT NULL DEFAULT '',
  hours     text NOT NULL DEFAULT '',
  languages text[] NOT NULL DEFAULT '{}',
  cost      text NOT NULL DEFAULT ''
);
CREATE INDEX lab_services_lab_idx ON lab_services (lab_id, category);

-- A participant: a code that is not guessable and the minimum the lab needs. No name, no
-- special-category data.
CREATE TABLE lab_participants (
  id                  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  lab_id              integer NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
  code                text NOT NULL UNIQUE,
  age_band            text NOT NULL,
  arrival_year        integer NOT NULL CHECK (arrival_year BETWEEN 1950 AND 2100),
  languages           text[] NOT NULL DEFAULT '{}',
  origin_country      char(2),
  -- Consent: in which language it was shown, which text version, when and by whom it was recorded.
  consent_language    text NOT NULL,
  consent_version     integer NOT NULL,
  consent_recorded_at timestamptz NOT NULL DEFAULT now(),
  consent_recorded_by integer REFERENCES users (id) ON DELETE SET NULL,
  enrolled_on         date NOT NULL DEFAULT CURRENT_DATE,
  -- The record is erased once this is older than the lab's retention period.
  last_activity_on    date NOT NULL DEFAULT CURRENT_DATE
);
CREATE INDEX lab_participants_lab_idx ON lab_participants (lab_id, id);

-- Enrolments, attendance and outcomes outlive an erased participant without them (participant_id
-- becomes NULL): the counts that were true stay true, and nothing leads back to the person.
CREATE TABLE lab_enrolments (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id   integer NOT NULL REFERENCES lab_programmes (id) ON DELETE CASCADE,
  participant_id integer REFERENCES lab_participants (id) ON DELETE SET NULL,
  enrolled_on    date NOT NULL DEFAULT CURRENT_DATE
);
CREATE UNIQUE INDEX lab_enrolments_once_idx ON lab_enrolments (programme_id, participant_id) WHERE participant_id IS NOT NULL;
CREATE INDEX lab_enrolments_participant_idx ON lab_enrolments (participant_id);

CREATE TABLE lab_attendance (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_id     integer NOT NULL REFERENCES lab_sessions (id) ON DELETE CASCADE,
  participant_id integer REFERENCES lab_participants (id) ON DELETE SET NULL,
  present        boolean NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX lab_attendance_once_idx ON lab_attendance (session_id, participant_id) WHERE participant_id IS NOT NULL;
CREATE INDEX lab_attendance_participant_idx ON lab_attendance (participant_id);

CREATE TABLE lab_outcomes (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  lab_id         integer NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
  participant_id integer REFERENCES lab_participants (id) ON DELETE SET NULL,
  programme_id   integer REFERENCES lab_programmes (id) ON DELETE SET NULL,
  kind           text NOT NULL CHECK (kind IN ('language_level', 'training_completed', 'job_found', 'business_started', 'civic_engagement')),
  cefr_level     text CHECK (cefr_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  achieved_on    date NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'language_level') = (cefr_level IS NOT NULL))
);
CREATE INDEX lab_outcomes_lab_idx ON lab_outcomes (lab_id, achieved_on);
CREATE INDEX lab_outcomes_participant_idx ON lab_outcomes (participant_id);

-- Every read and write of a participant record, and every refused attempt, for the lab's
-- coordinators to read. Kept after the participant is erased (it names them by number only).
CREATE TABLE lab_audit_log (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  lab_id         integer NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
  actor_id       integer REFERENCES users (id) ON DELETE SET NULL,
  action         text NOT NULL,
  participant_id integer,
  details        jsonb NOT NULL DEFAULT '{}',
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lab_audit_log_lab_idx ON lab_audit_log (lab_id, id DESC);

-- Public lab pages, the list, the network indicators and the map read these tables: the 'lab'
-- page generation moves with each of them.
INSERT INTO search_generations (kind, value, content) VALUES ('lab', 1, 1) ON CONFLICT (kind) DO NOTHING;
CREATE CONSTRAINT TRIGGER labs_page_generation AFTER INSERT OR UPDATE OR DELETE ON labs
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('lab');
CREATE CONSTRAINT TRIGGER lab_members_page_generation AFTER INSERT OR UPDATE OR DELETE ON lab_members
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('lab');
CREATE CONSTRAINT TRIGGER lab_programmes_page_generation AFTER INSERT OR UPDATE OR DELETE ON lab_programmes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('lab');
CREATE CONSTRAINT TRIGGER lab_sessions_page_generation AFTER INSERT OR UPDATE OR DELETE ON lab_sessions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('lab');
CREATE CONSTRAINT TRIGGER lab_trainings_page_generation AFTER INSERT OR UPDATE OR DELETE ON lab_trainings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('lab');
CREATE CONSTRAINT TRIGGER lab_services_page_generation AFTER INSERT OR UPDATE OR DELETE ON lab_services
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('lab');
CREATE CONSTRAINT TRIGGER lab_enrolments_page_generation AFTER INSERT OR UPDATE OR DELETE ON lab_enrolments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('lab');
CREATE CONSTRAINT TRIGGER lab_outcomes_page_generation AFTER INSERT OR UPDATE OR DELETE ON lab_outcomes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION page_generation_touch('lab');
