import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicLanguages, watchFallbacks, type Fallback } from '../src/i18n/index.js';
import { createTestApp, type TestApp } from './app.js';

/*
 * The pages the public sees, signed out, in tr, ar, ru, uk and en
 * (docs/languages.md): no string may fall back to German and the page must
 * say its language and direction. The pages of one event, FAQ entry, handout
 * or portrait are walked by their modules' tests; this walk covers the pages
 * without an id, the ones every visitor passes through.
 */
const publicPages = [
  '/', '/calendar', '/faq', '/handouts', '/map', '/portraits', '/sie-haben-gesagt',
  '/newsletter', '/newsletter/archive', '/newsletter/confirmed', '/newsletter/renewed', '/newsletter/sent',
  '/newsletter/unsubscribe', '/newsletter/unsubscribe-sent', '/newsletter/unsubscribed',
  // the imprint, privacy and accessibility pages exist once staff publish them: src/modules/portal's tests walk them
];

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
}, 120_000);
afterAll(async () => test?.close());

describe('the public pages in six languages', () => {
  it('finds no string in German on any page a visitor sees', async () => {
    const untranslated: string[] = [];
    for (const language of publicLanguages.filter((each) => each !== 'de')) {
      for (const url of publicPages) {
        const found: Fallback[] = [];
        const page = await watchFallbacks((fallback) => found.push(fallback), () => test.app.inject({ method: 'GET', url: `${url}?lang=${language}` }));
        expect(page.statusCode, `${language} ${url}`).toBe(200);
        expect(page.body, `${language} ${url}`).toContain(`<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}"`);
        for (const fallback of found) untranslated.push(`${language} ${url}: ${fallback.key} (${fallback.shown})`);
      }
    }
    expect([...new Set(untranslated)]).toEqual([]);
  }, 120_000);
});
