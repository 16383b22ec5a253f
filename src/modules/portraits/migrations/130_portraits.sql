-- Public portraits of associations (issue 11, "Portraits and the map"): the
-- text and photo an association shows, and its release. Nothing of a row is
-- public unless released_at is set; withdrawing clears it at once.
create table portrait (
  organisation_id    integer primary key references organisation (id) on delete cascade,
  text               text not null default '' check (length(text) <= 5000),
  photo              bytea,
  photo_type         text check (photo_type in ('image/jpeg', 'image/png', 'image/webp')),
  photo_width        integer check (photo_width > 0),
  photo_height       integer check (photo_height > 0),
  photo_alt          text check (length(photo_alt) <= 300),
  -- released by the association's representative in "Mein Bereich", or by
  -- staff on a consent given on paper (who signed it, and when)
  released_at        timestamptz,
  released_by        integer references account (id) on delete set null,
  release_basis      text check (release_basis in ('representative', 'paper_consent')),
  paper_consent_by   text check (length(paper_consent_by) <= 200),
  paper_consent_on   date,
  withdrawn_at       timestamptz,
  updated_at         timestamptz not null default now(),
  check ((photo is null) = (photo_type is null)),
  check ((released_at is null) = (release_basis is null)),
  check (release_basis is distinct from 'paper_consent' or (paper_consent_by is not null and paper_consent_on is not null))
);
-- the public list and the map read released portraits only
create index portrait_released on portrait (released_at) where released_at is not null;
