-- The admin audit view and the evaluator's pseudonymised records (issue 4).

-- Audit view (src/modules/audit/queries.ts): every list is newest first, paged
-- by id (keyset), so each filter gets an index that ends in id.
-- "What did this account do?"
create index audit_log_account_id on audit_log (account_id, id);
-- Action prefix ('person.'): a left-anchored LIKE needs the pattern operator class.
create index audit_log_action_id on audit_log (action text_pattern_ops, id);
-- "Who looked at person 17?" (audit_log_subject of 001 has no id to page by)
create index audit_log_subject_id on audit_log (subject_type, subject_id, id);

-- Secrets this installation generated for itself, once. 'pseudonym' keys the
-- HMAC behind the evaluator's pseudonyms (src/modules/evaluation/pseudonyms.ts):
-- kept in the database so that pseudonyms stay the same across restarts, servers
-- and backups; MOSAIK_PSEUDONYM_SECRET, when set, is used instead.
create table installation_secret (
  name       text primary key check (name ~ '^[a-z_]{1,40}$'),
  value      text not null check (length(value) >= 32),
  created_at timestamptz not null default now()
);
