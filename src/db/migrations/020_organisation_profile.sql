-- The organisation profile (issue 4): what the report uses to describe an
-- association beyond the distribution list's columns, the links between
-- organisations, and the indexes the directory and the timeline rely on.

alter table organisation
  add column communities   text[] not null default '{}',
  add column languages     text[] not null default '{}',
  add column target_groups text[] not null default '{}',
  add column rooms         text check (rooms in ('own', 'shared', 'provided', 'none')),
  -- a public portrait is written with the organisation and published only with
  -- its consent: who agreed (a person of the organisation), when, to which wording
  add column portrait                 text,
  add column portrait_consent_by      text,
  add column portrait_consent_on      date,
  add column portrait_consent_wording text,
  add column portrait_published       boolean not null default false,
  -- for a future map; optional
  add column latitude  double precision check (latitude between -90 and 90),
  add column longitude double precision check (longitude between -180 and 180),
  -- the centre's internal notes (never public)
  add column notes text;

alter table organisation add constraint organisation_portrait_consent
  check (not portrait_published or (portrait is not null and portrait_consent_by is not null
    and portrait_consent_on is not null and portrait_consent_wording is not null));
alter table organisation add constraint organisation_position_pair
  check ((latitude is null) = (longitude is null));

-- Umbrella memberships ("from" is a member of "to") and networks ("from"
-- takes part in the network "to"), as links between organisations.
create table organisation_link (
  from_organisation_id integer not null references organisation (id) on delete cascade,
  to_organisation_id   integer not null references organisation (id) on delete cascade,
  kind                 text not null check (kind in ('member_of', 'network')),
  since_year           integer check (since_year between 1800 and 2100),
  created_at           timestamptz not null default now(),
  primary key (from_organisation_id, to_organisation_id, kind),
  check (from_organisation_id <> to_organisation_id)
);
-- the profile of an umbrella body lists its members
create index organisation_link_to on organisation_link (to_organisation_id);

-- directory sorted by name (src/modules/organisations/directory.ts)
create index organisation_name_order on organisation (name, id);
-- timeline: an organisation's grant applications (the unique key leads with year)
create index grant_application_organisation on grant_application (organisation_id, year);
