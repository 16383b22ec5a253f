-- Data protection (issue 4): retention rules per kind of personal data.
-- What each kind deletes or anonymises is in src/modules/privacy/retention.ts;
-- the catalogue of personal data is src/modules/privacy/personal-data.ts.

-- One rule per kind of data: how long it is kept (amount + unit), and whether
-- the daily run applies it. Admins edit them at /privacy/retention.
create table retention_rule (
  kind       text primary key check (kind ~ '^[a-z_]{1,40}$'),
  amount     integer not null check (amount between 0 and 1200),
  unit       text not null check (unit in ('days', 'months', 'years')),
  enabled    boolean not null default true,
  updated_by integer references account (id) on delete set null,
  updated_at timestamptz not null default now()
);

insert into retention_rule (kind, amount, unit) values
  -- persons with no activity (last_activity_at, updated_at) for 5 years are erased (anonymised)
  ('inactive_persons', 5, 'years'),
  -- consultation persons/notes/outcome emptied 3 years after the consultation; closed requests deleted
  ('consultation_texts', 3, 'years'),
  -- e-mail addresses of registrations and participations 1 year after the event
  ('registration_contacts', 1, 'years'),
  -- mails that were sent (or given up) are deleted after 90 days
  ('sent_mails', 90, 'days'),
  -- uploaded raw files are needed only between preview and confirm
  ('import_uploads', 1, 'days'),
  -- expired sessions, used or expired password links (amount 0: as soon as they end)
  ('sessions_tokens', 0, 'days'),
  -- the audit log: who read a record, after 2 years; every other entry (changes, exports,
  -- erasures: the accountability of Art. 5(2) GDPR) after 10 years
  ('audit_reads', 2, 'years'),
  ('audit_log', 10, 'years');

-- Export and erasure find a person's rows by e-mail address, case-insensitively
-- (src/modules/privacy/subject.ts emailMatches: lower(trim(column))). Partial:
-- most participations carry no address.
create index participation_email on participation (lower(trim(email))) where email is not null;
create index registration_email on registration (lower(trim(email))) where email is not null;
create index registration_group_contact_email on registration_group (lower(trim(contact_email)));
create index mail_outbox_to_address on mail_outbox (lower(trim(to_address)));
