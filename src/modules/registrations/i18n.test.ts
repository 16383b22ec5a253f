import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, createTestApp, csrfFrom, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import { importRecords } from '../imports/index.js';

/**
 * The public registration pages are offered in six languages; staff pages
 * (staff, sheet, checkin, noShows) only in German and English. The four extra
 * languages must cover every public key of de.json with the same placeholders.
 */

const publicSections = ['errors', 'status', 'mail', 'register', 'manage'];
const extraLanguages = ['tr', 'ar', 'ru', 'uk'] as const;

type Strings = Record<string, unknown>;
const readStrings = (language: string): Strings => JSON.parse(readFileSync(new URL(`./i18n/${language}.json`, import.meta.url), 'utf8'));
const readSource = (file: string) => readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');

/** Dotted key → text, for every leaf of a translation file. */
function flatten(node: Strings, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'object' && value !== null) for (const [inner, text] of flatten(value as Strings, `${prefix}${key}.`)) leaves.set(inner, text);
    else leaves.set(`${prefix}${key}`, String(value));
  }
  return leaves;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

const german = flatten(readStrings('de'));
const publicGerman = new Map([...german].filter(([key]) => publicSections.includes(key.split('.')[0])));

/** Keys the public views, routes and mails name literally (dynamic ones are covered by the sections). */
const literalKeys = [...new Set(
  ['views.tsx', 'routes.tsx', 'mails.ts'].flatMap((file) => [...readSource(file).matchAll(/['`]registrations\.([\w.]+)['`]/g)].map((match) => match[1])),
)];

describe('translations of the public registration pages', () => {
  it('finds the keys the public pages use, all in the public sections of de.json', () => {
    expect(literalKeys.length).toBeGreaterThan(30);
    for (const key of literalKeys) expect(publicGerman.has(key), key).toBe(true);
    // keys built at run time: every status and the mail kinds
    for (const status of ['registered', 'waitlisted', 'promoted', 'cancelled', 'attended', 'no_show']) expect(publicGerman.has(`status.${status}`)).toBe(true);
  });

  for (const language of extraLanguages) {
    it(`${language}.json has exactly the public keys of de.json, translated, with the same placeholders`, () => {
      const strings = flatten(readStrings(language));
      expect([...strings.keys()].sort()).toEqual([...publicGerman.keys()].sort());
      for (const [key, text] of publicGerman) {
        const translated = strings.get(key) ?? '';
        expect(translated.trim(), `${language}: ${key}`).not.toBe('');
        expect(placeholders(translated), `${language}: placeholders of ${key}`).toEqual(placeholders(text));
        // a copy of the German or English text would be an untranslated string
        if (!/^[\W\d_]*(\{\{\w+\}\}[\W\d_]*)*$/.test(text)) expect(translated, `${language}: ${key} is German`).not.toBe(text);
      }
    });
  }
});

describe(`registration pages in the public languages on ${testEngine}`, () => {
  let test: TestApp;
  let eventId: number;
  beforeAll(async () => {
    test = await createTestApp();
    const outcome = await importRecords(test.database.db, 'events', [
      { event_key: 'I18N-1', title: 'Schreibwerkstatt Förderanträge', format: 'writing_workshop', start_date: '2030-10-02', capacity: 20, per_org_limit: 3 },
    ]);
    expect(outcome.problems).toEqual([]);
    const event = await test.database.db.selectFrom('event').select('id').where('event_key', '=', 'I18N-1').executeTakeFirstOrThrow();
    eventId = event.id;
  });
  afterAll(async () => test?.close());

  it('shows the form in Arabic, right to left', async () => {
    const page = await test.app.inject({ method: 'GET', url: `/events/${eventId}/register?lang=ar` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"/);
    expect(page.body).toContain('التسجيل: Schreibwerkstatt Förderanträge');
    expect(page.body).toContain('اسم الشخص 1');
    expect(page.body).toContain('تأكيد التسجيل');
    expect(page.body).toContain('الأماكن الشاغرة: 20 من 20.');
  });

  it('registers in Russian and shows the registration page in Russian', async () => {
    const form = await test.app.inject({ method: 'GET', url: `/events/${eventId}/register?lang=ru` });
    expect(form.body).toMatch(/<html[^>]*lang="ru"[^>]*dir="ltr"/);
    expect(form.body).toContain('Имя участника 3');
    const cookie = cookiesOf(form);
    const sent = await test.app.inject({
      method: 'POST',
      url: `/events/${eventId}/register`,
      headers: { cookie },
      payload: { _csrf: csrfFrom(form.body), email: 'olga@example.org', person_0: 'Olga Petrowa' },
    });
    expect(sent.statusCode).toBe(303);
    const page = await test.app.inject({ method: 'GET', url: String(sent.headers.location), headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ваша регистрация: Schreibwerkstatt Förderanträge');
    expect(page.body).toContain('зарегистрирован(а)');
    expect(page.body).toContain('Отменить регистрацию: Olga Petrowa');
  });
});
