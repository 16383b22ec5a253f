-- Micro-projects from the association's side (issue 13). Amounts are whole
-- cents (integer): sums of receipts must add up to the cent in the proof of use.

-- The programme's rules per funding year, kept by staff (never constants in code).
create table microproject_year_rule (
  year integer primary key check (year between 2000 and 2100),
  project_limit_cents integer not null check (project_limit_cents >= 0),
  minijob_limit_cents integer not null check (minijob_limit_cents >= 0),
  application_deadline date not null,
  minimum_wage_cents integer not null check (minimum_wage_cents > 0),
  minijob_monthly_ceiling_cents integer not null check (minijob_monthly_ceiling_cents > 0),
  -- months after the project's end until the proof of use is due (ANBest-P: usually six)
  proof_due_months integer not null default 6 check (proof_due_months between 0 and 24),
  -- how far one budget line may be overspent when another saves
  overspend_tolerance_percent integer not null default 20 check (overspend_tolerance_percent between 0 and 100),
  source text not null default '',
  updated_at timestamptz not null default now()
);

create table microproject (
  id serial primary key,
  organisation_id integer not null references organisation (id),
  -- the funder's list row (grants module) once the application is on it: linked, never copied
  grant_application_id integer references grant_application (id) on delete set null,
  title text not null,
  summary text not null default '',
  year integer not null,
  application_type text not null default 'new' check (application_type in ('new', 'follow_up')),
  previous_project_id integer references microproject (id) on delete set null,
  stage text not null default 'idea' check (stage in ('idea', 'in_consultation', 'application_submitted', 'approved', 'rejected', 'withdrawn', 'running', 'proof_due', 'proof_submitted', 'closed')),
  approved_on date,
  starts_on date,
  ends_on date,
  planned_project_costs_cents integer not null default 0 check (planned_project_costs_cents >= 0),
  planned_minijob_cents integer not null default 0 check (planned_minijob_cents >= 0),
  planned_tax_adviser_cents integer not null default 0 check (planned_tax_adviser_cents >= 0),
  minijob_monthly_hours numeric(6, 2),
  minijob_monthly_pay_cents integer,
  adviser_account_id integer references account (id) on delete set null,
  integration_office text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
-- the adviser overview and a representative's list: projects by organisation / adviser
create index microproject_organisation on microproject (organisation_id);
create index microproject_adviser on microproject (adviser_account_id, stage);

-- The association's contact persons of a project: who gets the reminders, in their language.
create table microproject_contact (
  id serial primary key,
  project_id integer not null references microproject (id) on delete cascade,
  name text not null,
  email text not null,
  language text not null default 'de'
);
create index microproject_contact_project on microproject_contact (project_id);

-- A ticked checklist task (the tasks themselves and their due dates are computed, checklist.ts).
create table microproject_task_done (
  project_id integer not null references microproject (id) on delete cascade,
  task text not null,
  done_at timestamptz not null default now(),
  done_by integer references account (id) on delete set null,
  primary key (project_id, task)
);

-- One reminder sent: the primary key makes "each sent once" a database rule.
create table microproject_reminder (
  project_id integer not null references microproject (id) on delete cascade,
  task text not null,
  kind text not null check (kind in ('before', 'missed')),
  recipient text not null,
  sent_at timestamptz not null default now(),
  primary key (project_id, task, kind, recipient)
);

create table microproject_receipt (
  id serial primary key,
  project_id integer not null references microproject (id) on delete cascade,
  paid_on date not null,
  payee text not null,
  purpose text not null,
  budget_line text not null check (budget_line in ('project_costs', 'minijob', 'tax_adviser')),
  amount_cents integer not null check (amount_cents > 0),
  kept boolean not null default true,
  kept_where text not null default '',
  created_by integer references account (id) on delete set null,
  created_at timestamptz not null default now()
);
-- the money page and the proof of use: a project's receipts by date
create index microproject_receipt_project on microproject_receipt (project_id, paid_on, id);

-- Documents of a project, private to the organisation and its adviser.
create table microproject_document (
  id serial primary key,
  project_id integer not null references microproject (id) on delete cascade,
  file_name text not null,
  content_type text not null,
  size_bytes integer not null,
  content bytea not null,
  uploaded_by integer references account (id) on delete set null,
  created_at timestamptz not null default now()
);
create index microproject_document_project on microproject_document (project_id);
