-- Needs and concerns (Bedarfe und Anliegen, issue 14, src/modules/concerns):
-- what associations say they need (feeds the next offers) and what they want
-- the ministry to change (report 5.3: tax adviser costs, the deadline, 24
-- months), with the way each concern went and the Dialogtreffen with the
-- ministry that carried it.

-- A Dialogtreffen with the ministry (HMSI): its agenda is drawn from the open
-- concerns, its minutes move each item's state in one transaction.
create table concern_meeting (
  id                  serial primary key,
  held_on             date not null,
  title               text not null check (length(title) between 1 and 200),
  place               text check (length(place) <= 200),
  minutes_recorded_at timestamptz,
  created_at          timestamptz not null default now()
);

-- One entry: a need (state 'open' or 'taken_up') or a concern
-- (collected → forwarded → changed | declined; 'forwarded' is the outcome
-- "open"). version: optimistic concurrency of the edit forms; merged_into:
-- a duplicate merged into another (kept, so that old links still answer).
create table concern_entry (
  id              serial primary key,
  kind            text not null check (kind in ('need', 'concern')),
  title           text not null check (length(title) between 1 and 300),
  description     text not null default '' check (length(description) <= 5000),
  topic           text not null,
  raised_on       date not null,
  district        text,
  state           text not null check (state in ('open', 'taken_up', 'collected', 'forwarded', 'changed', 'declined')),
  forwarded_on    date,
  forwarded_meeting_id integer references concern_meeting (id) on delete set null,
  answer          text not null default '' check (length(answer) <= 5000),
  is_public       boolean not null default false,
  public_wording  text not null default '' check (length(public_wording) <= 2000),
  merged_into     integer references concern_entry (id),
  version         integer not null default 1,
  created_by      integer references account (id) on delete set null,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  check ((kind = 'need') = (state in ('open', 'taken_up'))),
  check (merged_into is null or merged_into <> id)
);
-- the staff list and the funder's view: live entries by kind and state
create index concern_entry_list on concern_entry (kind, state, raised_on) where merged_into is null;
-- the public page: chosen concerns only
create index concern_entry_public on concern_entry (raised_on) where is_public and merged_into is null;

-- Where an entry was raised: several after a merge. An event (a workshop's
-- results), an open answer of a feedback form (response + question, never
-- the respondent), a consultation, the self-check, or something else.
create table concern_source (
  id                   serial primary key,
  entry_id             integer not null references concern_entry (id) on delete cascade,
  kind                 text not null check (kind in ('event', 'feedback', 'consultation', 'selfcheck', 'evaluation', 'other')),
  event_id             integer references event (id) on delete set null,
  feedback_response_id integer references feedback_response (id) on delete set null,
  feedback_question_id integer references feedback_question (id) on delete set null,
  consultation_id      integer references consultation (id) on delete set null,
  note                 text not null default '' check (length(note) <= 500),
  raised_on            date not null,
  created_at           timestamptz not null default now()
);
create index concern_source_entry on concern_source (entry_id);
-- "has this open answer already become an entry?" on the feedback evaluation
create unique index concern_source_answer on concern_source (entry_id, feedback_response_id, feedback_question_id) where feedback_response_id is not null;
create index concern_source_event on concern_source (event_id) where event_id is not null;
create index concern_source_consultation on concern_source (consultation_id) where consultation_id is not null;

-- Who raised it (none: anonymous). Membership of an association can reveal
-- ethnic origin: only staff and the coordinators of the district see names.
create table concern_entry_organisation (
  entry_id        integer not null references concern_entry (id) on delete cascade,
  organisation_id integer not null references organisation (id),
  primary key (entry_id, organisation_id)
);
create index concern_entry_organisation_org on concern_entry_organisation (organisation_id);

-- Which offers answered a need ("which needs shaped its next trainings").
create table concern_entry_event (
  entry_id integer not null references concern_entry (id) on delete cascade,
  event_id integer not null references event (id) on delete cascade,
  primary key (entry_id, event_id)
);
create index concern_entry_event_event on concern_entry_event (event_id);

-- The history of a concern's way: every state change, who, when, where.
create table concern_state_change (
  id          serial primary key,
  entry_id    integer not null references concern_entry (id) on delete cascade,
  from_state  text,
  to_state    text not null,
  note        text not null default '' check (length(note) <= 2000),
  meeting_id  integer references concern_meeting (id) on delete set null,
  account_id  integer references account (id) on delete set null,
  changed_at  timestamptz not null default now()
);
create index concern_state_change_entry on concern_state_change (entry_id, changed_at);

-- A Dialogtreffen's agenda: the concerns staff picked, in their order, and
-- what the minutes say about each.
create table concern_agenda_item (
  meeting_id integer not null references concern_meeting (id) on delete cascade,
  entry_id   integer not null references concern_entry (id) on delete cascade,
  position   integer not null check (position >= 1),
  minutes    text not null default '' check (length(minutes) <= 5000),
  primary key (meeting_id, entry_id)
);
create index concern_agenda_item_entry on concern_agenda_item (entry_id);
