import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, describeViolations, startBrowserTest, type BrowserTest } from '../../../test/browser.js';
import { createAccount } from '../identity/index.js';
import { importRecords } from '../imports/index.js';

describe('the people pages in Chromium', () => {
  let test: BrowserTest;
  beforeAll(async () => {
    test = await startBrowserTest();
    await createAccount(test.database.db, { email: 'staff@example.org', role: 'staff', password: 'a long enough password' });
    await importRecords(test.database.db, 'organizations', [{ org_key: 'dtkv', name: 'Deutsch-Türkischer Kulturverein Gießen e.V.', aliases: 'DTKV' }]);
  });
  afterAll(async () => test?.close());

  const checkAxe = async (page: Page) => {
    const violations = await accessibilityViolations(page);
    expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
  };

  it('adds a person with a role and a consent without JavaScript; every page passes axe', async () => {
    const page = await (await test.browser.newContext({ bypassCSP: true, locale: 'de-DE', javaScriptEnabled: false })).newPage();
    await page.goto(`${test.baseUrl}/sign-in?next=/people`);
    await page.getByLabel('E-Mail-Adresse').fill('staff@example.org');
    await page.getByLabel('Passwort').fill('a long enough password');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/people');

    await page.getByRole('link', { name: 'Person anlegen' }).click();
    await page.getByRole('button', { name: 'Person anlegen' }).click();
    expect(await page.locator('.mosaik-error-summary').textContent()).toContain('Vollständiger Name: Bitte ausfüllen.');
    await page.getByLabel('Vollständiger Name').fill('Ayşe Yılmaz');
    await page.getByLabel('E-Mail-Adresse').fill('ayse@example.org');
    await page.getByLabel('Bevorzugte Sprache').selectOption('tr');
    await page.getByRole('button', { name: 'Person anlegen' }).click();
    await page.waitForURL((url) => /^\/people\/\d+$/.test(url.pathname));
    expect(await page.textContent('main')).toContain('Die Person wurde angelegt.');

    await page.getByLabel('Organisation', { exact: true }).fill('DTKV');
    await page.getByLabel('Rolle', { exact: true }).selectOption('board');
    await page.getByRole('button', { name: 'Rolle hinzufügen' }).click();
    expect(await page.textContent('main')).toContain('Die Rolle wurde hinzugefügt.');

    await page.getByLabel('Einwilligungstext').selectOption('newsletter:2026-01');
    await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    expect(await page.locator('.mosaik-error-summary').textContent()).toContain('Erteilt über: Bitte ausfüllen.');
    await page.getByLabel('Erteilt am').fill('2026-02-01');
    await page.getByLabel('Erteilt über').selectOption('paper');
    await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    const main = await page.textContent('main');
    expect(main).toContain('erteilt am 01.02.2026 (Papier)');
    expect(main).toContain('Deutsch-Türkischer Kulturverein Gießen e.V.');
    const personPath = new URL(page.url()).pathname;

    await page.goto(`${test.baseUrl}/people?q=ayse`);
    expect(await page.textContent('main')).toContain('1 Person gefunden.');
    await page.goto(`${test.baseUrl}/people?lang=en`);
    await page.getByRole('link', { name: 'Ayşe Yılmaz' }).click();
    expect(await page.textContent('main')).toContain('given on 1 Feb 2026 (paper)');

    const withScript = await test.newPage();
    await withScript.context().addCookies(await page.context().cookies());
    for (const path of ['/people', '/people?q=ayse&lang=en', '/people/new', personPath, `${personPath}?lang=en`, `${personPath}/edit`]) {
      await withScript.goto(test.baseUrl + path);
      await checkAxe(withScript);
    }
    await withScript.goto(`${test.baseUrl}/people/new?lang=de`);
    await withScript.getByRole('button', { name: 'Person anlegen' }).click();
    await withScript.waitForLoadState();
    await checkAxe(withScript);
    await withScript.goto(test.baseUrl + personPath);
    await withScript.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    await withScript.waitForLoadState();
    expect(await withScript.locator('.mosaik-error-summary').textContent()).toContain('Einwilligungstext: Bitte ausfüllen.');
    await checkAxe(withScript);
  });
});
