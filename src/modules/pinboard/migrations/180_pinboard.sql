-- The networking pinboard (Pinnwand, issue 14, report 6.3; src/modules/pinboard):
-- posts between associations (rooms, know-how, partners for a joint
-- application, the Vereinsmesse), written by a representative for their
-- organisation, pre-moderated by staff, expiring with a reminder to renew,
-- reportable, and answered through relayed messages (no address is shown).

-- The settings staff keep (one row): how long a post stays up, when the
-- reminder goes out, and the relay's limits.
create table pinboard_setting (
  id boolean primary key default true check (id),
  expiry_days integer not null default 60 check (expiry_days between 7 and 365),
  reminder_days integer not null default 7 check (reminder_days between 1 and 30),
  messages_per_account_hour integer not null default 5 check (messages_per_account_hour between 1 and 100),
  messages_per_post_day integer not null default 20 check (messages_per_post_day between 1 and 1000),
  updated_at timestamptz not null default now()
);
insert into pinboard_setting (id) values (true);

-- One post. state: pending (in the staff queue) → published → expired, or
-- rejected (with a reason mailed to the author), withdrawn (by the author),
-- hidden (three reports: out of sight until staff decide). A published post
-- that is edited goes back to pending. `lang` is the language the author wrote
-- it in (the page marks it with lang=). `matched_at`: the author marked
-- "we found a match" (two associations share a room, …), counted by staff.
create table pinboard_post (
  id serial primary key,
  organisation_id integer not null references organisation (id),
  author_account_id integer references account (id) on delete set null,
  kind text not null check (kind in ('room_offered', 'room_wanted', 'knowhow_offered', 'knowhow_wanted', 'partner_sought', 'fair_exhibitor')),
  state text not null default 'pending' check (state in ('pending', 'published', 'rejected', 'withdrawn', 'expired', 'hidden')),
  lang text not null check (lang in ('de', 'en', 'tr', 'ar', 'ru', 'uk')),
  title text not null check (length(title) between 3 and 120),
  body text not null check (length(body) between 10 and 4000),
  district text,
  topics text[] not null default '{}',
  room_size integer check (room_size between 1 and 10000),
  accessible boolean,
  available_when text check (length(available_when) <= 200),
  fair_name text check (length(fair_name) <= 120),
  image bytea,
  image_type text check (image_type in ('image/png', 'image/jpeg', 'image/webp')),
  reject_reason text check (length(reject_reason) <= 1000),
  moderated_by integer references account (id) on delete set null,
  published_at timestamptz,
  expires_at timestamptz,
  reminder_sent_for timestamptz,
  matched_at timestamptz,
  matched_note text check (length(matched_note) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- the search (queries.ts, searchPosts): published posts by kind and district, newest first
create index pinboard_post_search on pinboard_post (state, kind, district, published_at desc);
-- the staff queue and the expiry job
create index pinboard_post_state on pinboard_post (state, expires_at);
create index pinboard_post_organisation on pinboard_post (organisation_id);
-- free text of the search: trigram match on title and body (pg_trgm, 001_foundation.sql)
create index pinboard_post_text on pinboard_post using gin (lower(title || ' ' || body) gin_trgm_ops);

-- A report of a post by a signed-in account; one per account and post.
-- Three open reports hide the post until staff decide (decided_at).
create table pinboard_report (
  id serial primary key,
  post_id integer not null references pinboard_post (id) on delete cascade,
  account_id integer references account (id) on delete set null,
  reason text not null check (reason in ('spam', 'offensive', 'wrong', 'personal', 'other')),
  note text check (length(note) <= 1000),
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  decision text check (decision in ('kept', 'removed'))
);
create unique index pinboard_report_once on pinboard_report (post_id, account_id) where decided_at is null;

-- A conversation about a post: the reader (an account and the organisation
-- they write for) and the post's author, relayed by Mosaik. Neither side
-- sees the other's address; each message is mailed to the other side with a
-- link to the conversation, where they answer.
create table pinboard_conversation (
  id serial primary key,
  post_id integer not null references pinboard_post (id) on delete cascade,
  reader_account_id integer references account (id) on delete set null,
  reader_organisation_id integer references organisation (id),
  created_at timestamptz not null default now()
);
-- one conversation per reader and post (a second message joins it)
create unique index pinboard_conversation_once on pinboard_conversation (post_id, reader_account_id);
create index pinboard_conversation_reader on pinboard_conversation (reader_account_id);

create table pinboard_message (
  id serial primary key,
  conversation_id integer not null references pinboard_conversation (id) on delete cascade,
  sender_account_id integer references account (id) on delete set null,
  from_author boolean not null,
  body text not null check (length(body) between 1 and 4000),
  created_at timestamptz not null default now()
);
-- the rate limit (commands/contact.ts): messages of an account within the last hour
create index pinboard_message_sender on pinboard_message (sender_account_id, created_at);
create index pinboard_message_conversation on pinboard_message (conversation_id, created_at);
