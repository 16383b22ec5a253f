import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAccount } from '../src/modules/identity/index.js';
import { accessibilityViolations, describeViolations, signIn, startBrowserTest, type BrowserTest } from './browser.js';
import { event, organisation } from './factories.js';

/**
 * Staffing a dialogue forum from the pool in Chromium on a tablet (768 px):
 * staff take a moderator into the pool with her consent (the form without
 * the consent first: the summary names the field), find her in the pool,
 * book her for the forum from the proposals and record a next step. axe on
 * every page; no page is wider than the tablet.
 */
describe('a dialogue forum staffed from the pool, on a tablet', () => {
  let test: BrowserTest;
  let forumId: number;
  const password = 'a long enough password';
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    await organisation(db, { name: 'Türkischer Elternverein Kassel', district: 'Kassel' });
    forumId = (await event(db, { format: 'dialogue_forum', title: 'Dialogforum Verwaltung und Vereine Kassel', startDate: '2030-05-04', district: 'Kassel' })).id;
    await createAccount(db, { email: 'projekt@example.org', role: 'staff', password });
  });
  afterAll(async () => test?.close());

  async function tablet(): Promise<Page> {
    const page = await test.newPage();
    await page.setViewportSize({ width: 768, height: 1024 });
    return page;
  }
  async function check(page: Page, name: string) {
    const violations = await accessibilityViolations(page);
    expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${page.url()} is wider than the tablet`).toBeLessThanOrEqual(0);
    if (process.env.MOSAIK_SCREENSHOTS) await page.screenshot({ path: `${process.env.MOSAIK_SCREENSHOTS}/experts-${name}.png`, fullPage: true });
  }

  it('takes a moderator in with consent, books her and records a next step', async () => {
    const page = await tablet();
    await signIn(page, test.baseUrl, 'projekt@example.org', password);
    await page.goto(`${test.baseUrl}/experts/new`);
    await check(page, 'form');
    await page.getByLabel('Art', { exact: true }).selectOption('moderator');
    await page.getByLabel('Name', { exact: true }).fill('Aylin Demir');
    await page.getByRole('checkbox', { name: 'Moderation' }).check();
    await page.getByRole('checkbox', { name: 'Türkisch' }).check();
    await page.getByRole('checkbox', { name: 'Kassel' }).check();
    await page.getByLabel('Einwilligung erteilt über').selectOption('paper');
    await page.getByRole('button', { name: 'In den Pool aufnehmen' }).click();
    // no consent day: the summary names the field, the typed name stays
    await expect(page.getByText('Einwilligung erteilt am: Ohne festgehaltene Einwilligung kommt niemand in den Pool.').first().isVisible()).resolves.toBe(true);
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Aylin Demir');
    await check(page, 'form-error');
    await page.getByLabel('Einwilligung erteilt am').fill('2030-01-10');
    await page.getByRole('button', { name: 'In den Pool aufnehmen' }).click();
    await page.waitForURL(/\/experts\/\d+\?done=created/, { timeout: 8000 }).catch(async (error) => {
      throw new Error(`${error}\n${page.url()}\n${(await page.locator('main').textContent())?.slice(0, 1500)}`);
    });
    await check(page, 'entry');

    await page.goto(`${test.baseUrl}/experts?language=tr`);
    await check(page, 'pool');
    expect(await page.getByRole('link', { name: 'Aylin Demir' }).count()).toBe(1);

    await page.goto(`${test.baseUrl}/experts/forums/${forumId}?topic=moderation&language=tr`);
    await check(page, 'forum');
    await page.getByRole('button', { name: 'Aylin Demir einsetzen als Moderation' }).click();
    await page.waitForURL(/done=booked/);
    expect(await page.locator('[data-booked]').count()).toBe(1);
    await check(page, 'forum-booked');

    await page.getByLabel('Art des Ergebnisses').selectOption('next_step');
    await page.getByLabel('Text', { exact: true }).fill('Raumliste an alle Vereine schicken');
    await page.getByLabel('Verantwortlich').fill('Stadt Kassel, Integrationsbüro');
    await page.getByLabel('Bis', { exact: true }).fill('2030-06-01');
    await page.getByRole('button', { name: 'Ergebnis speichern' }).click();
    await page.waitForURL(/done=outcome/);
    expect(await page.locator('[data-outcomes="next_step"]').textContent()).toContain('Stadt Kassel, Integrationsbüro');
    await check(page, 'forum-outcome');
  });
});
