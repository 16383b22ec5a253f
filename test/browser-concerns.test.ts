import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { recordNeed } from '../src/modules/concerns/index.js';
import { createAccount } from '../src/modules/identity/index.js';
import { currentChecklist, saveAnswers, startCheck, submitCheck } from '../src/modules/selfcheck/index.js';
import { accessibilityViolations, describeViolations, signIn, startBrowserTest, type BrowserTest } from './browser.js';
import { organisation } from './factories.js';

/**
 * Needs and concerns in Chromium: staff open the log, an entry, carry a
 * concern to the ministry with the answer, and record needs from a
 * Vereins-Check's result; the funder reads the log without names; the
 * public page lists what came of the concerns in Arabic (right to left) on a
 * phone. axe on every page; no page is wider than the phone.
 */
describe('the needs and concerns log in the browser', () => {
  let test: BrowserTest;
  let concernId: number;
  let checkId: number;
  const password = 'a long enough password';
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    const kassel = await organisation(db, { name: 'Kulturverein Anadolu Kassel', district: 'Kassel' });
    const staff = await createAccount(db, { email: 'zentrum@example.org', role: 'staff', password });
    await createAccount(db, { email: 'ministerium@example.org', role: 'funder', password });
    concernId = await recordNeed(db, {
      kind: 'concern', title: 'Steuerberatungskosten sollen förderfähig werden', topic: 'funding_rules', raisedOn: '2018-02-01', district: 'Kassel',
      organisationIds: [kassel.id], source: { kind: 'other' }, isPublic: true, publicWording: 'Kosten für Steuerberatung sollen gefördert werden.',
    }, staff.id);
    await recordNeed(db, { title: 'Fortbildung zur Buchhaltung', topic: 'application', raisedOn: '2018-02-01', organisationIds: [kassel.id], source: { kind: 'other' } }, staff.id);
    const items = (await currentChecklist(db)).items;
    ({ id: checkId } = await startCheck(db, { organisationId: kassel.id, accountId: staff.id, token: 'browser-concerns-check-token', withAdviser: true, consultationId: null }));
    await saveAnswers(db, checkId, items.map((item, index) => ({ itemKey: item.key, answer: index < 2 ? 'not_yet' : 'done', note: index === 0 ? 'Wir kennen kaum andere Vereine' : null })));
    await submitCheck(db, checkId, staff.id, new Date('2031-02-20T10:00:00Z'), '2031-02-20');
  });
  afterAll(async () => test?.close());

  async function phone(): Promise<Page> {
    const page = await test.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    return page;
  }
  async function check(page: Page, name: string) {
    const violations = await accessibilityViolations(page);
    expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${page.url()} is wider than the phone`).toBeLessThanOrEqual(0);
    if (process.env.MOSAIK_SCREENSHOTS) await page.screenshot({ path: `${process.env.MOSAIK_SCREENSHOTS}/concerns-${name}.png`, fullPage: true });
  }

  it('staff carry a concern to the ministry, the funder reads it without names, the public sees the outcome in Arabic', async () => {
    const staff = await phone();
    await signIn(staff, test.baseUrl, 'zentrum@example.org', password);
    await staff.goto(`${test.baseUrl}/concerns?lang=de`);
    await check(staff, 'log');
    await staff.getByRole('link', { name: 'Steuerberatungskosten sollen förderfähig werden' }).click();
    await staff.waitForURL(new RegExp(`/concerns/${concernId}$`));
    await check(staff, 'entry');
    await staff.getByLabel('Stand').selectOption('forwarded');
    await staff.getByLabel('Weitergegeben am').fill('2018-03-06');
    await staff.getByRole('button', { name: 'Schritt festhalten' }).click();
    await staff.waitForURL(/saved=1/);
    await staff.getByLabel('Stand').selectOption('changed');
    await staff.getByLabel('Antwort des Ministeriums').fill('Ab 2019 sind Kosten der Steuerberatung förderfähig.');
    await staff.getByRole('button', { name: 'Schritt festhalten' }).click();
    await staff.waitForURL(/saved=1/);
    await check(staff, 'entry-changed');
    const state = await test.database.db.selectFrom('concern_entry').select(['state', 'forwarded_on']).where('id', '=', concernId).executeTakeFirstOrThrow();
    expect(state.state).toBe('changed');

    const funder = await phone();
    await signIn(funder, test.baseUrl, 'ministerium@example.org', password);
    await funder.goto(`${test.baseUrl}/concerns`);
    await check(funder, 'funder-log');
    expect(await funder.content()).not.toContain('Kulturverein Anadolu Kassel');
    expect(await funder.content()).not.toContain('Fortbildung zur Buchhaltung');

    const visitor = await phone();
    await visitor.goto(`${test.baseUrl}/sie-haben-gesagt?lang=ar`);
    expect(await visitor.getAttribute('html', 'dir')).toBe('rtl');
    await check(visitor, 'public-ar');
    const page = await visitor.content();
    expect(page).toContain('Kosten für Steuerberatung sollen gefördert werden.');
    expect(page).not.toContain('Kulturverein Anadolu Kassel');
  });

  it("staff record needs from a Vereins-Check's open items and find them in the log", async () => {
    const staff = await phone();
    await signIn(staff, test.baseUrl, 'zentrum@example.org', password);
    await staff.goto(`${test.baseUrl}/selfcheck/checks/${checkId}?lang=de`);
    await check(staff, 'selfcheck-result');
    await staff.getByRole('button', { name: 'Als Bedarfe aufnehmen' }).click();
    await staff.waitForURL(/done=needs-2-0/);
    await check(staff, 'selfcheck-carried');
    await staff.locator('[data-carried] a').first().click();
    await staff.waitForURL(/\/concerns\/\d+$/);
    await check(staff, 'need-from-selfcheck');
    expect(await staff.content()).toContain('Wir kennen kaum andere Vereine');
  });
});
