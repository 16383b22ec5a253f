import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, signIn, describeViolations, startBrowserTest, type BrowserTest } from '../../../test/browser.js';
import { createAccount } from '../identity/index.js';
import { importRecords } from '../imports/index.js';

const password = 'a long enough password';
const organisations = ['Afrika Forum Kassel', 'Eritreischer Verein Frankfurt', 'Polnischer Elternverein Wiesbaden'];

describe('the evaluator and the audit view in Chromium', () => {
  let test: BrowserTest;
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    await createAccount(db, { email: 'evaluator@example.org', role: 'evaluator', password });
    await createAccount(db, { email: 'admin@example.org', role: 'admin', password });
    await importRecords(db, 'organizations', organisations.map((name, index) => ({ org_key: `o${index}`, name, district: 'Kassel', legal_form: 'ev', founded_year: '1994' })));
    await importRecords(db, 'events', [{ event_key: 'rv', title: 'Regionales Vernetzungstreffen', format: 'regional_network_meeting', start_date: '2019-02-01' }]);
    await importRecords(db, 'participants', organisations.map((organization, index) => ({ event_key: 'rv', organization, person: `Mitglied Nummer ${index}` })));
    await importRecords(db, 'consultations', [{ date: '2019-03-04', organization: organisations[0], channel: 'phone', topic: 'application', duration_minutes: '30' }]);
  }, 60_000);
  afterAll(async () => test?.close());

  const check = async (page: Page, url: string) => {
    await page.goto(`${test.baseUrl}${url}`);
    expect(describeViolations(await accessibilityViolations(page)), url).toBe('');
    return page.content();
  };

  it('shows the evaluator pseudonyms only, on pages without accessibility violations', async () => {
    const page = await test.newPage();
    await signIn(page, test.baseUrl, 'evaluator@example.org', password);
    await check(page, '/evaluation');
    const list = await check(page, '/evaluation/organisations');
    expect(list).toMatch(/O-[0-9A-Z]{8}/);
    // founding periods, never the decade or year (k-anonymity, src/modules/evaluation/anonymity.ts)
    expect(list).not.toContain('1990er');
    await page.getByRole('link', { name: /^O-/ }).first().click();
    await page.waitForURL(/\/evaluation\/organisations\/O-/);
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    const participations = await check(page, '/evaluation/participations?lang=en');
    expect(participations).toMatch(/P-[0-9A-Z]{8}/);
    for (const html of [list, participations, await page.content()]) {
      for (const name of [...organisations, 'Mitglied Nummer']) expect(html).not.toContain(name);
    }
  });

  it('shows admins the audit log without accessibility violations', async () => {
    const page = await test.newPage();
    await signIn(page, test.baseUrl, 'admin@example.org', password);
    await page.goto(`${test.baseUrl}/organisations`);
    await page.getByRole('link', { name: organisations[0] }).click();
    const audit = await check(page, '/admin/audit?kind=reads');
    expect(audit).toContain('organisation.read');
    expect(audit).toContain('admin@example.org');
    await check(page, '/admin/audit?from=2019-02-30&lang=en');
  });
});
