-- The portal's pages (home, offers, about, contact, imprint, privacy notice,
-- accessibility statement) as versions per language. Nothing is overwritten:
-- every save adds a revision, so two editors never lose each other's text and
-- staff can see the history. The unique (page_key, language, revision) is the
-- optimistic version check: two saves made on the same base revision cannot
-- both become revision n + 1 (src/modules/portal/commands.ts).
create table portal_page_version (
  id                serial primary key,
  page_key          text not null check (page_key ~ '^[a-z_]{1,40}$'),
  language          text not null check (language in ('de', 'en', 'tr', 'ar', 'ru', 'uk')),
  revision          integer not null check (revision >= 1),
  title             text not null,
  description       text not null default '',
  -- sanitised HTML (src/modules/portal/content.ts): only a small safe subset is ever stored
  body              text not null,
  -- German versions: how often the German text changed in substance (a minor edit keeps it);
  -- translations: the German content revision they were translated from. A translation whose
  -- number is below the German one is outdated.
  german_revision   integer not null check (german_revision >= 1),
  minor             boolean not null default false,
  author_account_id integer references account(id) on delete set null,
  created_at        timestamptz not null default now(),
  published_at      timestamptz,
  unique (page_key, language, revision)
);

-- the latest and the latest published version of a page in a language (queries.ts)
create index portal_page_version_published on portal_page_version (page_key, language, revision) where published_at is not null;
