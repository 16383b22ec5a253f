import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/modules/identity/index.js';
import { accessibilityViolations, describeViolations, startBrowserTest, type BrowserTest } from './browser.js';

/*
 * An event from registration to the door, as the public and the centre's
 * staff see it: capacity 2 and at most 2 persons per organisation. Two
 * persons of one association take both seats, a third from another association
 * waits; one of the first cancels with the link from the confirmation mail,
 * the waiting person moves up; staff read the four mails in the outbox and
 * check the promoted person in on the tablet view.
 */

const staff = { email: 'einlass@example.org', password: 'a long enough password' };

async function expectAccessible(page: Page) {
  const violations = await accessibilityViolations(page);
  expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
}

/** Fills the public form and sends it; ends on the manage page behind the confirmation link. */
async function registerPublicly(test: BrowserTest, page: Page, eventId: number, language: string, form: { organisation: string; email: string; persons: string[] }) {
  await page.goto(`${test.baseUrl}/events/${eventId}/register?lang=${language}`);
  expect(await page.getAttribute('html', 'lang')).toBe(language);
  await expectAccessible(page);
  await page.fill('#organisation', form.organisation);
  await page.fill('#email', form.email);
  for (const [index, name] of form.persons.entries()) await page.fill(`#person_${index}`, name);
  await page.locator(`form[action="/events/${eventId}/register"] button[type="submit"]`).click();
  await page.waitForURL((url) => url.pathname.startsWith('/registrations/') && url.searchParams.get('registered') === '1');
  await expectAccessible(page);
}

describe('registration, waitlist, promotion and check-in in Chromium', () => {
  let test: BrowserTest;
  let eventId: number;
  beforeAll(async () => {
    test = await startBrowserTest();
    await createAccount(test.database.db, { email: staff.email, role: 'staff', password: staff.password });
    const event = await test.database.db
      .insertInto('event')
      .values({ event_key: 'B1', title: 'Regionales Netzwerktreffen Kassel', format: 'regional_network_meeting', start_date: '2030-06-20', starts_at: '17:30', place: 'Kulturzentrum Schlachthof', municipality: 'Kassel', district: null, capacity: 2, per_org_limit: 2, feedback_form_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    eventId = event.id;
  });
  afterAll(async () => test?.close());

  const statuses = async () =>
    Object.fromEntries((await test.database.db.selectFrom('registration').select(['person_name', 'status']).where('event_id', '=', eventId).execute()).map((row) => [row.person_name, row.status]));

  it('registers, waitlists, promotes after a cancellation, shows the mails and checks in', async () => {
    const visitor = await test.newPage();
    await registerPublicly(test, visitor, eventId, 'de', { organisation: 'Afrikanischer Frauenverein Kassel', email: 'vorstand@frauenverein.example', persons: ['Grace Mensah', 'Yaa Asante'] });
    await expect(visitor.getByRole('status').first().textContent()).resolves.toContain('Vielen Dank! Sie sind angemeldet');
    await expect(visitor.locator('#cancel tbody').textContent()).resolves.toContain('angemeldet');
    expect(await statuses()).toEqual({ 'Grace Mensah': 'registered', 'Yaa Asante': 'registered' });

    const other = await test.newPage({ locale: 'ar' });
    await registerPublicly(test, other, eventId, 'ar', { organisation: 'Syrischer Kulturverein Kassel', email: 'info@kulturverein.example', persons: ['Omar Haddad'] });
    expect(await other.getAttribute('html', 'dir')).toBe('rtl');
    expect((await statuses())['Omar Haddad']).toBe('waitlisted');

    // the manage link, as the association reads it in its confirmation mail
    const confirmation = await test.database.db.selectFrom('mail_outbox').select('text_body').where('kind', '=', 'registration.confirmation').where('to_address', '=', 'vorstand@frauenverein.example').executeTakeFirstOrThrow();
    const link = /https?:\/\/\S+\/registrations\/[A-Za-z0-9_-]+/.exec(confirmation.text_body)![0];
    await visitor.goto(`${test.baseUrl}${new URL(link).pathname}?lang=de`);
    await expectAccessible(visitor);
    await visitor.getByLabel('Yaa Asante absagen').check();
    await visitor.getByRole('button', { name: 'Ausgewählte Personen absagen' }).click();
    await visitor.waitForURL((url) => url.searchParams.get('cancelled') === '1');
    await expectAccessible(visitor);
    expect(await statuses()).toEqual({ 'Grace Mensah': 'registered', 'Yaa Asante': 'cancelled', 'Omar Haddad': 'promoted' });

    const desk = await test.newPage();
    await desk.goto(`${test.baseUrl}/sign-in?lang=de`);
    await desk.getByLabel('E-Mail-Adresse').fill(staff.email);
    await desk.getByLabel('Passwort').fill(staff.password);
    await desk.getByRole('button', { name: 'Anmelden' }).click();
    await desk.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    await desk.goto(`${test.baseUrl}/outbox`);
    await expectAccessible(desk);
    const mails = desk.locator('table[data-table="outbox"] tbody tr');
    const kinds = await mails.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kind')));
    expect(kinds).toEqual(['registration.promotion', 'registration.cancellation', 'registration.waitlist', 'registration.confirmation']);
    await expect(desk.locator('tr[data-kind="registration.promotion"]').textContent()).resolves.toContain('info@kulturverein.example');
    await desk.locator('tr[data-kind="registration.promotion"] a').click();
    await desk.waitForURL((url) => /^\/outbox\/\d+$/.test(url.pathname));
    await expectAccessible(desk);
    await expect(desk.locator('[data-mail-text]').textContent()).resolves.toContain('Omar Haddad');

    await desk.goto(`${test.baseUrl}/events/${eventId}/registrations`);
    await expectAccessible(desk);
    // the row actions unfold without JavaScript; their forms are checked unfolded too
    await desk.getByText('Abmelden …: Grace Mensah').click();
    await expect(desk.getByLabel('Grund der Abmeldung (Grace Mensah, freiwillig)').isVisible()).resolves.toBe(true);
    await desk.locator('details').evaluateAll((all) => all.forEach((details) => ((details as HTMLDetailsElement).open = true)));
    await expectAccessible(desk);
    await desk.goto(`${test.baseUrl}/events/${eventId}/sign-in-sheet`);
    await expectAccessible(desk);
    await expect(desk.locator('table tbody').textContent()).resolves.toContain('Omar Haddad');
    // printed: no page header or links, the table's header row repeats on every page
    await desk.emulateMedia({ media: 'print' });
    expect(await desk.locator('header.mosaik-header').isVisible()).toBe(false);
    expect(await desk.locator('table thead').evaluate((head) => getComputedStyle(head).display)).toBe('table-header-group');
    await expect(desk.locator('h1').textContent()).resolves.toBe('Unterschriftenliste: Regionales Netzwerktreffen Kassel');
    await desk.emulateMedia({ media: 'screen' });

    // the check-in on a tablet held upright
    await desk.setViewportSize({ width: 768, height: 1024 });
    await desk.goto(`${test.baseUrl}/events/${eventId}/check-in`);
    await expectAccessible(desk);
    await desk.getByLabel('Person oder Organisation suchen').fill('omar');
    await desk.getByRole('button', { name: 'Suchen' }).click();
    await desk.waitForURL((url) => url.searchParams.get('q') === 'omar');
    expect(await desk.locator('li[data-registration]').count()).toBe(1);
    const present = desk.getByRole('button', { name: 'Anwesend: Omar Haddad' });
    expect((await present.boundingBox())!.height).toBeGreaterThanOrEqual(56); // a large tap target (sign-in-sheet.css)
    await present.click();
    await desk.waitForURL((url) => url.searchParams.has('checked'));
    await expect(desk.getByRole('status').first().textContent()).resolves.toContain('Omar Haddad ist als anwesend eingetragen.');
    await expectAccessible(desk);
    expect((await statuses())['Omar Haddad']).toBe('attended');
    const participations = await test.database.db.selectFrom('participation').select(['person_name', 'source']).where('event_id', '=', eventId).execute();
    expect(participations).toEqual([{ person_name: 'Omar Haddad', source: 'checkin' }]);
  }, 240_000); // a whole story in Chromium: registration, waitlist, promotion, mails, check-in
});
