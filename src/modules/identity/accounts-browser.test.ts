import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, describeViolations, startBrowserTest, type BrowserTest } from '../../../test/browser.js';
import { createAccount } from './accounts.js';
import { importRecords } from '../imports/index.js';

/*
 * In Chromium, without JavaScript: an admin invites a representative, who sets
 * a password from the mail's link, claims their association; staff confirm;
 * the representative edits its profile. Every page passes axe.
 */

describe('invitation, claim and profile in Chromium', () => {
  let test: BrowserTest;
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    await createAccount(db, { email: 'admin@example.org', role: 'admin', password: 'a long enough password' });
    await createAccount(db, { email: 'staff@example.org', role: 'staff', password: 'a long enough password' });
    await importRecords(db, 'organizations', [{ org_key: 'dtkv', name: 'Deutsch-Türkischer Kulturverein Gießen e.V.', municipality: 'Gießen', district: 'Gießen' }]);
  });
  afterAll(async () => test?.close());

  const noScript = async () => {
    const page = await (await test.browser.newContext({ bypassCSP: true, locale: 'de-DE', javaScriptEnabled: false })).newPage();
    // a missing control fails with its name, long before the test's own time runs out
    page.setDefaultTimeout(10_000);
    return page;
  };
  async function signIn(page: Page, email: string, password: string) {
    await page.goto(`${test.baseUrl}/sign-in`);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort').fill(password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
  }
  /** axe needs scripts: each page again in a script-enabled context with the same session. */
  async function expectAccessible(from: Page, paths: string[]) {
    const checked = await test.newPage();
    await checked.context().addCookies(await from.context().cookies());
    for (const path of paths) {
      await checked.goto(test.baseUrl + path);
      const violations = await accessibilityViolations(checked);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
    }
    await checked.context().close();
  }

  it('runs from the invitation to the edited profile', async () => {
    const admin = await noScript();
    await signIn(admin, 'admin@example.org', 'a long enough password');
    await admin.goto(`${test.baseUrl}/admin/accounts`);
    await admin.getByRole('button', { name: 'Einladen' }).click();
    expect(await admin.locator('.mosaik-error-summary').textContent()).toContain('Bitte füllen Sie „E-Mail-Adresse“ aus.');
    await admin.getByRole('textbox', { name: 'E-Mail-Adresse' }).fill('ayse@example.org');
    await admin.getByLabel('Name', { exact: true }).fill('Ayşe Demir');
    await admin.getByLabel('Rolle').selectOption('representative');
    await admin.getByRole('button', { name: 'Einladen' }).click();
    expect(await admin.getByRole('status').first().textContent()).toContain('Die Einladung an ayse@example.org liegt im Postausgang.');
    const account = await test.database.db.selectFrom('account').select('id').where('email', '=', 'ayse@example.org').executeTakeFirstOrThrow();
    await expectAccessible(admin, ['/admin/accounts', `/admin/accounts/${account.id}`, '/admin/accounts?lang=en']);

    const mail = await test.database.db.selectFrom('mail_outbox').select('text_body').where('to_address', '=', 'ayse@example.org').executeTakeFirstOrThrow();
    const link = new URL(/https?:\/\/\S+\/set-password\?token=[\w-]+/.exec(mail.text_body)![0]);
    const representative = await noScript();
    await representative.goto(`${test.baseUrl}${link.pathname}${link.search}`);
    await representative.getByLabel('Neues Passwort').fill('mein eigenes Passwort');
    await representative.getByLabel('Passwort wiederholen').fill('mein eigenes Passwort');
    await representative.getByRole('button', { name: 'Passwort speichern' }).click();
    await representative.waitForURL((url) => url.pathname === '/sign-in');
    await signIn(representative, 'ayse@example.org', 'mein eigenes Passwort');
    expect(new URL(representative.url()).pathname).toBe('/my');

    await representative.getByRole('link', { name: 'Eine Organisation beanspruchen' }).click();
    await representative.getByLabel('Name der Organisation').fill('Kulturverien Giessen');
    await representative.getByRole('button', { name: 'Suchen' }).click();
    await representative.getByRole('link', { name: 'Deutsch-Türkischer Kulturverein Gießen e.V. auswählen' }).click();
    await representative.getByLabel('Ihre Rolle in der Organisation').selectOption('board');
    await representative.getByRole('button', { name: 'Anfrage senden' }).click();
    await representative.waitForURL((url) => url.pathname === '/my');
    expect(await representative.textContent('main')).toContain('Deutsch-Türkischer Kulturverein Gießen e.V. (Vorstand): in Prüfung seit');
    await expectAccessible(representative, ['/my', '/my/claim?q=kulturverein', '/my/claim?organisation=1', '/my/claim?propose=1&q=Neu&lang=en']);

    const staff = await noScript();
    await signIn(staff, 'staff@example.org', 'a long enough password');
    await staff.goto(`${test.baseUrl}/claims`);
    await expectAccessible(staff, ['/claims']);
    await staff.getByRole('button', { name: 'Bestätigen' }).click();
    expect(await staff.getByRole('status').first().textContent()).toContain('Die Zuordnung ist bestätigt');

    await representative.goto(`${test.baseUrl}/my`);
    await representative.getByRole('link', { name: 'Profil bearbeiten: Deutsch-Türkischer Kulturverein Gießen e.V.' }).click();
    await representative.getByLabel('Gründungsjahr').fill('1998');
    await representative.getByRole('button', { name: 'Änderungen speichern' }).click();
    await representative.waitForURL((url) => url.search === '?done=saved');
    expect(await representative.textContent('main')).toContain('1998');
    const profile = new URL(representative.url()).pathname;
    await expectAccessible(representative, [profile, `${profile}/edit`]);
  }, 180_000);
});
