-- Consultations, second part (issue 4): several topics per consultation, and
-- consultation requests from association representatives.

-- Several topics ------------------------------------------------------------
-- consultation.topic stays the import identity (consultation_identity:
-- date, organisation, channel, topic) and is always the first of `topics`.
-- Imports and old code write `topic` only; the trigger below fills `topics`
-- from it, so they keep working unchanged.
alter table consultation add column topics text[] not null default '{}';

update consultation set topics = array[topic] where topic <> '';

create function consultation_topics_from_topic() returns trigger language plpgsql as $$
begin
  -- a writer that knows only `topic` (imports, the demo): one topic
  if cardinality(new.topics) = 0 and new.topic <> '' then
    new.topics := array[new.topic];
  -- an update of `topic` alone (not of `topics`) replaces the first topic
  elsif tg_op = 'UPDATE' and new.topic is distinct from old.topic and new.topics = old.topics and cardinality(new.topics) > 0 then
    new.topics := array[new.topic] || array_remove(old.topics[2:], new.topic);
  end if;
  return new;
end
$$;

create trigger consultation_topics_from_topic before insert or update on consultation
  for each row execute function consultation_topics_from_topic();

-- the rule itself, whatever writes the row
alter table consultation add constraint consultation_topic_first
  check ((cardinality(topics) = 0 and topic = '') or topics[1] = topic);

-- the list filter "any of these topics" (topics && array[...]) in queries.ts searchConsultations
create index consultation_topics on consultation using gin (topics);

-- Consultation requests ------------------------------------------------------
-- A representative asks for a consultation for one of their organisations;
-- staff take it over, log it as a consultation (which closes the request) or
-- decline it with a note. The requester is told by e-mail at each step.
create table consultation_request (
  id               serial primary key,
  organisation_id  integer not null references organisation (id),
  -- the representative's account; kept as null when the account is deleted
  requested_by     integer references account (id) on delete set null,
  requester_name   text not null check (length(requester_name) between 1 and 200),
  topics           text[] not null check (cardinality(topics) between 1 and 20),
  channel          text not null check (channel in ('phone', 'in_person', 'email', 'video')),
  preferred_times  text check (length(preferred_times) <= 1000),
  message          text check (length(message) <= 5000),
  contact_phone    text check (length(contact_phone) <= 50),
  contact_email    text check (length(contact_email) <= 200),
  -- the language of the request form, for the e-mails
  language         text not null default 'de',
  status           text not null default 'open' check (status in ('open', 'in_progress', 'done', 'declined')),
  assigned_to      integer references account (id) on delete set null,
  assigned_at      timestamptz,
  consultation_id  integer references consultation (id) on delete set null,
  decline_note     text check (length(decline_note) <= 2000),
  closed_by        integer references account (id) on delete set null,
  closed_at        timestamptz,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  constraint consultation_request_callback check (contact_phone is not null or contact_email is not null),
  constraint consultation_request_declined check (status <> 'declined' or decline_note is not null),
  constraint consultation_request_closed check ((status in ('done', 'declined')) = (closed_at is not null))
);

-- the staff queue: open and in-progress requests, oldest first; the count on the consultation list
create index consultation_request_open on consultation_request (created_at, id) where status in ('open', 'in_progress');
-- "my requests": a representative's requests, newest first
create index consultation_request_requester on consultation_request (requested_by, created_at desc);
-- the organisation's timeline and erasure of an organisation
create index consultation_request_organisation on consultation_request (organisation_id);
