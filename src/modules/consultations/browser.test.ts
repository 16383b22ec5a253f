import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, describeViolations, startBrowserTest, type BrowserTest } from '../../../test/browser.js';
import { createAccount } from '../identity/index.js';
import { addOrganisationScopes } from '../identity/index.js';
import { importRecords } from '../imports/index.js';
import { findOrganisationIds } from '../organisations/index.js';
import { normaliseName } from '../names/index.js';

const organisation = 'Deutsch-Türkischer Kulturverein Gießen e.V.';
const password = 'a long enough password';

describe('consultation requests in Chromium', () => {
  let test: BrowserTest;
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    await createAccount(db, { email: 'staff@example.org', role: 'staff', password });
    const representative = await createAccount(db, { email: 'ayse@example.org', role: 'representative', password, displayName: 'Ayşe Yılmaz' });
    await importRecords(db, 'organizations', [{ org_key: 'dtkv', name: organisation }]);
    const organisationId = (await findOrganisationIds(db, [normaliseName(organisation)])).get(normaliseName(organisation))!;
    await addOrganisationScopes(db, representative.id, [organisationId]);
  });
  afterAll(async () => test?.close());

  const checkAxe = async (page: Page) => {
    const violations = await accessibilityViolations(page);
    expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
  };
  /** A signed-in page (JavaScript on only for axe: the pages carry none); a phone-sized window for the representative. */
  async function signedIn(browser: Browser, email: string, next: string, mobile = false) {
    const context = await browser.newContext({ bypassCSP: true, locale: 'de-DE', ...(mobile ? { viewport: { width: 360, height: 740 } } : {}) });
    const page = await context.newPage();
    await page.goto(`${test.baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort').fill(password);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === next);
    return page;
  }

  it('a representative requests a consultation on a phone; staff take it over and log it; every page passes axe', async () => {
    const representative = await signedIn(test.browser, 'ayse@example.org', '/my/consultation-requests', true);
    await checkAxe(representative);
    await representative.getByRole('link', { name: 'Neue Beratung anfragen' }).click();
    await representative.getByRole('button', { name: 'Anfrage senden' }).click();
    expect(await representative.locator('.mosaik-error-summary').textContent()).toContain('Themen: Wählen Sie mindestens ein Thema.');
    await checkAxe(representative);
    // one organisation: chosen already
    expect(await representative.getByLabel(organisation).isChecked()).toBe(true);
    await representative.getByLabel('Vereinsrecht').check();
    await representative.getByLabel('Fördermöglichkeiten').check();
    await representative.getByRole('radio', { name: 'Telefon' }).check();
    await representative.getByLabel('Passende Zeiten').fill('Abends ab 18 Uhr');
    await representative.getByLabel('Nachricht').fill('Wir möchten unsere Satzung ändern.');
    await representative.getByLabel('Telefonnummer').fill('0641 987654');
    await representative.getByRole('button', { name: 'Anfrage senden' }).click();
    await representative.waitForURL((url) => url.pathname === '/my/consultation-requests');
    expect(await representative.textContent('main')).toContain('Danke! Ihre Anfrage ist angekommen.');
    await checkAxe(representative);
    await representative.getByRole('link', { name: new RegExp(organisation.replace(/\./g, '\\.')) }).click();
    expect(await representative.textContent('main')).toContain('Abends ab 18 Uhr');
    await checkAxe(representative);

    const staff = await signedIn(test.browser, 'staff@example.org', '/consultations');
    await staff.getByRole('link', { name: 'Beratungsanfragen (1 offen)' }).click();
    await checkAxe(staff);
    await staff.getByRole('row', { name: /Ayşe Yılmaz/ }).getByRole('link').click();
    await staff.getByRole('button', { name: 'Übernehmen (mir zuweisen)' }).click();
    expect(await staff.textContent('main')).toContain('Sie haben die Anfrage übernommen.');
    await checkAxe(staff);
    await staff.getByRole('button', { name: 'Anfrage ablehnen' }).click();
    expect(await staff.locator('.mosaik-error-summary').textContent()).toContain('Nachricht an die anfragende Person: Bitte ausfüllen');
    await checkAxe(staff);
    await staff.getByRole('link', { name: 'Als Beratung erfassen' }).click();
    await checkAxe(staff);
    expect(await staff.getByLabel('Beratene Personen').inputValue()).toBe('Ayşe Yılmaz');
    expect(await staff.getByLabel('Vereinsrecht').isChecked()).toBe(true);
    await staff.getByLabel('Dauer in Minuten').fill('40');
    await staff.getByRole('button', { name: 'Beratung speichern' }).click();
    await staff.waitForURL((url) => /^\/consultations\/\d+$/.test(url.pathname));
    const detail = await staff.textContent('main');
    expect(detail).toContain('Die Beratung ist gespeichert.');
    expect(detail).toContain('Vereinsrecht, Fördermöglichkeiten');
    await checkAxe(staff);

    await representative.reload();
    expect(await representative.textContent('main')).toContain('Erledigt');
    await representative.goto(`${test.baseUrl}/my/consultation-requests/new?lang=en`);
    await checkAxe(representative);
  });
});
