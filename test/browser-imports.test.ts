import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/modules/identity/index.js';
import { accessibilityViolations, describeViolations, startBrowserTest, type BrowserTest } from './browser.js';

/*
 * A staff member imports an events list and its attendance list through the
 * web interface, as in the centre's daily work. The steps are small functions
 * so that later tests (the dashboard after the import) can continue from here.
 */

const staff = { email: 'imports@example.org', password: 'a long enough password' };

// As German Excel saves "CSV (Trennzeichen-getrennt)": semicolons, Windows-1252.
const windows1252 = (lines: string[]) => iconv.encode(`${lines.join('\r\n')}\r\n`, 'windows-1252');

const eventsList = windows1252([
  'event_key;title;format;start_date;organizer;municipality',
  'ev-2024-03-15;Regionales Netzwerktreffen Gießen;regional_network_meeting;15.03.2024;centre;Gießen',
  'ev-2024-05-04;Landesnetzwerktreffen Frankfurt;state_network_meeting;04.05.2024;;Frankfurt am Main',
]);
const participantList = windows1252([
  'event_key;organization;person;email',
  'ev-2024-03-15;Deutsch-Türkischer Kulturverein Gießen e.V.;Ayse Yilmaz;',
  'ev-2024-03-15;DEUTSCH TÜRKISCHER KULTURVEREIN GIESSEN E. V.;Mehmet Öztürk;',
  'ev-2024-05-04;Afrikanischer Frauenverein Kassel;Grace Mensah;grace@example.org',
  'ev-2024-05-04;;Jörg Müller;',
]);

async function expectAccessible(page: Page) {
  const violations = await accessibilityViolations(page);
  expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
}

async function signIn(test: BrowserTest, page: Page) {
  await page.goto(`${test.baseUrl}/sign-in?lang=de`);
  await page.getByLabel('E-Mail-Adresse').fill(staff.email);
  await page.getByLabel('Passwort').fill(staff.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Chooses the kind and the file on /imports and sends the form; ends on the preview. */
async function uploadList(test: BrowserTest, page: Page, kindLabel: string, file: { name: string; bytes: Buffer }) {
  await page.goto(`${test.baseUrl}/imports`);
  await expectAccessible(page);
  await page.getByRole('radio', { name: new RegExp(`^${kindLabel}`) }).check();
  await page.getByLabel('Datei (CSV oder Excel-Arbeitsmappe .xlsx)').setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: file.bytes });
  await page.getByRole('button', { name: 'Datei prüfen' }).click();
  await page.waitForURL((url) => /^\/imports\/[\w-]+$/.test(url.pathname));
  await expectAccessible(page);
}

/** Confirms the preview; ends on /imports with the success message. */
async function confirmImport(page: Page) {
  await page.getByRole('button', { name: 'Jetzt übernehmen' }).click();
  await page.waitForURL((url) => url.pathname === '/imports' && url.searchParams.has('done'));
  await expectAccessible(page);
}

/** One figure of the dashboard's reach table for 2024, read as a reader sees it. */
async function reachFigure(test: BrowserTest, page: Page, label: string) {
  await page.goto(`${test.baseUrl}/dashboard?from=2024-01-01&to=2024-12-31`);
  await expectAccessible(page);
  const row = page.locator('table[data-table="reach"] tbody tr', { hasText: label });
  return (await row.locator('td').last().textContent())?.trim();
}

/** The preview's count for one key (rows, created, updated, unchanged, matched, newOrganisationCount). */
const previewCount = async (page: Page, key: string) => Number(await page.locator(`[data-count="${key}"]`).textContent());

describe('importing lists in Chromium', () => {
  let test: BrowserTest;
  beforeAll(async () => {
    test = await startBrowserTest();
    await createAccount(test.database.db, { email: staff.email, role: 'staff', password: staff.password });
  });
  afterAll(async () => test?.close());

  it('uploads an events list and an attendance list, previews, confirms and shows the history', async () => {
    const page = await test.newPage();
    await signIn(test, page);

    await uploadList(test, page, 'Veranstaltungen', { name: 'Veranstaltungen 2024.csv', bytes: eventsList });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Vorschau: Veranstaltungen 2024.csv');
    expect(await previewCount(page, 'rows')).toBe(2);
    expect(await previewCount(page, 'created')).toBe(2);
    await confirmImport(page);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('2 Zeilen: 2 neu angelegt, 0 geändert, 0 unverändert.');

    expect(await reachFigure(test, page, 'Teilnahmen von Personen')).toBe('0');
    expect(await reachFigure(test, page, 'Erreichte Organisationen')).toBe('0');

    await uploadList(test, page, 'Teilnahmelisten', { name: 'Teilnahme Gießen.csv', bytes: participantList });
    expect(await previewCount(page, 'created')).toBe(4);
    expect(await previewCount(page, 'newOrganisationCount')).toBe(2);
    const newOrganisations = page.getByRole('table', { name: 'Neue Organisationen und die Zeilen, in denen sie stehen' });
    await expect(newOrganisations.textContent()).resolves.toContain('Deutsch-Türkischer Kulturverein Gießen e.V.');
    await expect(newOrganisations.textContent()).resolves.toContain('Afrikanischer Frauenverein Kassel');
    await confirmImport(page);
    const success = await page.getByRole('status').first().textContent();
    expect(success).toContain('Import gespeichert: Teilnahme Gießen.csv');
    expect(success).toContain('2 neue Organisationen wurden angelegt und zur Prüfung vorgemerkt.');
    expect(await page.getByRole('link', { name: 'Zur Prüfliste Organisationen' }).getAttribute('href')).toBe('/organisations/review');

    const history = page.getByRole('table', { name: 'Die letzten 20 Importe, neueste zuerst' });
    const rows = await history.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Teilnahme Gießen.csv');
    expect(rows[1]).toContain('Veranstaltungen 2024.csv');

    await page.goto(`${test.baseUrl}/imports?lang=en`);
    await expectAccessible(page);
    await page.goto(`${test.baseUrl}/imports?lang=de`);

    // the dashboard now counts the attendance list: 4 persons, 2 organisations
    // (the two spellings of the Kulturverein are one organisation)
    expect(await reachFigure(test, page, 'Teilnahmen von Personen')).toBe('4');
    expect(await reachFigure(test, page, 'Erreichte Organisationen')).toBe('2');
    expect(await reachFigure(test, page, 'Veranstaltungen des Kompetenzzentrums')).toBe('2');
  });

  it('shows the rejected rows of a faulty list with an error summary and no way to confirm', async () => {
    const page = await test.newPage();
    await signIn(test, page);
    const faulty = windows1252(['event_key;title;format;start_date', 'ev-2024-09-02;Werkstatt;workshop;02.09.2024']);
    await uploadList(test, page, 'Veranstaltungen', { name: 'fehlerhaft.csv', bytes: faulty });
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('1 Problem in der Datei: es wird nichts gespeichert');
    const problems = page.getByRole('table', { name: 'Probleme in fehlerhaft.csv' });
    await expect(problems.locator('tbody tr').first().textContent()).resolves.toMatch(/^2format/);
    expect(await page.getByRole('button', { name: 'Jetzt übernehmen' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Korrigierte Datei hochladen' }).click();
    await page.waitForURL((url) => url.pathname === '/imports');
    expect(await page.getByRole('radio', { name: /^Veranstaltungen/ }).isChecked()).toBe(true);
  });
});
