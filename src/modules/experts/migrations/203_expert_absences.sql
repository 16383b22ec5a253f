-- When a person of the pool cannot be booked (holidays, a long illness, a
-- semester abroad), entered by centre staff as a range of days. Proposals for
-- a forum on such a day mark them "not available until …" and put them last;
-- a booking on such a day is refused (experts/commands/forums.ts). A
-- withdrawal of consent deletes them with the rest of what only the pool needed.
create table expert_absence (
  id serial primary key,
  expert_id integer not null references expert (id) on delete cascade,
  from_on date not null,
  to_on date not null,
  note text not null default '' check (length(note) <= 200),
  created_by integer references account (id) on delete set null,
  created_at timestamptz not null default now(),
  check (to_on >= from_on)
);
-- the availability check of a proposal or booking: this person, a range around the day
create index expert_absence_expert on expert_absence (expert_id, from_on);
