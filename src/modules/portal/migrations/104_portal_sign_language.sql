-- A German Sign Language (DGS) video per Leichte Sprache explanation of the
-- start page (BITV 2.0 § 4: information in DGS and Leichte Sprache), uploaded
-- by staff and served by Mosaik itself (no video platform: no third-party
-- request). The type is checked by the file's content; the duration read from
-- its header, or entered by staff when the header has none.
create table portal_sign_language_video (
  topic             text primary key check (topic in ('offers', 'navigation', 'statement', 'more')),
  media_type        text not null check (media_type in ('video/mp4', 'video/webm')),
  bytes             bytea not null,
  byte_size         integer not null,
  duration_seconds  numeric(8, 1) not null check (duration_seconds > 0),
  -- 'header': read from the file; 'staff': entered by hand
  duration_source   text not null check (duration_source in ('header', 'staff')),
  uploaded_at       timestamptz not null default now()
);
