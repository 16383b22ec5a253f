import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAccount } from '../src/modules/identity/index.js';
import { loadFaqDemo } from '../src/modules/faq/index.js';
import { loadMaterialsDemo } from '../src/modules/materials/index.js';
import { accessibilityViolations, describeViolations, signIn, startBrowserTest, type BrowserTest } from './browser.js';

/*
 * The handout library and the FAQ in Chromium on a 390 px phone, in German
 * and in right-to-left Arabic: no sideways scrolling, no axe violations
 * (WCAG 2.1 AA), the FAQ's search and "did this help?" as plain forms;
 * and the staff page of a handout with its PDF check.
 */
describe('handouts and FAQ in Chromium', () => {
  let test: BrowserTest;
  beforeAll(async () => {
    test = await startBrowserTest();
    await loadMaterialsDemo(test.database.db);
    await loadFaqDemo(test.database.db, '2026-03-02');
    await createAccount(test.database.db, { email: 'staff@example.org', role: 'staff', password: 'a long enough password' });
  });
  afterAll(async () => test?.close());

  async function expectFitsAndAccessible(page: Page) {
    const widths = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(widths.document, page.url()).toBeLessThanOrEqual(widths.viewport);
    const violations = await accessibilityViolations(page);
    expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
  }

  async function phone(locale: string) {
    const context = await test.browser.newContext({ bypassCSP: true, locale, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    return context.newPage();
  }

  for (const lang of ['de', 'ar'] as const) {
    it(`shows the library, a handout and the FAQ on a phone in ${lang}`, async () => {
      const page = await phone(lang === 'ar' ? 'ar' : 'de-DE');
      await page.goto(`${test.baseUrl}/handouts?lang=${lang}`);
      expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(await page.textContent('main')).toContain('Handout Antragsschulung');
      expect(await page.textContent('main')).toMatch(/PDF · \d+/);
      await expectFitsAndAccessible(page);

      await page.selectOption('#topic', 'reporting');
      await page.locator('main form button[type=submit]').click();
      await page.waitForURL(/topic=reporting/);
      expect(await page.textContent('main')).toContain('Verwendungsnachweis');
      expect(await page.textContent('main')).not.toContain('Antragsschulung');

      await page.locator('main [data-material] h3 a').first().click();
      await page.waitForURL(/\/handouts\/\d+/);
      await expectFitsAndAccessible(page);

      await page.goto(`${test.baseUrl}/faq?lang=${lang}`);
      await expectFitsAndAccessible(page);
      await page.fill('#q', 'Steuerbrater');
      await page.locator('main form[role=search] button').click();
      await page.waitForURL(/q=Steuerbrater/);
      expect(await page.textContent('main')).toContain('Steuerberatungsbüro');
      await expectFitsAndAccessible(page);

      await page.locator('main [data-faq] summary').first().click();
      await page.locator('main [data-faq] .kern-accordion__body a').first().click();
      await page.waitForURL(/\/faq\/\d+/);
      await expectFitsAndAccessible(page);
      await page.check('#helpful-no');
      await page.fill('#question', lang === 'ar' ? 'هل يشمل ذلك الحساب السنوي؟' : 'Gilt das auch für die Jahresabrechnung?');
      await page.locator('main form button[type=submit]').click();
      await page.waitForURL(/thanks=1/);
      await expectFitsAndAccessible(page);
      await page.context().close();
    });
  }

  it('shows staff the failed PDF check of an untagged demo handout', async () => {
    const page = await test.newPage();
    await signIn(page, test.baseUrl, 'staff@example.org', 'a long enough password');
    await page.goto(`${test.baseUrl}/materials`);
    await expectFitsAndAccessible(page);
    await page.getByRole('link', { name: 'Handout Umsetzungsschulung: Nach dem Bewilligungsbescheid' }).click();
    await page.waitForURL(/\/materials\/\d+$/);
    expect(await page.getAttribute('[data-pdf-check]', 'data-pdf-check')).toBe('failed');
    await expectFitsAndAccessible(page);
    await page.goto(`${test.baseUrl}/staff/faq/questions`);
    expect(await page.textContent('main')).toContain('Gilt das auch für die Jahresabrechnung?');
    await expectFitsAndAccessible(page);
  });
});
