import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAccount } from '../src/modules/identity/index.js';
import { importRecords } from '../src/modules/imports/index.js';
import { accessibilityViolations, describeViolations, signIn, startBrowserTest, type BrowserTest } from './browser.js';

/**
 * The organisation pick list (src/ui/pick-list.tsx) in Chromium: live
 * suggestions chosen by keyboard with JavaScript, the "Meinten Sie …?" step
 * without it; axe on both.
 */
describe('the organisation pick list in Chromium', () => {
  let test: BrowserTest;
  const known = 'Deutsch-Türkischer Kulturverein Gießen e.V.';
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    await createAccount(db, { email: 'staff@example.org', role: 'staff', password: 'a long enough password' });
    await importRecords(db, 'organizations', [
      { org_key: 'dtkv', name: known, aliases: 'DTKV' },
      { org_key: 'kvw', name: 'Kulturverein Wetzlar' },
    ]);
  });
  afterAll(async () => test?.close());

  const organisationCount = async () => Number((await test.database.db.selectFrom('organisation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const linkedOrganisation = async (page: Page) => {
    const id = Number(/\/consultations\/(\d+)$/.exec(new URL(page.url()).pathname)![1]);
    const row = await test.database.db.selectFrom('consultation').innerJoin('organisation', 'organisation.id', 'consultation.organisation_id').select('organisation.name').where('consultation.id', '=', id).executeTakeFirstOrThrow();
    return row.name;
  };
  const fillTheRest = async (page: Page, day: string) => {
    await page.getByLabel('Datum der Beratung').fill(day);
    await page.getByLabel('Weg', { exact: true }).selectOption('phone');
    await page.getByLabel('Vereinsrecht').check();
  };

  it('suggests as you type; a suggestion is picked with the arrow keys and Enter, and the page passes axe', async () => {
    const page = await test.newPage();
    await signIn(page, test.baseUrl, 'staff@example.org', 'a long enough password');
    await page.goto(`${test.baseUrl}/consultations/new`);
    const field = page.getByRole('combobox', { name: 'Organisation' });
    await expect.poll(() => field.count()).toBe(1);
    await field.pressSequentially('kulturver', { delay: 30 });
    const options = page.getByRole('listbox', { name: 'Organisation' }).getByRole('option');
    await expect.poll(() => options.count(), { timeout: 10_000 }).toBe(2);
    expect(await field.getAttribute('aria-expanded')).toBe('true');
    const open = await accessibilityViolations(page);
    expect(open, `suggestions open\n${describeViolations(open)}`).toEqual([]);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const active = await field.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true');
    const wanted = (await page.locator(`[id="${active}"]`).textContent())!;
    await page.keyboard.press('Enter');
    expect(await field.getAttribute('aria-expanded')).toBe('false');
    expect(wanted.startsWith(await field.inputValue())).toBe(true);
    expect(await page.locator('input[name="organisation_id"]').inputValue()).toMatch(/^\d+$/);
    // Escape closes the list without choosing
    await field.fill('');
    await field.pressSequentially('Wetzl', { delay: 30 });
    await expect.poll(() => options.count(), { timeout: 10_000 }).toBe(1);
    await page.keyboard.press('Escape');
    expect(await field.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('input[name="organisation_id"]').inputValue()).toBe('');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await field.inputValue()).toBe('Kulturverein Wetzlar');

    const before = await organisationCount();
    await fillTheRest(page, '2024-04-02');
    await page.getByRole('button', { name: 'Beratung speichern' }).click();
    await page.waitForURL((url) => /^\/consultations\/\d+$/.test(url.pathname));
    expect(await linkedOrganisation(page)).toBe('Kulturverein Wetzlar');
    expect(await organisationCount()).toBe(before);
    const saved = await accessibilityViolations(page);
    expect(saved, describeViolations(saved)).toEqual([]);
  }, 120_000);

  it('without JavaScript, a typo brings "Meinten Sie …?"; choosing the candidate links it and creates nothing', async () => {
    const page = await (await test.browser.newContext({ bypassCSP: true, locale: 'de-DE', javaScriptEnabled: false })).newPage();
    await signIn(page, test.baseUrl, 'staff@example.org', 'a long enough password');
    await page.goto(`${test.baseUrl}/consultations/new`);
    expect(await page.locator('#organisation').getAttribute('role')).toBeNull(); // a plain text field without the script
    const before = await organisationCount();
    await page.getByLabel('Organisation', { exact: true }).fill('Deutsch-Türkischer Kulturverien Giesen');
    await fillTheRest(page, '2024-04-03');
    await page.getByRole('button', { name: 'Beratung speichern' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.mosaik-error-summary').textContent()).toContain('ist nicht im Verzeichnis');
    const question = page.getByRole('group', { name: 'Meinten Sie …?' });
    expect(await question.getByRole('radio').count()).toBeGreaterThanOrEqual(2);
    expect(await question.getByLabel('Neue Organisation „Deutsch-Türkischer Kulturverien Giesen“ anlegen').count()).toBe(1);
    expect(await organisationCount()).toBe(before);

    await question.getByLabel(known, { exact: false }).first().check();
    await page.getByRole('button', { name: 'Beratung speichern' }).click();
    await page.waitForURL((url) => /^\/consultations\/\d+$/.test(url.pathname));
    expect(await linkedOrganisation(page)).toBe(known);
    expect(await organisationCount()).toBe(before);

    // axe needs JavaScript: the same search step in a page that runs scripts
    const checked = await test.newPage();
    await checked.context().addCookies(await page.context().cookies());
    await checked.goto(`${test.baseUrl}/consultations/new`);
    await checked.getByRole('combobox', { name: 'Organisation' }).fill('Elternverein Fuldda');
    await fillTheRest(checked, '2024-04-04');
    await checked.getByRole('button', { name: 'Beratung speichern' }).click();
    await checked.waitForLoadState();
    expect(await checked.getByRole('group', { name: 'Neue Organisation anlegen?' }).count()).toBe(1);
    const asked = await accessibilityViolations(checked);
    expect(asked, `search step\n${describeViolations(asked)}`).toEqual([]);
    expect(await organisationCount()).toBe(before);
  }, 120_000);
});
