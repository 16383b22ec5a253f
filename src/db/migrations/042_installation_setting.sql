-- Facts about this installation that belong to its database rather than to its
-- configuration, so that they travel with a backup. 'demo_dataset' marks a
-- database the fictional demo was loaded into (src/modules/demo/startup.ts):
-- the demo's accounts, whose password is published, exist only there.
create table installation_setting (
  name       text primary key check (name ~ '^[a-z_]{1,40}$'),
  value      text not null,
  updated_at timestamptz not null default now()
);

-- A demo installation from before this marker: its demo staff account exists
-- and every account is one of the demo's. (Start-up still checks that nothing
-- but the demo was imported before it trusts the mark.)
insert into installation_setting (name, value)
select 'demo_dataset', 'loaded'
where exists (select 1 from account where lower(email) = 'demo@mosaik.example')
  and not exists (
    select 1 from account
    where lower(email) not in ('demo@mosaik.example', 'admin@mosaik.example', 'koordination@mosaik.example',
                               'verein@mosaik.example', 'ministerium@mosaik.example', 'evaluation@mosaik.example'));
