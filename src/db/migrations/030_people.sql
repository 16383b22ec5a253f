-- People (issue 4): persons with their roles in organisations, contact data,
-- preferred language and the consent they gave. Personal data: every column
-- here is listed in src/modules/privacy/personal-data.ts (export, erasure,
-- retention, docs/privacy.md).

create table person (
  id                 serial primary key,
  full_name          text not null check (length(full_name) <= 200),
  email              text,
  phone              text,
  preferred_language text not null default 'de' check (preferred_language in ('de', 'en', 'tr', 'ar', 'ru', 'uk')),
  -- where the record came from; persons known only from attendance lists are
  -- not copied here: their participation row (name, organisation) is the minimal record
  source             text not null default 'staff' check (source in ('staff', 'representative', 'invitation', 'import')),
  notes              text,
  -- the person's own account, if they have one (a representative)
  account_id         integer references account (id) on delete set null,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  -- retention: contacts without activity for N years are erased
  last_activity_at   timestamptz not null default now(),
  -- anonymised under Art. 17 GDPR; the row stays so that counts do not change
  erased_at          timestamptz,
  check (erased_at is null or (email is null and phone is null and notes is null))
);
create index person_name_trgm on person using gin (lower(full_name) gin_trgm_ops);
create index person_email on person (lower(email)) where email is not null;
create index person_account on person (account_id) where account_id is not null;

-- A person's role in an organisation: board, member, project lead, contact.
create table person_role (
  person_id       integer not null references person (id) on delete cascade,
  organisation_id integer not null references organisation (id) on delete cascade,
  role            text not null check (role in ('board', 'member', 'project_lead', 'contact')),
  since           date,
  until           date,
  created_at      timestamptz not null default now(),
  primary key (person_id, organisation_id, role),
  check (until is null or since is null or until >= since)
);
create index person_role_organisation on person_role (organisation_id);

-- The wording a consent was given to, versioned: a consent names the version
-- the person saw, so a changed text never rewrites what they agreed to.
create table consent_wording (
  purpose    text not null check (purpose in ('contact', 'newsletter', 'directory', 'portrait', 'photos', 'evaluation')),
  version    text not null check (version ~ '^[0-9A-Za-z._-]{1,40}$'),
  text_de    text not null,
  text_en    text not null,
  valid_from date not null,
  primary key (purpose, version)
);

insert into consent_wording (purpose, version, text_de, text_en, valid_from) values
  ('contact', '2026-01', 'Ich bin einverstanden, dass das Kompetenzzentrum meine Kontaktdaten speichert, um mich zu Veranstaltungen, Beratung und Förderung zu kontaktieren.', 'I agree that the competence centre stores my contact data to contact me about events, advice and funding.', '2026-01-01'),
  ('newsletter', '2026-01', 'Ich möchte den Newsletter des Kompetenzzentrums per E-Mail erhalten.', 'I would like to receive the competence centre''s newsletter by e-mail.', '2026-01-01'),
  ('directory', '2026-01', 'Ich bin einverstanden, dass mein Name als Ansprechperson meines Vereins im Verzeichnis für Mitarbeitende und Koordinierende sichtbar ist.', 'I agree that my name is visible to staff and coordinators as a contact of my association in the directory.', '2026-01-01'),
  ('portrait', '2026-01', 'Ich bin einverstanden, dass mein Name im öffentlichen Vereinsporträt genannt wird.', 'I agree that my name is shown in the association''s public portrait.', '2026-01-01'),
  ('photos', '2026-01', 'Ich bin einverstanden, dass Fotos von Veranstaltungen, auf denen ich zu sehen bin, veröffentlicht werden.', 'I agree that photos of events showing me are published.', '2026-01-01'),
  ('evaluation', '2026-01', 'Ich bin einverstanden, dass meine Angaben pseudonymisiert für die externe Evaluation genutzt werden.', 'I agree that my data is used in pseudonymised form for the external evaluation.', '2026-01-01');

create table consent (
  id                serial primary key,
  person_id         integer not null references person (id) on delete cascade,
  purpose           text not null,
  wording_version   text not null,
  given_on          date not null,
  source            text not null check (source in ('form', 'paper', 'staff')),
  recorded_by       integer references account (id) on delete set null,
  withdrawn_on      date,
  withdrawal_source text check (withdrawal_source in ('form', 'paper', 'staff')),
  created_at        timestamptz not null default now(),
  foreign key (purpose, wording_version) references consent_wording (purpose, version),
  check ((withdrawn_on is null) = (withdrawal_source is null)),
  check (withdrawn_on is null or withdrawn_on >= given_on)
);
create index consent_person on consent (person_id);
