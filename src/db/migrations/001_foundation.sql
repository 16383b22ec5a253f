-- Mosaik schema, part 1: identity, organisations, the six lists and the audit log.
-- One dialect for PGlite and PostgreSQL. Every table that names a person or an
-- organisation is listed in src/modules/identity/personal-data.ts (export, erasure).

create extension if not exists pg_trgm;

-- Identity ------------------------------------------------------------------

create table account (
  id            serial primary key,
  email         text not null,
  display_name  text not null default '',
  -- argon2id hash; null until the person has used their password-setting link
  password_hash text,
  role          text not null check (role in ('admin', 'staff', 'coordinator', 'representative', 'funder', 'evaluator')),
  locale        text not null default 'de',
  created_at    timestamptz not null default now(),
  disabled_at   timestamptz
);
create unique index account_email_unique on account (lower(email));

-- What an account may see beyond its role: the districts of a coordinator, the
-- organisations of an association representative.
create table account_scope (
  account_id      integer not null references account (id) on delete cascade,
  district        text,
  organisation_id integer,
  check ((district is null) <> (organisation_id is null))
);
create index account_scope_account on account_scope (account_id);

create table session (
  -- sha256 of the cookie value: a stolen database does not yield live sessions
  id           text primary key,
  account_id   integer not null references account (id) on delete cascade,
  csrf_token   text not null,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null,
  last_seen_at timestamptz not null default now()
);
create index session_account on session (account_id);

-- One-time links to set a password (new accounts, invitations, resets).
create table password_token (
  id          text primary key, -- sha256 of the token in the link
  account_id  integer not null references account (id) on delete cascade,
  expires_at  timestamptz not null,
  used_at     timestamptz
);

create table audit_log (
  id           bigserial primary key,
  at           timestamptz not null default now(),
  account_id   integer references account (id) on delete set null,
  action       text not null,
  subject_type text not null,
  subject_id   text,
  details      jsonb not null default '{}'
);
create index audit_log_subject on audit_log (subject_type, subject_id);
create index audit_log_at on audit_log (at);

-- Organisations -------------------------------------------------------------

create table organisation (
  id              serial primary key,
  -- stable identifier in the centre's distribution list (spec: org_key)
  org_key         text unique,
  name            text not null,
  legal_form      text check (legal_form in ('initiative', 'ev_in_gruendung', 'ev', 'ev_gemeinnuetzig', 'ggmbh', 'other')),
  founded_year    integer check (founded_year between 1800 and 2100),
  orientation     text check (orientation in ('community', 'cross_community', 'mixed')),
  municipality    text,
  district        text,
  postcode        text,
  fields          text[] not null default '{}',
  email           text,
  website         text,
  phone           text,
  -- created from a list under a name that matched nothing: staff should look at it
  needs_review    boolean not null default false,
  created_from    text not null default 'staff' check (created_from in ('staff', 'import', 'registration', 'demo')),
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
create index organisation_district on organisation (district);
alter table account_scope add foreign key (organisation_id) references organisation (id) on delete cascade;
create index organisation_needs_review on organisation (needs_review) where needs_review;

-- Every name an organisation is known by (its name and its aliases), in the
-- normalised form of spec/exchange.md. The primary key makes name matching
-- unambiguous: one normalised name means at most one organisation.
create table organisation_name (
  normalised_name text primary key,
  organisation_id integer not null references organisation (id) on delete cascade,
  name            text not null,
  is_alias        boolean not null
);
create index organisation_name_organisation on organisation_name (organisation_id);
-- the review queue ranks likely duplicates by trigram similarity of these names
create index organisation_name_trgm on organisation_name using gin (normalised_name gin_trgm_ops);

-- A pair staff have looked at in the review queue and declared distinct;
-- the queue never asks about that pair again. Stored with the lower id first.
create table organisation_distinct_pair (
  organisation_id_low  integer not null references organisation (id) on delete cascade,
  organisation_id_high integer not null references organisation (id) on delete cascade,
  decided_by           integer references account (id) on delete set null,
  decided_at           timestamptz not null default now(),
  primary key (organisation_id_low, organisation_id_high),
  check (organisation_id_low < organisation_id_high)
);

-- Events, attendance ----------------------------------------------------------

create table event (
  id             serial primary key,
  event_key      text not null unique,
  title          text not null,
  format         text not null check (format in ('regional_network_meeting', 'state_network_meeting', 'training_application',
                   'training_implementation', 'training_reporting', 'writing_workshop', 'pr_training', 'other')),
  start_date     date not null,
  organizer      text not null default 'centre' check (organizer in ('centre', 'partner')),
  municipality   text,
  district       text,
  capacity       integer check (capacity >= 0),
  per_org_limit  integer check (per_org_limit >= 1),
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
-- impact report: centre events of a period
create index event_period on event (organizer, start_date);

-- One person present at an event (spec: "person participation"). Attendance
-- lists, the check-in and registrations all end up here: one truth for reports.
create table participation (
  id              serial primary key,
  event_id        integer not null references event (id) on delete cascade,
  organisation_id integer references organisation (id),
  person_name     text not null default '',
  -- identity of the row per spec: (event, organisation, person), person compared normalised
  person_key      text not null default '',
  email           text,
  source          text not null default 'import' check (source in ('import', 'checkin', 'registration', 'demo')),
  created_at      timestamptz not null default now()
);
create unique index participation_identity on participation (event_id, coalesce(organisation_id, 0), person_key);
-- impact report: participations by organisation
create index participation_organisation on participation (organisation_id);

-- Feedback ----------------------------------------------------------------

create table feedback_form (
  id          serial primary key,
  -- a template is the default for its format; an event's own form is a copy
  format      text,
  is_template boolean not null default false,
  name        text not null,
  created_at  timestamptz not null default now()
);
create unique index feedback_form_template_per_format on feedback_form (format) where is_template;

create table feedback_question (
  id        serial primary key,
  form_id   integer not null references feedback_form (id) on delete cascade,
  position  integer not null check (position >= 1),
  kind      text not null check (kind in ('rating', 'yes_no', 'open')),
  -- stable key for open questions the import names (comment_more, comment_improve)
  key       text,
  -- question text per language: {"de": "...", "en": "...", ...}
  texts     jsonb not null,
  unique (form_id, position)
);

alter table event add column feedback_form_id integer references feedback_form (id);

create table feedback_response (
  id           serial primary key,
  event_id     integer not null references event (id) on delete cascade,
  response_key text not null,
  language     text,
  channel      text not null default 'paper' check (channel in ('paper', 'online', 'import', 'demo')),
  created_at   timestamptz not null default now(),
  unique (event_id, response_key)
);

create table feedback_answer (
  response_id integer not null references feedback_response (id) on delete cascade,
  question_id integer not null references feedback_question (id) on delete cascade,
  -- school grade, 1 = sehr gut; the check keeps a "16" out whatever the path
  rating      smallint check (rating between 1 and 4),
  yes_no      boolean,
  text_value  text,
  primary key (response_id, question_id)
);

-- Consultations -----------------------------------------------------------

create table consultation (
  id               serial primary key,
  consulted_on     date not null,
  organisation_id  integer not null references organisation (id),
  channel          text not null check (channel in ('phone', 'in_person', 'email', 'video')),
  topic            text not null default '',
  duration_minutes integer check (duration_minutes >= 0),
  notes            text,
  source           text not null default 'staff' check (source in ('staff', 'import', 'demo')),
  created_at       timestamptz not null default now()
);
create unique index consultation_identity on consultation (consulted_on, organisation_id, channel, topic);
-- impact report: consulted organisations of a period
create index consultation_organisation on consultation (organisation_id, consulted_on);

-- Grants (WIR micro-projects, the funder's list) ------------------------------

create table grant_application (
  id               serial primary key,
  year             integer not null check (year between 2000 and 2100),
  organisation_id  integer not null references organisation (id),
  application_type text not null check (application_type in ('new', 'follow_up')),
  status           text not null check (status in ('submitted', 'approved', 'rejected', 'withdrawn')),
  approved_on      date,
  summary          text,
  amount_eur       numeric(12, 2) check (amount_eur >= 0),
  duration_months  integer check (duration_months between 1 and 24),
  source           text not null default 'staff' check (source in ('staff', 'import', 'demo')),
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  unique (year, organisation_id, application_type)
);
-- impact report: approved grants per year
create index grant_application_approved on grant_application (year) where status = 'approved';

-- Imports -----------------------------------------------------------------

-- A file uploaded in the web interface waits here between preview and confirm.
create table import_upload (
  id          text primary key,
  kind        text not null,
  file_name   text not null,
  content     bytea not null,
  account_id  integer references account (id) on delete cascade,
  created_at  timestamptz not null default now()
);

-- What each import did, for the audit trail and the import history page.
create table import_run (
  id          serial primary key,
  kind        text not null,
  file_name   text not null,
  sha256      text not null,
  account_id  integer references account (id) on delete set null,
  rows        integer not null,
  created     integer not null,
  updated     integer not null,
  unchanged   integer not null,
  new_organisations integer not null,
  created_at  timestamptz not null default now()
);
