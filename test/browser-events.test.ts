import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAccount } from '../src/modules/identity/index.js';
import { accessibilityViolations, describeViolations, startBrowserTest, type BrowserTest } from './browser.js';

describe('events in Chromium', () => {
  let test: BrowserTest;
  beforeAll(async () => {
    test = await startBrowserTest();
    await createAccount(test.database.db, { email: 'staff@example.org', role: 'staff', password: 'a long enough password' });
  });
  afterAll(async () => test?.close());

  async function expectAccessible(page: Page) {
    const violations = await accessibilityViolations(page);
    expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
  }

  it('staff create an event with the form; it shows in the list, the month and the public calendar', async () => {
    const page = await test.newPage();
    await page.goto(`${test.baseUrl}/sign-in?lang=de`);
    await page.getByLabel('E-Mail-Adresse').fill('staff@example.org');
    await page.getByLabel('Passwort').fill('a long enough password');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    await page.goto(`${test.baseUrl}/events`);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Neue Veranstaltung' }).click();
    await page.waitForURL('**/events/new');
    await expectAccessible(page);

    // first without a title: the error summary names the field
    await page.selectOption('#format', 'writing_workshop');
    await page.getByLabel('Datum').fill('2030-05-20');
    await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('Titel: Bitte geben Sie einen Titel ein.');
    await expectAccessible(page);

    await page.getByLabel('Titel').fill('Schreibwerkstatt für Anträge');
    await page.getByLabel('Beginn (Uhrzeit)').fill('18:00');
    await page.getByLabel('Ende (Uhrzeit)').fill('20:30');
    await page.getByLabel('Ort (Adresse, Raum)').fill('Stadtteilzentrum Mitte');
    await page.getByLabel('Landkreis / Bezirk').fill('Mitte');
    await page.getByLabel('Plätze', { exact: true }).fill('12');
    await page.getByLabel('Barrierefreiheit').fill('Ebenerdiger Zugang');
    await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
    await page.waitForURL(/\/events\/\d+\?created=1/);
    expect(await page.textContent('main')).toContain('Die Veranstaltung wurde angelegt.');
    await expectAccessible(page);
    const eventId = /\/events\/(\d+)/.exec(page.url())![1];

    await page.goto(`${test.baseUrl}/events/${eventId}/edit`);
    await expectAccessible(page);
    await page.goto(`${test.baseUrl}/events?format=writing_workshop`);
    expect(await page.textContent('main')).toContain('Schreibwerkstatt für Anträge');
    await page.goto(`${test.baseUrl}/events/calendar?month=2030-05`);
    expect(await page.textContent('table')).toContain('Schreibwerkstatt für Anträge');
    await expectAccessible(page);

    // a second event, cancelled: shown as cancelled on its page and in the public calendar
    await page.goto(`${test.baseUrl}/events/new`);
    await page.selectOption('#format', 'pr_training');
    await page.getByLabel('Titel').fill('Pressearbeit kompakt');
    await page.getByLabel('Datum').fill('2030-05-27');
    await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
    await page.waitForURL(/\/events\/\d+\?created=1/);
    await page.getByRole('button', { name: 'Absagen' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('Grund: Bitte geben Sie an');
    await expectAccessible(page);
    await page.getByLabel('Grund der Absage').fill('Referent erkrankt');
    await page.getByRole('button', { name: 'Absagen' }).click();
    await page.waitForURL(/\?cancelled=1/);
    expect(await page.textContent('main')).toContain('Die Veranstaltung wurde abgesagt.');
    await expectAccessible(page);

    const visitor = await test.newPage();
    await visitor.goto(`${test.baseUrl}/calendar`);
    expect(await visitor.textContent('main')).toContain('Schreibwerkstatt für Anträge');
    expect(await visitor.textContent('[data-event]:has-text("Pressearbeit kompakt")')).toContain('Abgesagt');
    await expectAccessible(visitor);
    await visitor.getByRole('link', { name: 'Schreibwerkstatt für Anträge' }).click();
    await visitor.waitForURL(`**/calendar/${eventId}?lang=de`);
    expect(await visitor.textContent('main')).toContain('12 von 12 Plätzen frei');
    await expectAccessible(visitor);

    await visitor.goto(`${test.baseUrl}/calendar?lang=ar`);
    expect(await visitor.getAttribute('html', 'dir')).toBe('rtl');
    expect(await visitor.textContent('h1')).toBe('تقويم الفعاليات');
    await expectAccessible(visitor);
    await visitor.goto(`${test.baseUrl}/calendar/${eventId}?lang=ar`);
    expect(await visitor.textContent('main')).toContain('سجّل الآن');
    await expectAccessible(visitor);
  });
});
