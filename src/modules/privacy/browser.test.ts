import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, describeViolations, startBrowserTest, type BrowserTest } from '../../../test/browser.js';
import { createAccount } from '../identity/index.js';
import { personalTables } from './personal-data.js';
import { samples, seedPerson, testPerson, type Fixture } from './samples.test-support.js';

/*
 * The data protection pages in Chromium without JavaScript: an admin checks
 * the export, tries the erasure without a reason (error summary linking to the
 * field), erases, runs the retention dry run; every page passes axe.
 */

let test: BrowserTest;
let fixture: Fixture;

beforeAll(async () => {
  test = await startBrowserTest();
  const db = test.database.db;
  await createAccount(db, { email: 'admin@example.org', role: 'admin', password: 'a long enough password' });
  fixture = await seedPerson(db);
  for (const entry of personalTables()) await (samples[entry.table] ?? entry.sample)?.(db, fixture);
});
afterAll(async () => test?.close());

describe('data protection pages in Chromium', () => {
  it('export, erasure and retention work without JavaScript and pass axe', async () => {
    const page = await (await test.browser.newContext({ bypassCSP: true, locale: 'de-DE', javaScriptEnabled: false })).newPage();
    await page.goto(`${test.baseUrl}/sign-in?next=/privacy`);
    await page.getByLabel('E-Mail-Adresse').fill('admin@example.org');
    await page.getByLabel('Passwort').fill('a long enough password');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/privacy');

    const checked = await test.newPage();
    await checked.context().addCookies(await page.context().cookies());
    const pages = [
      '/privacy', '/privacy?lang=en', '/privacy/retention', '/privacy/retention?lang=en', '/privacy/retention/dry-run',
      `/people/${fixture.personId}/export`, `/people/${fixture.personId}/export?lang=en`, `/people/${fixture.personId}/erase`,
      `/organisations/${fixture.organisationId}/erase?lang=en`, '/my/data',
    ];
    for (const path of pages) {
      await checked.goto(test.baseUrl + path);
      const violations = await accessibilityViolations(checked);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
    }

    // the error page, checked with axe (which needs JavaScript in the checking page)
    await checked.goto(`${test.baseUrl}/people/${fixture.personId}/erase?lang=de`);
    await checked.getByRole('button', { name: 'Endgültig anonymisieren' }).click();
    await checked.waitForLoadState();
    const violations = await accessibilityViolations(checked);
    expect(violations, describeViolations(violations)).toEqual([]);

    await page.goto(`${test.baseUrl}/people/${fixture.personId}/erase`);
    await page.getByRole('button', { name: 'Endgültig anonymisieren' }).click();
    expect(await page.locator('.mosaik-error-summary').textContent()).toContain('Grund der Löschung: Geben Sie einen Grund');
    await page.getByLabel('Grund der Löschung (Pflichtfeld)').fill('Antrag per E-Mail vom 3. 3. 2026');
    await page.getByRole('button', { name: 'Endgültig anonymisieren' }).click();
    await page.waitForURL((url) => url.search === '?done=1');
    expect(await page.textContent('main')).toContain('Die Person wurde überall anonymisiert.');

    await page.goto(`${test.baseUrl}/people/${fixture.personId}/export`);
    expect(await page.textContent('main')).not.toContain(testPerson.email);

    await page.goto(`${test.baseUrl}/privacy/retention`);
    await page.getByRole('button', { name: 'Probelauf' }).click();
    await page.waitForURL((url) => url.pathname === '/privacy/retention/dry-run');
    expect(await page.textContent('main')).toContain('Nichts wurde geändert.');
  }, 240_000);
});
