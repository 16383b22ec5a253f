import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisationScopes, createAccount } from '../src/modules/identity/index.js';
import { loadMicroprojectDemo } from '../src/modules/microprojects/index.js';
import { accessibilityViolations, describeViolations, signIn, startBrowserTest, type BrowserTest } from './browser.js';
import { organisation } from './factories.js';

/**
 * A representative finds their association's micro-project on "Mein Bereich"
 * and keeps its receipts on a 390 px phone, in Turkish, without JavaScript: a bad amount is named in
 * Turkish, a good receipt appears in the list; every page passes axe, also in
 * Arabic (right to left).
 */
describe('a representative keeps receipts on a phone', () => {
  let test: BrowserTest;
  let projectId: number;
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    await loadMicroprojectDemo(db);
    const { id: organisationId } = await organisation(db, { name: 'Türkischer Frauenverein Gießen', district: 'Gießen' });
    const representative = await createAccount(db, { email: 'vorstand@example.org', role: 'representative', password: 'a long enough password' });
    await addOrganisationScopes(db, representative.id, [organisationId]);
    await createAccount(db, { email: 'beratung@example.org', role: 'staff', password: 'a long enough password' });
    const project = await db
      .insertInto('microproject')
      .values({ organisation_id: organisationId, title: 'Nähcafé', year: 2019, stage: 'running', approved_on: '2019-02-15', starts_on: '2019-03-01', ends_on: '2019-12-31', planned_project_costs_cents: 250_000, planned_minijob_cents: 405_000, minijob_monthly_hours: 45, minijob_monthly_pay_cents: 45_000 })
      .returning('id')
      .executeTakeFirstOrThrow();
    projectId = project.id;
  }, 120_000);
  afterAll(async () => test?.close());

  it('enters a receipt in Turkish, with an error named in Turkish first', async () => {
    const context = await test.browser.newContext({ bypassCSP: true, locale: 'tr-TR', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, test.baseUrl, 'vorstand@example.org', 'a long enough password');
    // "Mein Bereich" lists the association's projects: the way in
    await page.goto(`${test.baseUrl}/my?lang=tr`);
    await page.locator('#microprojects').getByRole('link', { name: 'Nähcafé' }).click();
    await page.waitForURL((url) => url.pathname === `/microprojects/${projectId}`);
    await page.getByRole('link', { name: /Makbuzlar \(0\)/ }).click();
    await page.waitForURL((url) => url.pathname === `/microprojects/${projectId}/receipts`);

    await page.getByLabel('Ödeme tarihi').fill('2019-04-05');
    await page.getByLabel('Alıcı').fill('Kumaşçı Yılmaz');
    await page.getByLabel('Amaç', { exact: true }).fill('Kumaş');
    await page.getByLabel('Tutar').fill('-30');
    await page.getByRole('button', { name: 'Makbuzu kaydet' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.mosaik-error-summary').textContent()).toContain("Tutar: tutar 0'dan büyük olmalı.");

    await page.getByLabel('Tutar').fill('89,90');
    await page.getByLabel('Nerede saklanıyor').fill('Dernek klasörü');
    await page.getByRole('button', { name: 'Makbuzu kaydet' }).click();
    await page.waitForURL((url) => url.search.includes('done=receipt'));
    const main = await page.textContent('main');
    expect(main).toContain('Makbuz kaydedildi.');
    expect(main).toContain('Kumaşçı Yılmaz');
    expect(main).toContain('1 makbuz');

    // axe runs as a script: a second phone with JavaScript, signed in as the same representative
    const checkedContext = await test.browser.newContext({ bypassCSP: true, locale: 'tr-TR', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await checkedContext.addCookies(await context.cookies());
    const checked = await checkedContext.newPage();
    await checked.goto(`${test.baseUrl}/microprojects/${projectId}/receipts?lang=tr`);
    await checked.getByLabel('Tutar').fill('abc');
    await checked.getByRole('button', { name: 'Makbuzu kaydet' }).click();
    await checked.waitForLoadState();
    let violations = await accessibilityViolations(checked);
    expect(violations, `receipt form with errors\n${describeViolations(violations)}`).toEqual([]);
    for (const path of [`/microprojects/${projectId}/receipts?lang=tr`, `/microprojects/${projectId}?lang=tr`, '/microprojects?lang=tr', `/microprojects/${projectId}/receipts?lang=ar`, `/microprojects/${projectId}?lang=ar`, `/microprojects/${projectId}?lang=de`, '/my?lang=tr', '/my?lang=ar']) {
      await checked.goto(test.baseUrl + path);
      violations = await accessibilityViolations(checked);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
      const width = await checked.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(width, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    await checkedContext.close();
    await context.close();
  });

  it('gives staff the overview, the record form with its errors, the stage form, the rules, the list of tags and the analysis, each passing axe', async () => {
    const page = await test.newPage();
    await signIn(page, test.baseUrl, 'beratung@example.org', 'a long enough password');
    await page.goto(`${test.baseUrl}/microprojects/new`);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.mosaik-error-summary').textContent()).toContain('Titel: bitte ausfüllen.');
    let violations = await accessibilityViolations(page);
    expect(violations, `record form with errors\n${describeViolations(violations)}`).toEqual([]);
    for (const path of ['/microprojects', `/microprojects/${projectId}`, `/microprojects/${projectId}/edit?lang=en`, '/microprojects/rules', `/microprojects/${projectId}/sachbericht`, '/microprojects/tags', '/microprojects/analysis?year=2019']) {
      await page.goto(test.baseUrl + path);
      violations = await accessibilityViolations(page);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
    }
  });
});
