import { describe, expect, it } from 'vitest';
import { publicLanguages, translationKeys } from '../../i18n/index.js';

/*
 * The public side of the library and the FAQ speaks all six languages; the
 * staff side German and English. A plural key counts as present when its
 * "other" form is (Arabic and the Slavic languages add their own forms).
 */
const singular = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const keysOf = (language: (typeof publicLanguages)[number], prefix: string) => new Set(translationKeys(language).filter((key) => key.startsWith(prefix)).map(singular));

describe.each(['materials', 'faq'])('the strings of %s', (module) => {
  it('are the same in German and English', () => {
    expect([...keysOf('en', `${module}.`)].sort()).toEqual([...keysOf('de', `${module}.`)].sort());
  });

  it.each(publicLanguages.filter((language) => language !== 'de' && language !== 'en'))('cover every public page in %s', (language) => {
    const publicPrefixes = [`${module}.publicNav`, `${module}.topics.`, `${module}.public.`, `${module}.languages.`, ...(module === 'materials' ? ['materials.formats.'] : [])];
    const german = [...keysOf('de', `${module}.`)].filter((key) => publicPrefixes.some((prefix) => key.startsWith(prefix)));
    const translated = keysOf(language, `${module}.`);
    expect(german.filter((key) => !translated.has(key))).toEqual([]);
  });
});
