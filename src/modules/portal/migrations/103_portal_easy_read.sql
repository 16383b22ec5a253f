-- The start page's explanations in Leichte Sprache (easy-to-read German, as
-- BITV 2.0 § 4 asks of public bodies' sites): what the site offers, how to
-- navigate it, the accessibility statement, where more Leichte Sprache is.
-- Each carries the "geprüft von … am …" mark of the person who checked it
-- with readers; changing the text clears the mark until it is checked again.
create table portal_easy_read (
  topic       text primary key check (topic in ('offers', 'navigation', 'statement', 'more')),
  title       text not null,
  -- sanitised HTML (src/modules/portal/content.ts)
  body        text not null,
  checked_by  text not null default '',
  checked_on  date,
  updated_by  integer references account(id) on delete set null,
  updated_at  timestamptz not null default now()
);
