-- The newsletter (issue 11): subscribers who confirmed by double opt-in,
-- the evidence of each confirmation, issues with their translations, and
-- which subscriber was given which issue. Plus the brochure's postal-mail
-- consent of organisations. Only src/modules/newsletter writes these tables.

-- One row per address (kept lower-cased and trimmed). 'pending': signed up,
-- link not used yet; 'confirmed': receives issues; 'unsubscribed': no more.
create table newsletter_subscriber (
  id                serial primary key,
  email             text not null,
  language          text not null check (language in ('de', 'en', 'tr', 'ar', 'ru', 'uk')),
  topics            text[] not null default '{}',
  region            text,
  status            text not null default 'pending' check (status in ('pending', 'confirmed', 'unsubscribed')),
  -- the key of the unsubscribe link in every issue (List-Unsubscribe, RFC 8058)
  unsubscribe_token text not null unique,
  -- the person in the directory with this address, linked when known
  person_id         integer references person (id) on delete set null,
  confirmed_at      timestamptz,
  unsubscribed_at   timestamptz,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
create unique index newsletter_subscriber_email on newsletter_subscriber (email);
-- queueing an issue: the confirmed subscribers
create index newsletter_subscriber_confirmed on newsletter_subscriber (id) where status = 'confirmed';

-- Each sign-up and its confirmation: the evidence of consent (§ 7 Abs. 2 UWG;
-- BGH I ZR 164/09): the text the person agreed to and its version, when they
-- asked and when they confirmed, and the confirming request's IP address
-- only where the installation records it (newsletter_setting).
create table newsletter_confirmation (
  id              serial primary key,
  subscriber_id   integer not null references newsletter_subscriber (id) on delete cascade,
  token_hash      text not null unique,
  language        text not null,
  topics          text[] not null default '{}',
  region          text,
  consent_text    text not null,
  consent_version text not null,
  requested_at    timestamptz not null,
  expires_at      timestamptz not null,
  confirmed_at    timestamptz,
  confirmed_ip    text
);
create index newsletter_confirmation_subscriber on newsletter_confirmation (subscriber_id);

-- An issue, written in German; translations in newsletter_issue_text.
create table newsletter_issue (
  id          serial primary key,
  status      text not null default 'draft' check (status in ('draft', 'sending', 'sent')),
  -- the audience chosen when sending: subscribers of any of these topics or
  -- regions, in these languages
  topics      text[] not null default '{}',
  regions     text[] not null default '{}',
  languages   text[] not null default '{}',
  created_by  integer references account (id) on delete set null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  queued_at   timestamptz,
  sent_at     timestamptz
);

create table newsletter_issue_text (
  issue_id  integer not null references newsletter_issue (id) on delete cascade,
  language  text not null check (language in ('de', 'en', 'tr', 'ar', 'ru', 'uk')),
  subject   text not null,
  body      text not null,
  primary key (issue_id, language)
);

-- Who was given which issue: the primary key makes queueing idempotent, so a
-- sender killed midway and started again never gives anyone an issue twice.
create table newsletter_delivery (
  issue_id      integer not null references newsletter_issue (id) on delete cascade,
  subscriber_id integer not null references newsletter_subscriber (id) on delete cascade,
  queued_at     timestamptz not null default now(),
  primary key (issue_id, subscriber_id)
);
create index newsletter_delivery_subscriber on newsletter_delivery (subscriber_id);

-- The installation's newsletter settings: one row.
create table newsletter_setting (
  id                 integer primary key default 1 check (id = 1),
  -- disputed whether it must be kept (pentacent/keila#219): off unless switched on
  record_confirm_ip  boolean not null default false,
  -- the throttle: how many newsletter mails the outbox sends per minute
  mails_per_minute   integer not null default 120 check (mails_per_minute between 1 and 10000),
  updated_at         timestamptz not null default now()
);
insert into newsletter_setting (id) values (1);

-- The brochure's distribution list: organisations that agreed to receive
-- post, with the address to use, where the consent came from and when.
create table postal_mail_consent (
  organisation_id integer primary key references organisation (id) on delete cascade,
  addressee       text,
  street          text not null,
  postcode        text not null,
  city            text not null,
  source          text not null check (source in ('letter', 'form', 'email', 'phone', 'in_person')),
  agreed_on       date not null,
  withdrawn_on    date,
  recorded_by     integer references account (id) on delete set null,
  updated_at      timestamptz not null default now()
);
