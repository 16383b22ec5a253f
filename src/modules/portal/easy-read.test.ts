import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { easyReadTexts, saveEasyRead } from './easy-read.js';

let test: TestApp;
let staff: SignedIn;
beforeAll(async () => {
  test = await createTestApp();
  staff = await test.signIn('staff');
});
afterAll(async () => test?.close());

describe('Leichte Sprache on the start page', () => {
  it('shows each explanation with its "geprüft von … am …" mark, in German on every language', async () => {
    const actor = { accountId: staff.accountId };
    expect(await saveEasyRead(test.database.db, actor, 'offers', { title: 'Was finden Sie hier?', body: 'Hier finden Sie Hilfe für Vereine.', checkedBy: 'Prüfgruppe Kassel', checkedOn: '2026-02-10' })).toMatchObject({ kind: 'saved' });
    const home = await test.app.inject({ method: 'GET', url: '/?lang=ar' });
    expect(home.body).toMatch(/<section class="kern-stack-sm mosaik-easy-read" aria-labelledby="easy-read-title" lang="de" dir="ltr">/);
    expect(home.body).toContain('Hier finden Sie Hilfe für Vereine.');
    expect(home.body).toContain('Geprüft von Prüfgruppe Kassel am 10. Februar 2026');
  });

  it('drops the mark when the text changes without a new check, keeps it for a new one', async () => {
    const db = test.database.db;
    const actor = { accountId: staff.accountId };
    await saveEasyRead(db, actor, 'navigation', { title: 'So finden Sie sich zurecht', body: 'Oben ist das Menü.', checkedBy: 'Prüfgruppe Kassel', checkedOn: '2026-02-10' });
    // the form sends the old mark back with a changed text
    expect(await saveEasyRead(db, actor, 'navigation', { title: 'So finden Sie sich zurecht', body: 'Oben ist das Menü. Unten ist das Impressum.', checkedBy: 'Prüfgruppe Kassel', checkedOn: '2026-02-10' })).toMatchObject({ kind: 'saved', checkCleared: true });
    let text = (await easyReadTexts(db)).find((candidate) => candidate.topic === 'navigation')!;
    expect([text.checked_by, text.checked_on]).toEqual(['', null]);
    await saveEasyRead(db, actor, 'navigation', { title: 'So finden Sie sich zurecht', body: 'Oben ist das Menü. Unten ist das Impressum.', checkedBy: 'Prüfgruppe Kassel', checkedOn: '2026-03-01' });
    text = (await easyReadTexts(db)).find((candidate) => candidate.topic === 'navigation')!;
    expect([text.checked_by, text.checked_on]).toEqual(['Prüfgruppe Kassel', '2026-03-01']);
  });

  it('asks for both name and date of a check in the staff form', async () => {
    const response = await test.app.inject({
      method: 'POST', url: '/admin/leichte-sprache/more', headers: { cookie: staff.cookie },
      payload: { _csrf: staff.csrfToken, title: 'Mehr Leichte Sprache', body: 'Beim Land Hessen.', checkedBy: 'Aylin Demir', checkedOn: '' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#checkedOn"');
    expect(response.body).toContain('Geben Sie für den Prüfvermerk Name und Datum an');
    const list = await test.app.inject({ method: 'GET', url: '/admin/leichte-sprache', headers: { cookie: staff.cookie } });
    expect(list.body).toContain('Geprüft von Prüfgruppe Kassel');
  });
});
