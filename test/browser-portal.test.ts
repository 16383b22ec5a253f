import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAccount } from '../src/modules/identity/index.js';
import { loadPortalDemo } from '../src/modules/portal/index.js';
import { saveNewsPost } from '../src/modules/portal/index.js';
import { accessibilityViolations, describeViolations, signIn, startBrowserTest, type BrowserTest } from './browser.js';

/*
 * The portal's public pages on a 390 px phone in German and Arabic: every
 * request the browser makes goes to Mosaik itself (no fonts, scripts or maps
 * from elsewhere), nothing is wider than the screen, and axe finds no WCAG
 * 2.1 AA violation. Then the staff pages that write them.
 */
describe('portal in Chromium', () => {
  let test: BrowserTest;
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    await loadPortalDemo(db, { today: '2026-03-02' });
    const account = await createAccount(db, { email: 'redaktion@example.org', role: 'staff', password: 'a long enough password' });
    await saveNewsPost(db, { accountId: account.id }, { postId: null, language: 'de' }, { title: 'Neue Förderrunde der WIR-Mikroprojekte', summary: 'Anträge bis zum 31. März', body: '<p>Jetzt bewerben.</p>', publishedOn: '2020-03-01' });
  }, 120_000);
  afterAll(async () => test?.close());

  async function phonePage(locale: string) {
    const context = await test.browser.newContext({ bypassCSP: true, locale, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).host !== new URL(test.baseUrl).host) foreign.push(request.url());
    });
    return { page, foreign };
  }

  async function expectGood(page: Page) {
    const violations = await accessibilityViolations(page);
    expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
    const { scrolled, screen } = await page.evaluate(() => ({ scrolled: document.documentElement.scrollWidth, screen: window.innerWidth }));
    expect(scrolled, `${page.url()} is wider than the screen`).toBeLessThanOrEqual(screen);
  }

  const publicPaths = ['/', '/angebote', '/ueber-uns', '/kontakt', '/impressum', '/datenschutz', '/barrierefreiheit', '/aktuelles'];

  for (const language of ['de', 'ar'] as const) {
    it(`shows the public pages in ${language} on a phone, all from Mosaik itself, accessible`, async () => {
      const { page, foreign } = await phonePage(language === 'de' ? 'de-DE' : 'ar');
      for (const path of publicPaths) {
        const response = await page.goto(`${test.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${language}`);
        expect(response?.status(), path).toBe(200);
        expect(await page.getAttribute('html', 'dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
        await expectGood(page);
      }
      await page.getByRole('link', { name: /Neue Förderrunde/ }).click();
      await page.waitForURL(/\/aktuelles\/\d+/);
      await expectGood(page);
      expect(foreign, 'requests to other hosts').toEqual([]);
    }, 120_000);
  }

  it('a visitor reports a barrier on the phone; the error summary names the empty field first', async () => {
    const { page } = await phonePage('de-DE');
    await page.goto(`${test.baseUrl}/barrierefreiheit?lang=de`);
    await page.getByRole('button', { name: 'Meldung senden' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('Beschreiben Sie bitte die Barriere.');
    await expectGood(page);
    await page.getByLabel('Welche Barriere haben Sie bemerkt?').fill('Die Schrift im Kalender ist sehr klein.');
    await page.getByRole('button', { name: 'Meldung senden' }).click();
    await page.waitForURL(/gemeldet=1/);
    expect(await page.textContent('main')).toContain('Danke! Ihre Meldung ist bei uns angekommen');
  }, 60_000);

  it('staff see the translation status, edit a page, preview and publish it', async () => {
    const page = await test.newPage();
    await signIn(page, test.baseUrl, 'redaktion@example.org', 'a long enough password');
    await page.goto(`${test.baseUrl}/admin/pages`);
    await expectGood(page);
    // the demo's English home page is one German edit behind
    expect(await page.getAttribute('tr[data-page="home"] a[data-language="en"] [data-status]', 'data-status')).toBe('outdated');
    await page.goto(`${test.baseUrl}/admin/pages/about/de`);
    await expectGood(page);
    await page.getByLabel('Text', { exact: true }).fill('Wir sind das Kompetenzzentrum.\n\nUnser Team berät Vereine.');
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await page.waitForURL(/saved=2/);
    await page.getByRole('link', { name: 'Vorschau ansehen' }).click();
    expect(await page.textContent('main')).toContain('Unser Team berät Vereine.');
    await expectGood(page);
    await page.goBack();
    await page.getByRole('button', { name: 'Version 2 veröffentlichen' }).click();
    await page.waitForURL(/published=2/);
    await page.goto(`${test.baseUrl}/admin/barriers`);
    await expectGood(page);
    await page.goto(`${test.baseUrl}/admin/news`);
    await expectGood(page);
  }, 120_000);
});
