-- Accounts by invitation and organisation claims (issue 4, roles and scopes).
-- Personal data: organisation_claim names an account and carries its message;
-- listed in src/modules/privacy/personal-data.ts (export, erasure, docs/privacy.md).

-- A representative's request to speak for an organisation: an existing one
-- (organisation_id) or one Mosaik does not know yet (proposed_name and
-- proposed_municipality; staff create it when they confirm). Confirming adds
-- the account_scope row; the claim stays as the record of who decided.
create table organisation_claim (
  id                    serial primary key,
  account_id            integer not null references account (id) on delete cascade,
  organisation_id       integer references organisation (id) on delete cascade,
  proposed_name         text check (length(proposed_name) <= 300),
  proposed_municipality text check (length(proposed_municipality) <= 200),
  -- the claimant's role in the organisation (person_role.role)
  role                  text not null check (role in ('board', 'member', 'project_lead', 'contact')),
  message               text not null default '' check (length(message) <= 2000),
  status                text not null default 'pending' check (status in ('pending', 'confirmed', 'rejected')),
  created_at            timestamptz not null default now(),
  decided_by            integer references account (id) on delete set null,
  decided_at            timestamptz,
  decision_note         text check (length(decision_note) <= 2000),
  check (organisation_id is not null or proposed_name is not null),
  check ((status = 'pending') = (decided_at is null))
);
-- the representative's own claims (/my) and the staff queue (/claims, pending first)
create index organisation_claim_account on organisation_claim (account_id);
create index organisation_claim_pending on organisation_claim (created_at) where status = 'pending';
create index organisation_claim_organisation on organisation_claim (organisation_id) where organisation_id is not null;
-- one open claim per account and organisation: a second click does not queue twice
create unique index organisation_claim_open on organisation_claim (account_id, organisation_id) where status = 'pending' and organisation_id is not null;
