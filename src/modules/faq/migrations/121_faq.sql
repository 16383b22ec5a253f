-- The FAQ on the WIR micro-projects (issue 11, src/modules/faq): entries by
-- topic in up to six languages. Only published entries are public; "agreed"
-- means agreed with the ministry (HMSI) and the Regierungspräsidium, report 5.4.
create table faq_entry (
  id serial primary key,
  topic text not null,
  state text not null default 'draft' check (state in ('draft', 'agreed', 'published')),
  reviewed_on date,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index faq_entry_public on faq_entry (state, topic, position);

create table faq_translation (
  entry_id integer not null references faq_entry (id) on delete cascade,
  language text not null check (language in ('de', 'en', 'tr', 'ar', 'ru', 'uk')),
  question text not null check (length(question) between 1 and 500),
  answer text not null check (length(answer) between 1 and 10000),
  primary key (entry_id, language)
);
-- The FAQ search (faq/queries.ts, searchFaq): trigram word similarity of the
-- query to question and answer, which finds "Steuerbrater" for
-- "Steuerberater" on PostgreSQL and on PGlite alike (pg_trgm, 001_foundation.sql).
create index faq_translation_trgm on faq_translation using gin (lower(question || ' ' || answer) gin_trgm_ops);

-- "Did this help?": anonymous (no account, no address kept), with an optional
-- question that lands in the staff queue until someone marks it answered.
create table faq_feedback (
  id serial primary key,
  entry_id integer not null references faq_entry (id) on delete cascade,
  helpful boolean not null,
  question text check (length(question) <= 2000),
  language text not null,
  created_at timestamptz not null default now(),
  handled_at timestamptz
);
create index faq_feedback_open on faq_feedback (created_at) where question is not null and handled_at is null;
