import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addOrganisationScopes, createAccount } from '../src/modules/identity/index.js';
import { accessibilityViolations, describeViolations, signIn, startBrowserTest, type BrowserTest } from './browser.js';
import { organisation } from './factories.js';

/**
 * The language switch in Chromium on a 390 px phone (docs/languages.md): a
 * representative switches to Arabic in the header; every page after that is
 * Arabic, right to left, axe-clean and no wider than the phone, without
 * ?lang= in any address; on another device the account brings Arabic back.
 */
describe('a representative switches to Arabic, on a phone', () => {
  let test: BrowserTest;
  const email = 'vorstand.kassel@example.org';
  const password = 'a long enough password';
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    const own = await organisation(db, { name: 'Syrischer Kulturverein Kassel', district: 'Kassel' });
    const representative = await createAccount(db, { email, role: 'representative', password });
    await addOrganisationScopes(db, representative.id, [own.id]);
  });
  afterAll(async () => test?.close());

  async function phone(): Promise<Page> {
    const page = await test.newPage({ locale: 'de-DE' });
    await page.setViewportSize({ width: 390, height: 844 });
    return page;
  }
  async function checkArabic(page: Page) {
    expect(await page.getAttribute('html', 'lang'), page.url()).toBe('ar');
    expect(await page.getAttribute('html', 'dir'), page.url()).toBe('rtl');
    const violations = await accessibilityViolations(page);
    expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${page.url()} is wider than the phone`).toBeLessThanOrEqual(0);
  }

  it('keeps Arabic on every page after the switch, and on the next device', async () => {
    const page = await phone();
    await signIn(page, test.baseUrl, email, password);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    const switcher = await accessibilityViolations(page);
    expect(switcher, describeViolations(switcher)).toEqual([]);
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.waitForURL((url) => url.pathname === '/my');
    await checkArabic(page);
    for (const path of ['/my/claim', '/account', '/my/consultation-requests/new', '/pinboard', '/microprojects', '/my/data']) {
      await page.goto(`${test.baseUrl}${path}`);
      expect(page.url()).not.toContain('lang=');
      await checkArabic(page);
    }

    const otherDevice = await phone();
    await otherDevice.goto(`${test.baseUrl}/sign-in`);
    expect(await otherDevice.getAttribute('html', 'lang')).toBe('de');
    await otherDevice.getByLabel('E-Mail-Adresse').fill(email);
    await otherDevice.getByLabel('Passwort').fill(password);
    await otherDevice.keyboard.press('Enter');
    await otherDevice.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await checkArabic(otherDevice);
    // and back to German with the same switch
    await otherDevice.getByRole('button', { name: 'Deutsch' }).click();
    await otherDevice.waitForURL((url) => url.pathname === '/my');
    expect(await otherDevice.getAttribute('html', 'lang')).toBe('de');
  }, 180_000);
});
