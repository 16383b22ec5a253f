-- The title of an entry in the languages other than German, where another
-- module knows them: a need carried from the Vereins-Check is the item's
-- wording (selfcheck/commands/needs.ts), German in `title` and the item's
-- other languages here ({"en": …, "tr": …, "ar": …, "ru": …, "uk": …}), so
-- that the log shows it in the reader's language (German when a language is
-- missing). Entries staff write have none; an edit that changes the title
-- clears them, since the title is then staff's own words (commands/update.ts).
alter table concern_entry add column title_translations jsonb not null default '{}'::jsonb;
