-- The handout library (issue 11, src/modules/materials). A material is one
-- handout in one language: an uploaded file with versions, or a link to one
-- of the Land's own forms. Its address (/handouts/<id>/download) never
-- changes; a new version replaces what that address serves.
create table material (
  id serial primary key,
  kind text not null check (kind in ('file', 'link')),
  title text not null check (length(title) between 1 and 300),
  description text not null default '',
  language text not null check (language in ('de', 'en', 'tr', 'ar', 'ru', 'uk')),
  topic text not null,
  -- event formats (db/tables.ts eventFormats) and checklist items (reference/checklist.md keys) the handout belongs to
  event_formats text[] not null default '{}',
  checklist_items text[] not null default '{}',
  published boolean not null default false,
  -- links only: where the form lives, and what the link check found last
  link_url text check ((kind = 'link') = (link_url is not null)),
  link_checked_at timestamptz,
  link_ok boolean,
  link_problem text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- the public library filters published handouts by topic and language
create index material_public on material (published, topic, language);
-- the pages of an event format / checklist item ask "which handouts belong here"
create index material_event_formats on material using gin (event_formats);
create index material_checklist_items on material using gin (checklist_items);

-- Every uploaded version of a file material. The contents live in the
-- database (bytea), not in the data folder: the backup, the transaction that
-- adds a version and both engines then cover them without a second store
-- (docs/decisions.md, materials).
create table material_version (
  material_id integer not null references material (id) on delete cascade,
  version_number integer not null check (version_number >= 1),
  file_name text not null,
  media_type text not null,
  format text not null check (format in ('pdf', 'slides', 'document', 'spreadsheet')),
  byte_size integer not null check (byte_size > 0),
  page_count integer,
  -- the basic accessibility check of a PDF (materials/pdf-check.ts): tagged, title, language; null for other formats
  pdf_tagged boolean,
  pdf_title text,
  pdf_language text,
  content bytea not null,
  note text not null default '',
  uploaded_at timestamptz not null default now(),
  primary key (material_id, version_number)
);
