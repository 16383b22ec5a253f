import type { Language } from '../../i18n/index.js';

/**
 * The languages one reader's mail is written in (docs/languages.md): theirs
 * first, then German below it, so that whoever the mail is passed on to in the
 * association — or the centre, when someone asks about it — can read it too.
 * A German reader gets German alone.
 */
export function withGermanBelow(language: Language): Language[] {
  return language === 'de' ? ['de'] : [language, 'de'];
}

/** The line between two languages of one mail. */
export const languageSeparator = '\n\n——————————\n\n';
