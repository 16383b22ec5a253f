import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAccount } from '../identity/index.js';
import { accessibilityViolations, describeViolations, signIn, startBrowserTest, type BrowserTest } from '../../../test/browser.js';
import { fixWegweiserClock } from './clock.test-support.js';
import { confirmedService } from './fixtures.test-support.js';

/*
 * The public Wegweiser in Chromium on a 390 px phone, without JavaScript:
 * search, an entry in Arabic and its Leichte Sprache summary, the printable
 * brochure; axe (WCAG 2.1 AA) on every page, in German and Arabic.
 */

describe('the Wegweiser in Chromium', () => {
  let test: BrowserTest;
  let id: string;
  beforeAll(async () => {
    fixWegweiserClock(new Date('2026-03-02T10:00:00Z'));
    test = await startBrowserTest();
    id = await confirmedService(test.database.db, '2026-01-15');
    await confirmedService(test.database.db, '2025-06-20', { name: 'Anerkennungsberatung Kassel', areas: ['Kassel'], locations: [], easyRead: null, translations: {} });
  }, 60_000);
  afterAll(async () => {
    fixWegweiserClock(null);
    await test?.close();
  });

  async function phone(): Promise<Page> {
    const context = await test.browser.newContext({ bypassCSP: true, locale: 'de-DE', javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true });
    return context.newPage();
  }
  async function expectAccessible(page: Page) {
    const context = await test.browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true });
    const checked = await context.newPage();
    await checked.goto(page.url());
    const violations = await accessibilityViolations(checked);
    await context.close();
    expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
  }
  const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  it('searches with a typo on a phone without JavaScript; the overdue entry comes last and says so', async () => {
    const page = await phone();
    await page.goto(`${test.baseUrl}/wegweiser?lang=de`);
    await page.getByLabel('Suchbegriff').fill('Migrazionsberatung');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.waitForURL(/q=Migrazionsberatung/);
    const results = page.getByRole('list', { name: 'Suchergebnisse' });
    await expect(results.textContent()).resolves.toContain('Migrationsberatung Gießen');
    await expect(results.textContent()).resolves.toContain('zuletzt bestätigt am 15. Januar 2026');
    await noSidewaysScroll(page);
    await expectAccessible(page);
    await page.goto(`${test.baseUrl}/wegweiser?lang=de`);
    const text = (await page.textContent('main'))!;
    expect(text.indexOf('Migrationsberatung Gießen')).toBeLessThan(text.indexOf('Anerkennungsberatung Kassel'));
    expect(text).toContain('nicht bestätigt seit 20. Juni 2025');
    await expectAccessible(page);
  });

  it('shows an entry in Arabic, right to left, and its Leichte Sprache summary one click away', async () => {
    const page = await phone();
    await page.goto(`${test.baseUrl}/wegweiser?lang=ar`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'استشارات الهجرة في غيسن', exact: true }).click();
    await page.waitForURL(`**/wegweiser/${id}?lang=ar`);
    expect(await page.textContent('h1')).toBe('استشارات الهجرة في غيسن');
    await noSidewaysScroll(page);
    await expectAccessible(page);
    await page.getByRole('link', { name: /Leichte Sprache/ }).first().click();
    await page.waitForURL(`**/wegweiser/${id}/leichte-sprache?lang=ar`);
    expect(await page.textContent('main')).toContain('Wir helfen Ihnen.');
    await expectAccessible(page);
  });

  it('prints the district brochure: header and links hidden, each entry with its confirmation date', async () => {
    const page = await phone();
    await page.goto(`${test.baseUrl}/wegweiser/brochure?district=Landkreis%20Gie%C3%9Fen&lang=de`);
    await expectAccessible(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form.mosaik-no-print').isVisible()).toBe(false);
    expect(await page.textContent('main')).toContain('zuletzt bestätigt am 15. Januar 2026');
    const pdf = await page.request.get(`${test.baseUrl}/wegweiser/brochure.pdf?district=Landkreis%20Gie%C3%9Fen`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
  });

  it('gives staff the entry form with an error summary, the list and the freshness overview, all accessible', async () => {
    await createAccount(test.database.db, { email: 'redaktion@example.org', role: 'staff', password: 'a long enough password' });
    const page = await test.newPage();
    await signIn(page, test.baseUrl, 'redaktion@example.org', 'a long enough password');
    await page.goto(`${test.baseUrl}/wegweiser/manage`);
    expect(await page.textContent('main')).toContain('Migrationsberatung Gießen');
    await expectAccessibleSignedIn(page);
    await page.goto(`${test.baseUrl}/wegweiser/manage/new`);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('Name des Angebots: Geben Sie einen Namen ein.');
    await expectAccessibleSignedIn(page);
    await page.goto(`${test.baseUrl}/wegweiser/manage/${id}`);
    expect(await page.textContent('main')).toContain('Änderungsverlauf');
    await expectAccessibleSignedIn(page);
    await page.goto(`${test.baseUrl}/wegweiser/manage/freshness`);
    await expectAccessibleSignedIn(page);
  });

  async function expectAccessibleSignedIn(page: Page) {
    const violations = await accessibilityViolations(page);
    expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
  }
});
