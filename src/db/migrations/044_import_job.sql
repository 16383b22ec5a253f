-- Long imports run in the background (security finding 8): one row per job,
-- so that the import page and the API can show its status and progress, and
-- keep its outcome (the same JSON the API answers with) once it is done.
create table import_job (
  id          serial primary key,
  kind        text not null,
  file_name   text not null,
  dry_run     boolean not null,
  -- the web upload it checks or stores; null for the API
  upload_id   text references import_upload (id) on delete set null,
  account_id  integer references account (id) on delete cascade,
  status      text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  -- 0 to 100
  progress    integer not null default 0 check (progress between 0 and 100),
  outcome     jsonb,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index import_job_account on import_job (account_id, id desc);
