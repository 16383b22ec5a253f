import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/modules/identity/index.js';
import { importRecords } from '../src/modules/imports/index.js';
import { accessibilityViolations, describeViolations, startBrowserTest, type BrowserTest } from './browser.js';

describe('the organisation directory in Chromium', () => {
  let test: BrowserTest;
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    await createAccount(db, { email: 'staff@example.org', role: 'staff', password: 'a long enough password' });
    await importRecords(db, 'organizations', [
      { org_key: 'dtkv', name: 'Deutsch-Türkischer Kulturverein Gießen e.V.', aliases: 'DTKV', district: 'Gießen', legal_form: 'ev', fields: 'culture' },
      { org_key: 'afv', name: 'Afrikanischer Frauenverein Marburg', district: 'Marburg-Biedenkopf' },
    ]);
    await importRecords(db, 'events', [{ event_key: 'ev-1', title: 'Netzwerktreffen Mittelhessen', format: 'regional_network_meeting', start_date: '2023-03-01' }]);
    await importRecords(db, 'participants', [{ event_key: 'ev-1', organization: 'DTKV', person: 'Ayşe Yılmaz' }]);
  });
  afterAll(async () => test?.close());

  it('searches, opens a profile and edits it without JavaScript; every page passes axe', async () => {
    const page = await (await test.browser.newContext({ bypassCSP: true, locale: 'de-DE', javaScriptEnabled: false })).newPage();
    await page.goto(`${test.baseUrl}/sign-in?next=/organisations`);
    await page.getByLabel('E-Mail-Adresse').fill('staff@example.org');
    await page.getByLabel('Passwort').fill('a long enough password');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/organisations');

    await page.getByLabel('Name oder Kürzel').fill('Kulturverien Giessen');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'Kulturverien Giessen');
    expect(await page.getByRole('status').textContent()).toContain('1 Organisation gefunden');
    await page.getByRole('link', { name: 'Deutsch-Türkischer Kulturverein Gießen e.V.' }).click();
    await page.waitForURL((url) => /^\/organisations\/\d+$/.test(url.pathname));
    const profileUrl = page.url();
    expect(await page.textContent('main')).toContain('Netzwerktreffen Mittelhessen (Regionales Vernetzungstreffen), 1 Person');

    await page.getByRole('link', { name: 'Profil bearbeiten' }).click();
    await page.getByLabel('Gründungsjahr').fill('19x8');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    const summary = page.locator('.mosaik-error-summary');
    expect(await summary.textContent()).toContain('Gründungsjahr: Geben Sie ein Jahr zwischen 1800 und 2100 an');
    const errorPage = page.url();

    // axe needs scripts: check each page in a script-enabled context with the same session
    const checked = await test.newPage();
    await checked.context().addCookies(await page.context().cookies());
    for (const path of ['/organisations?q=Kulturverien', '/organisations?q=dtkv&lang=en', new URL(profileUrl).pathname, `${new URL(profileUrl).pathname}/edit`, '/organisations/new?lang=en']) {
      await checked.goto(test.baseUrl + path);
      const violations = await accessibilityViolations(checked);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
    }
    // the form with its error summary, as the browser got it
    await checked.goto(`${test.baseUrl}${new URL(profileUrl).pathname}/edit?lang=de`);
    await checked.getByLabel('Gründungsjahr').fill('19x8');
    await checked.getByRole('button', { name: 'Änderungen speichern' }).click();
    await checked.waitForLoadState();
    const violations = await accessibilityViolations(checked);
    expect(violations, `${errorPage}\n${describeViolations(violations)}`).toEqual([]);

    await page.getByLabel('Gründungsjahr').fill('1998');
    await page.getByLabel('Communitys').fill('türkeistämmig');
    await page.getByLabel('Räume').selectOption('shared');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.waitForURL((url) => url.search === '?done=saved');
    expect(await page.getByRole('status').first().textContent()).toContain('Die Änderungen sind gespeichert.');
    const main = await page.textContent('main');
    expect(main).toContain('1998');
    expect(main).toContain('geteilte Räume');
    expect(main).toContain('bearbeitet: Gründungsjahr, Communitys, Räume');
  });
});
