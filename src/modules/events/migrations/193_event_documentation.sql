-- After an event its public page can turn into its documentation (issue 11,
-- report 5.2: the documentation of the state-wide meetings): the programme,
-- the talks, the workshop results, photos of the pinboards and downloads.
-- Plain text with line breaks, not HTML: staff type or paste the programme,
-- and a paste can never bring scripts or foreign styles onto a public page.
create table event_documentation (
  event_id      integer primary key references event(id) on delete cascade,
  programme     text not null default '',
  talks         text not null default '',
  results       text not null default '',
  -- public on /calendar/:id/documentation once published (and linked from the event page and the calendar)
  published_at  timestamptz,
  updated_at    timestamptz not null default now()
);

-- Photos of the pinboards and flip charts of the workshops, checked by their
-- content (JPEG, PNG, WebP), stored without camera metadata (EXIF with the
-- place), with their pixel size so that the page reserves their space.
create table event_documentation_photo (
  id           serial primary key,
  event_id     integer not null references event_documentation(event_id) on delete cascade,
  -- the text alternative: what the pinboard says, for readers who cannot see it
  caption      text not null check (length(caption) between 1 and 1000),
  media_type   text not null check (media_type in ('image/jpeg', 'image/png', 'image/webp')),
  bytes        bytea not null,
  byte_size    integer not null,
  width        integer not null,
  height       integer not null,
  uploaded_at  timestamptz not null default now()
);
-- the documentation page lists its photos in upload order
create index event_documentation_photo_event on event_documentation_photo (event_id, id);

-- Downloads: handouts of the library (the talks' slides, the results as PDF),
-- so that a new version of a handout replaces the old one here too.
create table event_documentation_download (
  event_id     integer not null references event_documentation(event_id) on delete cascade,
  material_id  integer not null references material(id) on delete cascade,
  primary key (event_id, material_id)
);
