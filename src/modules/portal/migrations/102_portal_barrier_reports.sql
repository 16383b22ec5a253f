-- Barriers visitors report on the accessibility statement's form (BITV 2.0
-- § 7, HessBGG: a feedback mechanism the public body answers within a set
-- time). No account is needed; name and address are optional and only used to answer.
create table portal_barrier_report (
  id                 serial primary key,
  received_at        timestamptz not null,
  page_address       text not null default '',
  description        text not null,
  reporter_name      text not null default '',
  reporter_email     text not null default '',
  -- the language of the page the report was sent from: the answer is written in it where possible
  language           text not null check (language in ('de', 'en', 'tr', 'ar', 'ru', 'uk')),
  answered_at        timestamptz,
  answered_by        integer references account(id) on delete set null,
  answer_note        text not null default ''
);

-- the staff queue: open reports, oldest first
create index portal_barrier_report_open on portal_barrier_report (received_at) where answered_at is null;
