-- Mosaik schema: the data version (060_data_version.sql) moves with a write
-- to nearly every table, not only to those the figures read, so that public
-- pages too can be rendered once per change of the data and served from a
-- cache until the next one (issue 16; src/http/page-cache.tsx). Only additive.
--
-- data_change_attach_all() gives every table of the schema the same
-- statement-level trigger as 060 gave the figures' tables, except the tables
-- below, which no cached page reads and which are written all the time
-- (sign-ins, the audit trail, mail being sent, import progress, private
-- relay messages): a write there must not throw the pages' cache away.
-- The migration runner (src/db/migrate.ts) calls it again after every run
-- of new migrations, so a table a module adds later is covered without the
-- module knowing (test/page-cache.test.tsx checks that every table is).
create or replace function data_change_excluded_tables() returns text[] language sql immutable as $$
  select array[
    'data_change', 'schema_migration', 'session', 'account', 'audit_log', 'password_token', 'installation_secret',
    'mail_outbox', 'newsletter_delivery', 'import_job', 'import_upload', 'pinboard_conversation', 'pinboard_message'
  ]::text[];
$$;

create or replace function data_change_attach_all() returns integer language plpgsql as $$
declare
  missing record;
  attached integer := 0;
begin
  for missing in
    select c.relname as name
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p')
      and n.nspname = current_schema()
      and c.relname <> all (data_change_excluded_tables())
      and c.relname not like 'bench\_%'
      and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = c.relname || '_data_change')
  loop
    execute format('create trigger %I after insert or update or delete or truncate on %I for each statement execute function data_change_record()', missing.name || '_data_change', missing.name);
    attached := attached + 1;
  end loop;
  return attached;
end;
$$;

select data_change_attach_all();
