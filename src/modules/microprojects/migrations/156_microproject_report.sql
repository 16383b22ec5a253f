-- The Sachbericht (narrative report of the proof of use) as the association
-- completed it (issue 13): one row per project, its six sections as text.
-- Until a row exists the proof of use carries Mosaik's prefilled draft,
-- marked as a draft (sachbericht.ts). version grows with each save, so the
-- second save of an outdated version is refused instead of overwriting.

create table microproject_report (
  project_id integer primary key references microproject (id) on delete cascade,
  goals text not null default '' check (length(goals) <= 8000),
  activities text not null default '' check (length(activities) <= 8000),
  consultations text not null default '' check (length(consultations) <= 8000),
  minijob text not null default '' check (length(minijob) <= 8000),
  network text not null default '' check (length(network) <= 8000),
  results text not null default '' check (length(results) <= 8000),
  version integer not null default 1 check (version >= 1),
  saved_at timestamptz not null default now(),
  saved_by_account_id integer references account (id) on delete set null
);
