-- The evaluator's workspace (issue 15): observations of events with their
-- protocols, interviews under written consent against versioned guides,
-- reflection meetings with follow-ups, and the evaluation's own settings.
-- No name of a person or organisation is ever required here; organisations
-- are referenced by id and shown by pseudonym.

-- One row per observed event: the row is the mark "observed", the protocol
-- its four parts of the template (course, topics and needs, what worked,
-- suggestions). Only for events that have happened (checked on saving).
create table evaluation_observation (
  id          serial primary key,
  event_id    integer not null unique references event (id) on delete cascade,
  course      text not null default '' check (length(course) <= 20000),
  topics      text not null default '' check (length(topics) <= 20000),
  worked      text not null default '' check (length(worked) <= 20000),
  suggestions text not null default '' check (length(suggestions) <= 20000),
  created_by  integer references account (id) on delete set null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);

-- Parallel workshops of one event: notes per workshop.
create table evaluation_observation_workshop (
  id             serial primary key,
  observation_id integer not null references evaluation_observation (id) on delete cascade,
  position       integer not null check (position between 1 and 20),
  title          text not null check (length(title) between 1 and 200),
  notes          text not null default '' check (length(notes) <= 20000),
  unique (observation_id, position)
);

-- The needs the participants raised, one row each. Each flows into the
-- needs log of the concerns module (concern_entry, source 'evaluation'):
-- concern_entry_id is the entry it became, kept when the protocol is saved
-- again with the same need, so that a need is logged once. Staff own the
-- entry from then on; merged or deleted there, the link is emptied.
create table observation_need (
  id               serial primary key,
  observation_id   integer not null references evaluation_observation (id) on delete cascade,
  workshop_id      integer references evaluation_observation_workshop (id) on delete set null,
  position         integer not null check (position between 1 and 100),
  text             text not null check (length(text) between 1 and 1000),
  concern_entry_id integer references concern_entry (id) on delete set null,
  unique (observation_id, position)
);

-- Interview guides: a family (guide_key) of versions; editing adds a version,
-- interviews keep the version they used.
create table evaluation_interview_guide (
  id         serial primary key,
  guide_key  text not null check (guide_key ~ '^[a-z0-9_-]{1,60}$'),
  version    integer not null check (version >= 1),
  kind       text not null check (kind in ('association', 'municipal')),
  title      text not null check (length(title) between 1 and 200),
  questions  text not null check (length(questions) between 1 and 20000),
  created_by integer references account (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (guide_key, version)
);

-- Interviews. The consent is required (signed on, wording version, scope);
-- audio is never stored. notes are emptied by the retention rule
-- evaluation_interview_notes after the evaluation's end.
create table evaluation_interview (
  id                 serial primary key,
  held_on            date not null,
  kind               text not null check (kind in ('association', 'municipal')),
  channel            text not null check (channel in ('in_person', 'phone', 'video')),
  duration_minutes   integer check (duration_minutes between 1 and 600),
  guide_id           integer not null references evaluation_interview_guide (id),
  organisation_id    integer references organisation (id) on delete set null,
  consent_signed_on  date not null,
  consent_version    text not null check (length(consent_version) between 1 and 40),
  consent_scope      text not null check (consent_scope = 'evaluation_only'),
  notes              text check (length(notes) <= 50000),
  portrait           text not null default '' check (length(portrait) <= 5000),
  notes_erased_at    timestamptz,
  -- the day the interviewee withdrew the consent: notes, portrait and the
  -- link to the organisation go; date, kind, channel and guide stay (they
  -- count in the methods of the report and say nothing about the person)
  consent_withdrawn_on date,
  created_by         integer references account (id) on delete set null,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  check (consent_withdrawn_on is null or (notes is null and portrait = '' and organisation_id is null))
);
create index evaluation_interview_organisation on evaluation_interview (organisation_id);

-- Reflection meetings with the project leads.
create table evaluation_reflection (
  id         serial primary key,
  held_on    date not null,
  agenda     text not null default '' check (length(agenda) <= 20000),
  decisions  text not null default '' check (length(decisions) <= 20000),
  created_by integer references account (id) on delete set null,
  created_at timestamptz not null default now()
);

-- Follow-ups of a meeting: always with an owner (a role or a person as the
-- meeting named them) and a date; what came of it is recorded later.
create table evaluation_followup (
  id            serial primary key,
  reflection_id integer not null references evaluation_reflection (id) on delete cascade,
  position      integer not null check (position between 1 and 50),
  task          text not null check (length(task) between 1 and 1000),
  owner         text not null check (length(owner) between 1 and 200),
  due_on        date not null,
  outcome       text check (length(outcome) <= 5000),
  status        text not null default 'open' check (status in ('open', 'done', 'dropped')),
  unique (reflection_id, position)
);

-- The evaluation's settings, e.g. ends_on (YYYY-MM-DD), the day the
-- evaluation ends: interview notes go a retention period after it.
create table evaluation_setting (
  name       text primary key check (name ~ '^[a-z_]{1,40}$'),
  value      text not null,
  updated_by integer references account (id) on delete set null,
  updated_at timestamptz not null default now()
);

-- Interview notes: emptied this long after the evaluation's end (ends_on).
insert into retention_rule (kind, amount, unit) values ('evaluation_interview_notes', 6, 'months')
on conflict (kind) do nothing;
