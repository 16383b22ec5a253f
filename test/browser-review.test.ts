import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/modules/identity/index.js';
import { importRecords } from '../src/modules/imports/index.js';
import { accessibilityViolations, describeViolations, startBrowserTest, type BrowserTest } from './browser.js';

describe('the organisation review queue in Chromium', () => {
  let test: BrowserTest;
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    await createAccount(db, { email: 'staff@example.org', role: 'staff', password: 'a long enough password' });
    await importRecords(db, 'organizations', [{ org_key: 'dtkv', name: 'Deutsch-Türkischer Kulturverein Giessen Verein' }]);
    await importRecords(db, 'events', [{ event_key: 'ev-1', title: 'Netzwerktreffen', format: 'regional_network_meeting', start_date: '2019-03-01' }]);
    await importRecords(db, 'participants', [
      { event_key: 'ev-1', organization: 'Deutsch Türkischer Kulturverein Gießen', person: 'Mehmet Demir' },
      { event_key: 'ev-1', organization: 'Nachbarschaftshilfe Fulda', person: 'Eva Roth' },
    ]);
  });
  afterAll(async () => test?.close());

  it('shows the queue and the merge confirmation without accessibility violations, and merges without JavaScript', async () => {
    const page = await (await test.browser.newContext({ bypassCSP: true, locale: 'de-DE', javaScriptEnabled: false })).newPage();
    await page.goto(`${test.baseUrl}/sign-in?next=/organisations/review`);
    await page.getByLabel('E-Mail-Adresse').fill('staff@example.org');
    await page.getByLabel('Passwort').fill('a long enough password');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/organisations/review');
    expect(await page.textContent('main')).toContain('Nachbarschaftshilfe Fulda');

    // axe needs scripts: check each page in a script-enabled context with the same session
    const checked = await test.newPage();
    await checked.context().addCookies(await page.context().cookies());
    for (const path of ['/organisations/review', '/organisations/review?lang=en']) {
      await checked.goto(test.baseUrl + path);
      const violations = await accessibilityViolations(checked);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
    }

    await page.getByRole('button', { name: /Zusammenführen in „Deutsch-Türkischer Kulturverein Giessen Verein“/ }).click();
    await page.waitForURL((url) => url.pathname === '/organisations/review/merge');
    await checked.goto(page.url() + '&lang=de');
    const violations = await accessibilityViolations(checked);
    expect(violations, describeViolations(violations)).toEqual([]);

    await page.getByRole('button', { name: 'Jetzt zusammenführen' }).click();
    await page.waitForURL((url) => url.search === '?done=merged');
    expect(await page.getByRole('status').first().textContent()).toContain('Die Organisationen sind zusammengeführt.');
    expect(await page.textContent('main')).not.toContain('Deutsch Türkischer Kulturverein Gießen');
  });
});
