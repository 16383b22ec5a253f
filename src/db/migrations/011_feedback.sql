-- Mosaik schema: online feedback forms. Only additive changes.

-- The short code of an event's online form (/f/<code>, printed as a QR code on
-- the paper form and shown to staff). One per event, created on first use.
create table feedback_code (
  code       text primary key check (code ~ '^[a-z0-9]{6}$'),
  event_id   integer not null unique references event (id) on delete cascade,
  created_at timestamptz not null default now()
);

-- One online submission per person: the form page hands out a random token
-- (hidden field and cookie); its sha256 is stored with the response, and a
-- second submission with the same token hits the primary key. No IP address,
-- no user agent: the token is the only thing known about the sender.
create table feedback_submission (
  token_hash   text primary key,
  event_id     integer not null references event (id) on delete cascade,
  response_id  integer not null unique references feedback_response (id) on delete cascade,
  submitted_at timestamptz not null default now()
);
