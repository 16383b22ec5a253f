-- The Wegweiser (issue 12): a referral directory modelled on Open Referral
-- HSDS 3.0. Table and column names follow HSDS where a column has an HSDS
-- counterpart, so that src/modules/wegweiser/hsds.ts maps rows 1:1; ids are
-- uuids because HSDS requires them (and an import keeps the source's ids).

create table wegweiser_organization (
  id uuid primary key default gen_random_uuid(),
  name text not null check (btrim(name) <> ''),
  alternate_name text,
  description text not null default '',
  email text,
  website text,
  last_modified timestamptz not null default now()
);

create table wegweiser_service (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references wegweiser_organization (id) on delete cascade,
  name text not null check (btrim(name) <> ''),
  alternate_name text,
  description text not null default '',
  url text,
  email text,
  -- HSDS service.status
  status text not null check (status in ('active', 'inactive', 'defunct', 'temporarily closed')),
  application_process text,
  fees_description text,
  -- only published services are public and in the API (staff publish a checked entry)
  published boolean not null default true,
  -- Freshness (docs/decisions.md, "wegweiser: freshness"): set only by a
  -- confirmation (the assurer's link, or staff saying they checked).
  assurer_name text,
  assurer_email text,
  assured_date date,
  recheck_months integer not null default 6 check (recheck_months between 1 and 36),
  -- the summary in Leichte Sprache, and when and by whom a person checked it (checked_at null: not shown)
  easy_read_summary text,
  easy_read_checked_by integer references account (id) on delete set null,
  easy_read_checked_at timestamptz,
  -- name, alternate name, description and translations, lower-cased, for the typo-tolerant search
  search_text text not null default '',
  last_modified timestamptz not null default now()
);
create index wegweiser_service_organization on wegweiser_service (organization_id);
-- public search: word_similarity(q, search_text) (queries.ts, searchServices)
create index wegweiser_service_search on wegweiser_service using gin (search_text gin_trgm_ops);
-- /api/hsds/services?modified_after=
create index wegweiser_service_modified on wegweiser_service (last_modified);

create table wegweiser_location (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid references wegweiser_organization (id) on delete cascade,
  name text,
  description text,
  transportation text,
  address_1 text,
  postal_code text,
  city text,
  -- the Hessian district (Landkreis or kreisfreie Stadt) the address lies in
  district text,
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  last_modified timestamptz not null default now()
);
create index wegweiser_location_organization on wegweiser_location (organization_id);

create table wegweiser_accessibility (
  id uuid primary key default gen_random_uuid(),
  location_id uuid not null references wegweiser_location (id) on delete cascade,
  description text,
  details text,
  url text
);
create index wegweiser_accessibility_location on wegweiser_accessibility (location_id);

create table wegweiser_service_at_location (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references wegweiser_service (id) on delete cascade,
  location_id uuid not null references wegweiser_location (id) on delete cascade,
  description text,
  unique (service_id, location_id)
);
create index wegweiser_service_at_location_location on wegweiser_service_at_location (location_id);

-- where a service helps: districts or municipalities of Hessen (HSDS service_area.name)
create table wegweiser_service_area (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references wegweiser_service (id) on delete cascade,
  name text not null,
  description text
);
create index wegweiser_service_area_service on wegweiser_service_area (service_id);
create index wegweiser_service_area_name on wegweiser_service_area (name);

-- languages a service is offered in (ISO 639-1 code)
create table wegweiser_language (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references wegweiser_service (id) on delete cascade,
  code text not null check (code ~ '^[a-z]{2,3}$'),
  name text,
  note text,
  unique (service_id, code)
);
create index wegweiser_language_code on wegweiser_language (code);

create table wegweiser_phone (
  id uuid primary key default gen_random_uuid(),
  service_id uuid references wegweiser_service (id) on delete cascade,
  location_id uuid references wegweiser_location (id) on delete cascade,
  organization_id uuid references wegweiser_organization (id) on delete cascade,
  number text not null,
  extension integer,
  type text,
  description text
);
create index wegweiser_phone_service on wegweiser_phone (service_id);
create index wegweiser_phone_location on wegweiser_phone (location_id);

create table wegweiser_contact (
  id uuid primary key default gen_random_uuid(),
  service_id uuid references wegweiser_service (id) on delete cascade,
  organization_id uuid references wegweiser_organization (id) on delete cascade,
  name text,
  title text,
  department text,
  email text
);
create index wegweiser_contact_service on wegweiser_contact (service_id);

create table wegweiser_cost_option (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references wegweiser_service (id) on delete cascade,
  option text,
  amount double precision,
  currency text,
  amount_description text
);
create index wegweiser_cost_option_service on wegweiser_cost_option (service_id);

-- opening hours of a service or of a location (HSDS schedule, RFC 5545 BYDAY)
create table wegweiser_schedule (
  id uuid primary key default gen_random_uuid(),
  service_id uuid references wegweiser_service (id) on delete cascade,
  location_id uuid references wegweiser_location (id) on delete cascade,
  byday text,
  opens_at text check (opens_at ~ '^[0-2][0-9]:[0-5][0-9]$'),
  closes_at text check (closes_at ~ '^[0-2][0-9]:[0-5][0-9]$'),
  description text
);
create index wegweiser_schedule_service on wegweiser_schedule (service_id);
create index wegweiser_schedule_location on wegweiser_schedule (location_id);

create table wegweiser_taxonomy (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text not null,
  uri text,
  version text
);

-- Mosaik's German topic taxonomy: `code` is stable (imports, API, links), the name staff may edit
create table wegweiser_taxonomy_term (
  id uuid primary key default gen_random_uuid(),
  taxonomy_id uuid not null references wegweiser_taxonomy (id) on delete cascade,
  code text not null unique check (code ~ '^[a-z0-9][a-z0-9_-]*$'),
  name text not null,
  description text not null default '',
  parent_id uuid references wegweiser_taxonomy_term (id) on delete set null,
  position integer not null default 0
);

-- HSDS attribute: a taxonomy term attached to a service (link_type 'topic')
create table wegweiser_attribute (
  id uuid primary key default gen_random_uuid(),
  link_id uuid not null,
  link_entity text not null check (link_entity in ('service', 'organization', 'location')),
  link_type text,
  taxonomy_term_id uuid not null references wegweiser_taxonomy_term (id) on delete cascade,
  value text,
  unique (link_id, taxonomy_term_id)
);
create index wegweiser_attribute_term on wegweiser_attribute (taxonomy_term_id);

-- a text field of a service, organization, location or term in one of the six languages
create table wegweiser_translation (
  entity text not null,
  entity_id uuid not null,
  field text not null,
  language text not null check (language in ('de', 'en', 'tr', 'ar', 'ru', 'uk')),
  value text not null,
  primary key (entity, entity_id, field, language)
);

-- HSDS metadata: every change of a field, who made it, the old and the new value
create table wegweiser_metadata (
  id uuid primary key default gen_random_uuid(),
  resource_id uuid not null,
  resource_type text not null,
  last_action_date timestamptz not null default now(),
  last_action_type text not null,
  field_name text not null,
  previous_value text not null default '',
  replacement_value text not null default '',
  updated_by text not null,
  account_id integer references account (id) on delete set null
);
create index wegweiser_metadata_resource on wegweiser_metadata (resource_id, last_action_date);

-- a re-check request mailed to the assurer: the link (token hash), and the answer
create table wegweiser_check (
  id serial primary key,
  service_id uuid not null references wegweiser_service (id) on delete cascade,
  assurer_email text not null,
  token_hash text not null unique,
  sent_at timestamptz not null,
  expires_at timestamptz not null,
  answered_at timestamptz,
  -- 'confirmed' (still correct) or 'proposed' (changes for staff to accept)
  answer text check (answer in ('confirmed', 'proposed')),
  proposal jsonb,
  reviewed_by integer references account (id) on delete set null,
  reviewed_at timestamptz,
  review text check (review in ('accepted', 'rejected'))
);
create index wegweiser_check_service on wegweiser_check (service_id, sent_at);

-- a service an association is missing, for staff to add (moderated)
create table wegweiser_suggestion (
  id serial primary key,
  account_id integer references account (id) on delete set null,
  name text not null,
  description text not null,
  district text,
  contact text,
  status text not null default 'open' check (status in ('open', 'added', 'declined')),
  created_at timestamptz not null default now(),
  decided_by integer references account (id) on delete set null,
  decided_at timestamptz
);

-- Mosaik's topic taxonomy (issue 12), German names; the codes never change.
insert into wegweiser_taxonomy (id, name, description, uri, version) values
  ('a0000000-0000-4000-8000-000000000001', 'Mosaik-Themen', 'Themen des Wegweisers des Kompetenzzentrums', 'https://mosaik.example/wegweiser/themen', '1');
insert into wegweiser_taxonomy_term (id, taxonomy_id, code, name, position) values
  ('a0000000-0000-4000-8000-000000000101', 'a0000000-0000-4000-8000-000000000001', 'migrationsberatung', 'Migrationsberatung', 1),
  ('a0000000-0000-4000-8000-000000000102', 'a0000000-0000-4000-8000-000000000001', 'antidiskriminierung', 'Antidiskriminierung und AGG', 2),
  ('a0000000-0000-4000-8000-000000000103', 'a0000000-0000-4000-8000-000000000001', 'vereinsrecht', 'Vereinsrecht', 3),
  ('a0000000-0000-4000-8000-000000000104', 'a0000000-0000-4000-8000-000000000001', 'foerderung', 'Förderung und Anträge', 4),
  ('a0000000-0000-4000-8000-000000000105', 'a0000000-0000-4000-8000-000000000001', 'arbeit', 'Minijobs und Arbeit', 5),
  ('a0000000-0000-4000-8000-000000000106', 'a0000000-0000-4000-8000-000000000001', 'wohnen', 'Wohnen', 6),
  ('a0000000-0000-4000-8000-000000000107', 'a0000000-0000-4000-8000-000000000001', 'gesundheit', 'Gesundheit', 7),
  ('a0000000-0000-4000-8000-000000000108', 'a0000000-0000-4000-8000-000000000001', 'bildung-sprache', 'Bildung und Sprachkurse', 8),
  ('a0000000-0000-4000-8000-000000000109', 'a0000000-0000-4000-8000-000000000001', 'flucht-asyl', 'Flucht und Asyl', 9),
  ('a0000000-0000-4000-8000-000000000110', 'a0000000-0000-4000-8000-000000000001', 'frauen', 'Frauen', 10),
  ('a0000000-0000-4000-8000-000000000111', 'a0000000-0000-4000-8000-000000000001', 'jugend', 'Jugend', 11),
  ('a0000000-0000-4000-8000-000000000112', 'a0000000-0000-4000-8000-000000000001', 'sonstiges', 'Sonstiges', 12);
