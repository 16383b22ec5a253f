import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, createTestApp, csrfFrom, type TestApp } from '../../../test/app.js';
import { account } from '../../../test/factories.js';
import { fixWegweiserClock } from './clock.test-support.js';
import { sendDueChecks } from './commands/checks.js';
import { confirmedService } from './fixtures.test-support.js';
import { loadWegweiserDemo } from './demo.js';

/*
 * The Wegweiser's pages through HTTP (no browser): the public search and
 * entry in several languages, the brochure as HTML and PDF, the assurer's
 * link, the staff form with its error summary, coordinators' districts, and
 * suggestions. The clock is fixed (clock.test-support.ts).
 */

const now = new Date('2026-03-02T10:00:00Z');
let test: TestApp;
let ids: { giessen: string; overdue: string };

beforeAll(async () => {
  fixWegweiserClock(now);
  test = await createTestApp();
  ids = {
    giessen: await confirmedService(test.database.db, '2026-01-15'),
    overdue: await confirmedService(test.database.db, '2025-06-20', { name: 'Anerkennungsberatung Kassel', areas: ['Kassel'], assurerEmail: 'rp.kassel@beispiel.example',
      locations: [{ name: null, address_1: 'Am Alten Stadtschloss 1', postal_code: '34117', city: 'Kassel', latitude: 51.3127, longitude: 9.4797, transportation: null, accessibility: null }] }),
  };
}, 60_000);
afterAll(async () => {
  fixWegweiserClock(null);
  await test?.close();
});

const page = (url: string, headers: Record<string, string> = {}) => test.app.inject({ method: 'GET', url, headers });

describe('the public Wegweiser', () => {
  it('finds by topic, district, language and free text with a typo, overdue entries last and marked', async () => {
    const all = await page('/wegweiser?lang=de');
    expect(all.statusCode).toBe(200);
    expect(all.body.indexOf('Migrationsberatung Gießen')).toBeLessThan(all.body.indexOf('Anerkennungsberatung Kassel'));
    expect(all.body).toContain('zuletzt bestätigt am 15. Januar 2026');
    expect(all.body).toContain('nicht bestätigt seit 20. Juni 2025');
    expect((await page('/wegweiser?q=Migrazionsberatung')).body).toContain('Migrationsberatung Gießen');
    const kassel = await page('/wegweiser?district=Kassel');
    expect(kassel.body).toContain('Anerkennungsberatung Kassel');
    expect(kassel.body).not.toContain('Migrationsberatung Gießen');
    expect((await page('/wegweiser?language=ar&topic=migrationsberatung')).body).toContain('Gießen');
  });

  it('puts the nearest first for a postcode, and says when a postcode does not exist', async () => {
    const nearKassel = await page('/wegweiser?postcode=34117');
    // overdue still last, but distance shown
    expect(nearKassel.body).toMatch(/km entfernt/);
    const unknown = await page('/wegweiser?postcode=99999&lang=en');
    expect(unknown.body).toContain('We do not know the postcode 99999');
  });

  it('shows an entry in Arabic, right to left, with the Leichte Sprache summary one click away', async () => {
    const arabic = await page(`/wegweiser/${ids.giessen}?lang=ar`);
    expect(arabic.statusCode).toBe(200);
    expect(arabic.body).toContain('dir="rtl"');
    expect(arabic.body).toContain('استشارات الهجرة في غيسن');
    expect(arabic.body).toContain(`/wegweiser/${ids.giessen}/leichte-sprache?lang=ar`);
    const easy = await page(`/wegweiser/${ids.giessen}/leichte-sprache?lang=ar`);
    expect(easy.body).toContain('Wir helfen Ihnen.');
    expect(easy.body).toContain('lang="de"');
  });

  it('prints a brochure per district as HTML and as a PDF', async () => {
    const html = await page('/wegweiser/brochure?district=Landkreis%20Gie%C3%9Fen');
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('Wegweiser – Landkreis Gießen');
    expect(html.body).toContain('Migrationsberatung Gießen');
    expect(html.body).not.toContain('Anerkennungsberatung Kassel');
    const pdf = await page('/wegweiser/brochure.pdf?district=Landkreis%20Gie%C3%9Fen');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the assurer’s link', () => {
  it('confirms in one click without an account, and explains a link used twice', async () => {
    await sendDueChecks(test.database.db, now, 'http://localhost');
    const mail = await test.database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'rp.kassel@beispiel.example').executeTakeFirstOrThrow();
    const path = /\/wegweiser\/check\/[A-Za-z0-9_-]+/.exec(mail.text_body)![0];
    const form = await page(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Anerkennungsberatung Kassel');
    const cookie = cookiesOf(form);
    const confirmed = await test.app.inject({ method: 'POST', url: `${path}/confirm`, headers: { cookie }, payload: { _csrf: csrfFrom(form.body) } });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Danke für Ihre Bestätigung');
    const again = await test.app.inject({ method: 'POST', url: `${path}/confirm?lang=en`, headers: { cookie }, payload: { _csrf: csrfFrom(form.body) } });
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('This link has already been used');
    expect((await page(`/wegweiser/${ids.overdue}`)).body).toContain('zuletzt bestätigt am 2. März 2026');
  });
});

describe('the staff pages', () => {
  it('saves a new entry, and shows an error summary naming the field when input is wrong', async () => {
    const staff = await account(test, 'staff');
    const headers = { cookie: staff.cookie };
    const form = await page('/wegweiser/manage/new', headers);
    expect(form.statusCode).toBe(200);
    const bad = await test.app.inject({ method: 'POST', url: '/wegweiser/manage/new', headers, payload: { _csrf: staff.csrfToken, organization: 'Stelle', name: '', status: 'active', latitude: '52.5', longitude: '13.4', postal_code: '35390' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#name"');
    expect(bad.body).toContain('Name des Angebots: Geben Sie einen Namen ein.');
    expect(bad.body).toContain('liegen nicht in Hessen');
    const good = await test.app.inject({ method: 'POST', url: '/wegweiser/manage/new', headers, payload: { _csrf: staff.csrfToken, organization: 'Stelle', name: 'Wohnungsberatung Marburg', status: 'active', published: 'yes', topics: ['wohnen'], areas: ['Landkreis Marburg-Biedenkopf'] } });
    expect(good.statusCode).toBe(303);
    const list = await page('/wegweiser/manage', headers);
    expect(list.body).toContain('Wohnungsberatung Marburg');
    expect(list.body).toContain('nie bestätigt');
    const overview = await page('/wegweiser/manage/freshness', headers);
    expect(overview.body).toContain('rp.kassel@beispiel.example');
  });

  it('lets a coordinator see and edit only the entries of their districts', async () => {
    const coordinator = await account(test, 'coordinator', { districts: ['Kassel'] });
    const headers = { cookie: coordinator.cookie };
    expect((await page(`/wegweiser/manage/${ids.overdue}`, headers)).statusCode).toBe(200);
    expect((await page(`/wegweiser/manage/${ids.giessen}`, headers)).statusCode).toBe(404);
    const list = await page('/wegweiser/manage', headers);
    expect(list.body).toContain('Anerkennungsberatung Kassel');
    expect(list.body).not.toContain('Migrationsberatung Gießen');
  });

  it('takes a suggestion from an association into the staff queue', async () => {
    const representative = await account(test, 'representative');
    const sent = await test.app.inject({ method: 'POST', url: '/wegweiser/suggest', headers: { cookie: representative.cookie }, payload: { _csrf: representative.csrfToken, name: 'Elterncafé Nordstadt', description: 'Treffen für Eltern, mehrsprachig.' } });
    expect(sent.statusCode).toBe(303);
    const staff = await account(test, 'staff');
    expect((await page('/wegweiser/manage/suggestions', { cookie: staff.cookie })).body).toContain('Elterncafé Nordstadt');
  });
});

describe('the demo', () => {
  it('fills a Wegweiser for Hessen: confirmed, due and overdue entries, several languages, Leichte Sprache', async () => {
    await test.database.db.deleteFrom('wegweiser_service').execute();
    await loadWegweiserDemo(test.database.db, '2026-03-02');
    const rows = await test.database.db.selectFrom('wegweiser_service').select(['assured_date', 'easy_read_summary']).execute();
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(rows.some((row) => row.easy_read_summary)).toBe(true);
    const staff = await account(test, 'staff');
    const list = await page('/wegweiser/manage', { cookie: staff.cookie });
    for (const state of ['data-state="fresh"', 'data-state="due"', 'data-state="overdue"', 'data-state="hidden"']) expect(list.body).toContain(state);
  });
});
