import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { createAccount } from '../identity/index.js';
import { importRecords } from '../imports/index.js';
import { takeOverRequest } from './requests.js';

/**
 * The representative's pages and mails are also written in Turkish, Arabic,
 * Russian and Ukrainian: those files must cover every key of de.json those
 * pages use (request.*, the channels, the form's error title, "not given"),
 * with the same placeholders, and no more; and the names of the topics the
 * centre started with (topicNames.*, see topicLabel in topics.ts). Staff pages stay German and English.
 */

type Strings = Record<string, unknown>;
const readStrings = (language: string): Strings => JSON.parse(readFileSync(new URL(`./i18n/${language}.json`, import.meta.url), 'utf8'));
function flatten(node: Strings, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'object' && value !== null) for (const [inner, text] of flatten(value as Strings, `${prefix}${key}.`)) leaves.set(inner, text);
    else leaves.set(`${prefix}${key}`, String(value));
  }
  return leaves;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
const isRepresentativeKey = (key: string) => key.startsWith('request.') || key.startsWith('channels.') || key.startsWith('topicNames.') || ['form.errorTitle', 'form.errorPrefix', 'detail.notSet'].includes(key);
const german = new Map([...flatten(readStrings('de'))].filter(([key]) => isRepresentativeKey(key)));

describe('translations of the representative’s request pages', () => {
  for (const language of ['tr', 'ar', 'ru', 'uk']) {
    it(`${language}.json has exactly those keys of de.json, translated, with the same placeholders`, () => {
      const strings = flatten(readStrings(language));
      expect([...strings.keys()].sort()).toEqual([...german.keys()].sort());
      for (const [key, text] of german) {
        const translated = strings.get(key)!;
        expect(translated.trim(), `${language}: ${key}`).not.toBe('');
        expect(placeholders(translated), `${language}: placeholders of ${key}`).toEqual(placeholders(text));
        if (!/^[\W\d_]*(\{\{\w+\}\}[\W\d_]*)*$/.test(text)) expect(translated, `${language}: ${key} is German`).not.toBe(text);
      }
    });
  }

  describe('a mail in Turkish', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(async () => database?.close());

    it('comes in the language of the request with German below', async () => {
      const db = database.db;
      await importRecords(db, 'organizations', [{ org_key: 'tk', name: 'Türk Kadınlar Derneği Kassel' }]);
      const staff = await createAccount(db, { email: 'staff@example.org', role: 'staff', password: 'a long enough password' });
      const organisation = await db.selectFrom('organisation').select('id').executeTakeFirstOrThrow();
      const { id } = await db
        .insertInto('consultation_request')
        .values({ organisation_id: organisation.id, requester_name: 'Elif Kaya', topics: ['rooms'], channel: 'phone', contact_email: 'elif@example.org', language: 'tr' })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(await takeOverRequest(db, id, staff.id, 'https://mosaik.example')).toBe('ok');
      const mail = await db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('kind', '=', 'consultation_request.takenOver').executeTakeFirstOrThrow();
      expect(mail.subject).toBe('Danışmanlık talebiniz işleme alındı / Ihre Beratungsanfrage wird bearbeitet');
      expect(mail.text_body).toContain('Türk Kadınlar Derneği Kassel için talebinizi aldık.');
      expect(mail.text_body).toContain(`https://mosaik.example/my/consultation-requests/${id}`);
    });
  });
});
