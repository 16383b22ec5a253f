import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/modules/identity/index.js';
import { accessibilityViolations, describeViolations, startBrowserTest, type BrowserTest } from './browser.js';

describe('the foundation in Chromium', () => {
  let test: BrowserTest;
  beforeAll(async () => {
    test = await startBrowserTest();
    await createAccount(test.database.db, { email: 'staff@example.org', role: 'staff', password: 'a long enough password' });
  });
  afterAll(async () => test?.close());

  it('shows the start and sign-in pages without accessibility violations, in German and English', async () => {
    const page = await test.newPage();
    for (const path of ['/', '/sign-in', '/sign-in?lang=en', '/no-such-page']) {
      await page.goto(test.baseUrl + path);
      const violations = await accessibilityViolations(page);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
    }
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it('signs in with the keyboard only and shows an error summary for a wrong password', async () => {
    const page = await test.newPage();
    await page.goto(`${test.baseUrl}/sign-in?lang=de`);
    await page.getByLabel('E-Mail-Adresse').fill('staff@example.org');
    await page.getByLabel('Passwort').fill('wrong password');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('E-Mail-Adresse oder Passwort stimmen nicht');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Passwort').fill('a long enough password');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    expect(await page.textContent('header')).toContain('staff@example.org');
  });
});
