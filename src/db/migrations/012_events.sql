-- Mosaik schema: what staff record about an event beyond the registration
-- columns of 010_registration.sql. Only additive changes.

-- One partner or one link per line (the event form shows them as text areas).
alter table event add column if not exists cooperation_partners text;
alter table event add column if not exists materials text;
-- Why an event was cancelled (shown on the public event page; also in the audit log).
alter table event add column if not exists cancel_reason text;

-- the staff list and the public calendar: events by date
create index if not exists event_start_date on event (start_date, id);
