import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/modules/identity/index.js';
import { importRecords } from '../src/modules/imports/index.js';
import { accessibilityViolations, describeViolations, startBrowserTest, type BrowserTest } from './browser.js';

describe('the consultation log in Chromium', () => {
  let test: BrowserTest;
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    await createAccount(db, { email: 'staff@example.org', role: 'staff', password: 'a long enough password' });
    await importRecords(db, 'organizations', [{ org_key: 'dtkv', name: 'Deutsch-Türkischer Kulturverein Gießen e.V.', aliases: 'DTKV' }]);
  });
  afterAll(async () => test?.close());

  it('logs a consultation through the form without JavaScript, shows it in the list and on the profile; every page passes axe', async () => {
    const page = await (await test.browser.newContext({ bypassCSP: true, locale: 'de-DE', javaScriptEnabled: false })).newPage();
    await page.goto(`${test.baseUrl}/sign-in?next=/consultations`);
    await page.getByLabel('E-Mail-Adresse').fill('staff@example.org');
    await page.getByLabel('Passwort').fill('a long enough password');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/consultations');
    expect(await page.getByRole('link', { name: 'Beratungen' }).count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Beratung erfassen' }).click();
    await page.getByRole('button', { name: 'Beratung speichern' }).click();
    expect(await page.locator('.mosaik-error-summary').textContent()).toContain('Organisation: Bitte ausfüllen.');

    await page.getByLabel('Datum der Beratung').fill('2024-03-15');
    await page.getByLabel('Organisation', { exact: true }).fill('DTKV');
    await page.getByLabel('Beratene Personen').fill('Ayşe Yılmaz');
    await page.getByLabel('Weg', { exact: true }).selectOption('in_person');
    await page.getByLabel('Vereinsrecht').check();
    await page.getByLabel('Dauer in Minuten').fill('60');
    await page.getByLabel('Ergebnis').fill('Satzungsänderung vorbereitet');
    await page.getByRole('button', { name: 'Beratung speichern' }).click();
    await page.waitForURL((url) => /^\/consultations\/\d+$/.test(url.pathname));
    const detailPath = new URL(page.url()).pathname;
    const detail = await page.textContent('main');
    expect(detail).toContain('Die Beratung ist gespeichert.');
    expect(detail).toContain('Vereinsrecht');

    await page.goto(`${test.baseUrl}/consultations`);
    const list = await page.textContent('main');
    expect(list).toContain('1 Beratung gefunden.');
    expect(list).toContain('Deutsch-Türkischer Kulturverein Gießen e.V.');
    await page.getByRole('link', { name: 'Deutsch-Türkischer Kulturverein Gießen e.V.' }).click();
    await page.waitForURL((url) => /^\/organisations\/\d+$/.test(url.pathname));
    expect(await page.textContent('main')).toContain('15.03.2024: Beratung – persönlich, Vereinsrecht, 60 Minuten');

    const checked = await test.newPage();
    await checked.context().addCookies(await page.context().cookies());
    for (const path of ['/consultations', '/consultations?lang=en', '/consultations/new', detailPath, `${detailPath}/edit?lang=en`, '/consultations/follow-ups', '/consultations/topics']) {
      await checked.goto(test.baseUrl + path);
      const violations = await accessibilityViolations(checked);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
    }
    await checked.goto(`${test.baseUrl}/consultations/new?lang=de`);
    await checked.getByRole('button', { name: 'Beratung speichern' }).click();
    await checked.waitForLoadState();
    const violations = await accessibilityViolations(checked);
    expect(violations, `form with errors\n${describeViolations(violations)}`).toEqual([]);
  });
});
