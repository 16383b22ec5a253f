-- News posts of the centre: one row per post, its text per language. A post
-- is public from its publication day (Berlin) on; without one it is a draft.
create table portal_news_post (
  id                serial primary key,
  published_on      date,
  author_account_id integer references account(id) on delete set null,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);

create table portal_news_text (
  post_id    integer not null references portal_news_post(id) on delete cascade,
  language   text not null check (language in ('de', 'en', 'tr', 'ar', 'ru', 'uk')),
  title      text not null,
  summary    text not null default '',
  -- sanitised HTML, as the pages (src/modules/portal/content.ts)
  body       text not null,
  updated_at timestamptz not null default now(),
  primary key (post_id, language)
);

-- the public list and the feed: published posts, newest first
create index portal_news_post_published on portal_news_post (published_on desc) where published_on is not null;
