import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/modules/identity/index.js';
import { importRecords } from '../src/modules/imports/index.js';
import { pseudonymiserFor } from '../src/modules/evaluation/index.js';
import { accessibilityViolations, describeViolations, startBrowserTest, type BrowserTest } from './browser.js';

/*
 * Issue 4's story in one run, in Chromium: a representative claims their
 * association, edits its profile and requests a consultation on a phone;
 * staff confirm the claim and log the consultation from the request; the
 * evaluator then finds the association under its pseudonym only — with the
 * consultation in its timeline and its name nowhere. axe on every page.
 */
const password = 'a long enough password';
const organisation = 'Ukrainischer Frauenverein Kassel e.V.';

describe('relationship work from claim to evaluation in Chromium', () => {
  let test: BrowserTest;
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    for (const [email, role] of [['staff@example.org', 'staff'], ['ivanna@example.org', 'representative'], ['evaluator@example.org', 'evaluator']] as const) {
      await createAccount(db, { email, role, password });
    }
    await importRecords(db, 'organizations', [
      { org_key: 'ufk', name: organisation, municipality: 'Kassel', district: 'Kassel', email: 'vorstand@ufk.example' },
      { org_key: 'other', name: 'Anderer Verein Fulda', municipality: 'Fulda', district: 'Fulda' },
    ]);
  });
  afterAll(async () => test?.close());

  async function signedIn(email: string, next: string, viewport?: { width: number; height: number }): Promise<Page> {
    const context = await test.browser.newContext({ bypassCSP: true, locale: 'de-DE', ...(viewport ? { viewport } : {}) });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${test.baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort').fill(password);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === next);
    return page;
  }
  async function expectAccessible(page: Page) {
    const violations = await accessibilityViolations(page);
    expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
  }

  it('claim, profile, request, logged consultation, pseudonymised evaluation', async () => {
    const phone = { width: 360, height: 740 };
    const representative = await signedIn('ivanna@example.org', '/my', phone);
    await expectAccessible(representative);
    await representative.getByRole('link', { name: 'Eine Organisation beanspruchen' }).click();
    await representative.getByLabel('Name der Organisation').fill('Frauenverein Kasel');
    await representative.getByRole('button', { name: 'Suchen' }).click();
    await expectAccessible(representative);
    await representative.getByRole('link', { name: `${organisation} auswählen` }).click();
    await representative.getByLabel('Ihre Rolle in der Organisation').selectOption('contact');
    await representative.getByRole('button', { name: 'Anfrage senden' }).click();
    await representative.waitForURL((url) => url.pathname === '/my');

    const staff = await signedIn('staff@example.org', '/claims');
    await expectAccessible(staff);
    await staff.getByRole('button', { name: 'Bestätigen' }).click();
    expect(await staff.getByRole('status').first().textContent()).toContain('Die Zuordnung ist bestätigt');

    await representative.goto(`${test.baseUrl}/my`);
    await representative.getByRole('link', { name: `Profil bearbeiten: ${organisation}` }).click();
    await representative.getByLabel('Gründungsjahr').fill('2015');
    await representative.getByRole('button', { name: 'Änderungen speichern' }).click();
    await representative.waitForURL((url) => url.search === '?done=saved');
    expect(await representative.textContent('main')).toContain('2015');
    await expectAccessible(representative);

    await representative.goto(`${test.baseUrl}/my/consultation-requests/new`);
    await representative.getByLabel('Fördermöglichkeiten').check();
    await representative.getByRole('radio', { name: 'Telefon' }).check();
    await representative.getByLabel('Nachricht').fill('Wir suchen Geld für einen Sprachkurs.');
    await representative.getByLabel('Telefonnummer').fill('0561 123456');
    await representative.getByRole('button', { name: 'Anfrage senden' }).click();
    await representative.waitForURL((url) => url.pathname.startsWith('/my/consultation-requests'));
    await expectAccessible(representative);

    await staff.goto(`${test.baseUrl}/consultations`);
    await staff.getByRole('link', { name: 'Beratungsanfragen (1 offen)' }).click();
    await expectAccessible(staff);
    await staff.getByRole('row', { name: new RegExp(organisation.replace(/\./g, '\\.')) }).getByRole('link').first().click();
    await staff.getByRole('link', { name: 'Als Beratung erfassen' }).click();
    expect(await staff.getByLabel('Fördermöglichkeiten').isChecked()).toBe(true);
    await staff.getByLabel('Dauer in Minuten').fill('45');
    await staff.getByRole('button', { name: 'Beratung speichern' }).click();
    await staff.waitForURL((url) => /^\/consultations\/\d+$/.test(url.pathname));
    expect(await staff.textContent('main')).toContain('Die Beratung ist gespeichert.');

    const organisationId = (await test.database.db.selectFrom('organisation').select('id').where('org_key', '=', 'ufk').executeTakeFirstOrThrow()).id;
    const pseudonym = (await pseudonymiserFor(test.database.db)).organisation(organisationId);
    const evaluator = await signedIn('evaluator@example.org', '/evaluation/organisations');
    await expectAccessible(evaluator);
    const list = (await evaluator.textContent('main')) ?? '';
    const listHtml = await evaluator.content();
    expect(list).toContain(pseudonym);
    // two organisations can never form a group of five (k-anonymity, src/modules/evaluation/anonymity.ts):
    // their describing fields are generalised away, and neither founding year nor municipality shows
    const row = (await evaluator.locator('tr', { hasText: pseudonym }).first().textContent()) ?? '';
    expect(row).toContain('–');
    expect(row).not.toContain('Kassel');
    await evaluator.goto(`${test.baseUrl}/evaluation/organisations/${pseudonym}`);
    await expectAccessible(evaluator);
    const timeline = (await evaluator.textContent('main')) ?? '';
    const timelineHtml = await evaluator.content();
    expect(timeline).toContain('Fördermöglichkeiten');
    for (const html of [listHtml, timelineHtml]) {
      for (const secret of [organisation, 'Frauenverein', 'vorstand@ufk.example', 'Sprachkurs', '0561 123456', 'ivanna@example.org']) expect(html).not.toContain(secret);
    }
    // and the staff pages stay closed to the evaluator
    const closed = await evaluator.goto(`${test.baseUrl}/organisations/${organisationId}`);
    expect(closed?.status()).toBe(403);
  }, 240_000);
});
