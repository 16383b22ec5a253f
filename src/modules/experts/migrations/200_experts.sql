-- The pool of experts and moderators (issue 15, src/modules/experts; report
-- 6.4 and 7): external trainers, moderators, specialist advisers and experts
-- from the associations whom the centre works with or recommends. Each entry
-- is a person and needs a recorded consent; a withdrawal (consent_withdrawn_on)
-- takes the entry out of the pool and every pick list at once
-- (experts/queries.ts: activeExperts is the one filter).
create table expert (
  id serial primary key,
  kind text not null check (kind in ('trainer', 'moderator', 'adviser', 'association_expert')),
  full_name text not null check (length(full_name) between 1 and 200),
  -- the expert's association (association experts) and, when one exists, their person record
  organisation_id integer references organisation (id) on delete set null,
  person_id integer references person (id) on delete set null,
  topics text[] not null default '{}',
  languages text[] not null default '{}',
  -- districts the person works in; empty: all of Hessen
  districts text[] not null default '{}',
  fee_note text not null default '' check (length(fee_note) <= 500),
  email text check (length(email) <= 200),
  phone text check (length(phone) <= 60),
  notes text not null default '' check (length(notes) <= 2000),
  consent_given_on date not null,
  consent_wording_version text not null check (length(consent_wording_version) between 1 and 40),
  consent_source text not null check (consent_source in ('form', 'paper', 'staff')),
  consent_withdrawn_on date,
  created_by integer references account (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (kind <> 'association_expert' or organisation_id is not null or consent_withdrawn_on is not null)
);
-- the pool list and every pick list: the entries with consent, by name
create index expert_active on expert (full_name) where consent_withdrawn_on is null;
create index expert_organisation on expert (organisation_id);

-- Who took part in an event from the pool, with their role (a forum's
-- moderator and association experts, a training's trainer). One role per
-- person and event; the staffing page refuses a second booking on the same day.
create table expert_event (
  event_id integer not null references event (id) on delete cascade,
  expert_id integer not null references expert (id) on delete cascade,
  role text not null check (role in ('moderator', 'expert', 'trainer', 'adviser')),
  added_by integer references account (id) on delete set null,
  added_at timestamptz not null default now(),
  primary key (event_id, expert_id)
);
-- an expert's events (their page) and the availability check
create index expert_event_expert on expert_event (expert_id);

-- The outcomes of a dialogue forum: agreements, next steps (with owner and
-- due day) and open questions, in the order recorded.
create table expert_forum_outcome (
  id serial primary key,
  event_id integer not null references event (id) on delete cascade,
  kind text not null check (kind in ('agreement', 'next_step', 'open_question')),
  text text not null check (length(text) between 1 and 2000),
  owner text check (length(owner) <= 200),
  due_on date,
  created_by integer references account (id) on delete set null,
  created_at timestamptz not null default now(),
  check (kind <> 'next_step' or (owner is not null and length(owner) > 0 and due_on is not null))
);
create index expert_forum_outcome_event on expert_forum_outcome (event_id, id);
