-- The consultation log (issue 4): topics from a list the staff maintain,
-- outcome, persons, a follow-up with a reminder, and a referral to an
-- external expert that staff approve. Additive: imported consultations keep
-- their free-text topic and the identity (date, organisation, channel, topic).

-- The topic list. consultation.topic holds a topic's key when chosen from
-- the list (or the free text of an imported line), so renaming a topic keeps
-- every consultation linked; no foreign key, since imports may name others.
create table consultation_topic (
  key      text primary key check (key ~ '^[a-z0-9_]{1,60}$'),
  de       text not null check (length(de) between 1 and 200),
  en       text not null check (length(en) between 1 and 200),
  active   boolean not null default true,
  position integer not null default 0
);

insert into consultation_topic (key, de, en, position) values
  ('application', 'Antragstellung', 'Application', 1),
  ('mini_job', 'Minijob', 'Mini-job', 2),
  ('association_law', 'Vereinsrecht', 'Association law', 3),
  ('proof_of_use', 'Verwendungsnachweis', 'Proof of use', 4),
  ('public_relations', 'Öffentlichkeitsarbeit', 'Public relations', 5),
  ('funding_sources', 'Fördermöglichkeiten', 'Funding sources', 6),
  ('rooms', 'Räume', 'Rooms', 7),
  ('discrimination', 'Diskriminierung', 'Discrimination', 8),
  ('other', 'Sonstiges', 'Other', 9);

alter table consultation
  -- persons as written (names); person records come later
  add column persons            text,
  add column outcome            text,
  add column follow_up_on       date,
  add column follow_up_done_at  timestamptz,
  add column created_by         integer references account (id) on delete set null,
  add column updated_at         timestamptz not null default now(),
  add column referral_expert    text,
  add column referral_cost_eur  numeric(10, 2) check (referral_cost_eur >= 0),
  add column referral_status    text check (referral_status in ('proposed', 'approved', 'rejected')),
  -- who approved or rejected the referral, and when
  add column referral_approved_by integer references account (id) on delete set null,
  add column referral_approved_at timestamptz;

alter table consultation add constraint consultation_referral_expert
  check (referral_status is null or referral_expert is not null);

-- the reminder list: open follow-ups by date (src/modules/consultations/queries.ts followUps)
create index consultation_follow_up_open on consultation (follow_up_on) where follow_up_on is not null and follow_up_done_at is null;
-- the consultation list, newest first
create index consultation_consulted_on on consultation (consulted_on desc, id desc);
