-- Mosaik schema: event registration, waitlist, check-in and the mail outbox.
-- Only additive changes to existing tables. Tables naming a person: registration,
-- registration_group, mail_outbox (list them in identity/personal-data.ts).

-- What a public event page and the registration need (if not exists: the
-- events module may add the same columns).
alter table event add column if not exists description text;
alter table event add column if not exists starts_at time;
alter table event add column if not exists ends_at time;
alter table event add column if not exists place text;
alter table event add column if not exists language text;
alter table event add column if not exists accessibility text;
alter table event add column if not exists registration_opens_at timestamptz;
alter table event add column if not exists registration_closes_at timestamptz;
alter table event add column if not exists cancelled_at timestamptz;

-- Persons registered together (one form, one e-mail). The link in the
-- confirmation mail carries a token; only its sha256 is stored here.
create table registration_group (
  id                serial primary key,
  event_id          integer not null references event (id) on delete cascade,
  organisation_id   integer references organisation (id),
  contact_email     text not null,
  language          text not null default 'de',
  manage_token_hash text not null unique,
  -- an association representative registering while signed in
  account_id        integer references account (id) on delete set null,
  created_at        timestamptz not null default now()
);

-- One person registered for one event. Active states hold a seat:
-- registered, promoted (from the waitlist), attended.
create table registration (
  id              serial primary key,
  event_id        integer not null references event (id) on delete cascade,
  group_id        integer not null references registration_group (id) on delete cascade,
  organisation_id integer references organisation (id),
  person_name     text not null,
  -- normalised person name, as participation.person_key
  person_key      text not null,
  email           text,
  language        text not null default 'de',
  status          text not null check (status in ('registered', 'waitlisted', 'promoted', 'cancelled', 'attended', 'no_show')),
  -- staff admitted this person beyond capacity or the per-organisation limit (reason in the history and audit log)
  overridden      boolean not null default false,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
-- seat counting (registration.ts, the limits trigger) and the waitlist order
create index registration_event_status on registration (event_id, status, organisation_id);
create index registration_group_member on registration (group_id);
-- a person holds at most one place or waitlist entry per event
create unique index registration_person on registration (event_id, coalesce(organisation_id, 0), person_key)
  where status in ('registered', 'waitlisted', 'promoted', 'attended');

-- Every change of a registration's state: who (account, null for the public
-- or the system) and why.
create table registration_status_change (
  id              bigserial primary key,
  registration_id integer not null references registration (id) on delete cascade,
  from_status     text,
  to_status       text not null,
  account_id      integer references account (id) on delete set null,
  reason          text not null default '',
  at              timestamptz not null default now()
);
create index registration_status_change_registration on registration_status_change (registration_id);

-- Belt and braces: the registering transaction locks the event and allocates
-- seats under the lock; this trigger re-checks capacity and the
-- per-organisation limit whenever a row becomes active, so no code path (nor
-- a hand-written insert) can exceed them. It takes the same event lock, so two
-- transactions that skip the application code still cannot both pass.
-- "for no key update" rather than "for update": it does not block the foreign
-- key checks of other tables' inserts (participation, feedback) on the event.
create function registration_check_limits() returns trigger language plpgsql as $$
declare
  event_capacity integer;
  event_limit integer;
  taken integer;
begin
  if new.overridden or new.status not in ('registered', 'promoted', 'attended') then
    return null;
  end if;
  -- already holding a seat before this update (registered -> attended): nothing new is taken
  if tg_op = 'UPDATE' and old.status in ('registered', 'promoted', 'attended')
     and old.event_id = new.event_id and old.organisation_id is not distinct from new.organisation_id
     and not old.overridden then
    return null;
  end if;
  select capacity, per_org_limit into event_capacity, event_limit from event where id = new.event_id for no key update;
  if event_capacity is not null then
    select count(*) into taken from registration
      where event_id = new.event_id and status in ('registered', 'promoted', 'attended');
    if taken > event_capacity then
      raise exception 'registration_capacity_exceeded: event % has % seats', new.event_id, event_capacity
        using errcode = 'check_violation';
    end if;
  end if;
  if event_limit is not null and new.organisation_id is not null then
    select count(*) into taken from registration
      where event_id = new.event_id and organisation_id = new.organisation_id and status in ('registered', 'promoted', 'attended');
    if taken > event_limit then
      raise exception 'registration_limit_exceeded: event % allows % persons per organisation', new.event_id, event_limit
        using errcode = 'check_violation';
    end if;
  end if;
  return null;
end
$$;

create constraint trigger registration_limits
  after insert or update of status, event_id, organisation_id, overridden on registration
  deferrable initially immediate
  for each row execute function registration_check_limits();

-- participation.source already allows 'checkin' (001_foundation.sql): the check-in writes it.

-- Mail ------------------------------------------------------------------------

-- The persistent outbox: every mail is written here in the transaction that
-- causes it and sent later with retries, so nothing is lost when the mail
-- server is down. 'outbox_only': no mail server configured (demo, development).
create table mail_outbox (
  id              bigserial primary key,
  kind            text not null,
  to_address      text not null,
  subject         text not null,
  text_body       text not null,
  html_body       text,
  status          text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'outbox_only')),
  attempts        integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error      text,
  event_id        integer references event (id) on delete set null,
  registration_id integer references registration (id) on delete set null,
  created_at      timestamptz not null default now(),
  sent_at         timestamptz
);
-- the sender: due mails in order
create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'queued';
-- the outbox page and "reminder sent once"
create index mail_outbox_registration on mail_outbox (registration_id, kind);
