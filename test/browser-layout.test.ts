import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicLanguages } from '../src/i18n/index.js';
import { assignDefaultForm } from '../src/modules/feedback/index.js';
import { feedbackCodeFor } from '../src/modules/feedback/index.js';
import { enterPaperForm } from '../src/modules/feedback/index.js';
import { createAccount, createPasswordLink } from '../src/modules/identity/index.js';
import { importRecords } from '../src/modules/imports/index.js';
import { accessibilityViolations, describeViolations, signIn, startBrowserTest, type BrowserTest } from './browser.js';

/*
 * Mosaik on a phone (390 × 844 CSS pixels, an iPhone 12–15) in every language
 * it offers: no page may be wider than the screen (an Arabic page once was
 * 10,000 px wide because the skip link was moved off screen to the left),
 * keyboard focus is visible on scrollable tables, and form groups keep their
 * heading apart from the first field.
 */

const phone = { width: 390, height: 844 };
const password = 'a long enough password';
// long unbroken words, as German organisation names are, to provoke overflow
const organisation = 'Interkultureller Bildungs- und Begegnungsverein Frankfurt-Höchst e.V.';

/** How far the page reaches beyond the screen, and which elements stick out (to name them in a failure). */
async function overflowOf(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 1 || box.left < -1) && !element.closest('.table-scroll');
      })
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')}`);
    return { scrollWidth: document.documentElement.scrollWidth, wide };
  });
}

describe('layout on a phone in every language', () => {
  let test: BrowserTest;
  let eventId: number;
  let feedbackCode: string;
  let manageLink: string;
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    await createAccount(db, { email: 'staff@example.org', role: 'staff', password });
    await createAccount(db, { email: 'admin@example.org', role: 'admin', password });
    await importRecords(db, 'organizations', [{ org_key: 'ibbv', name: organisation }]);
    await importRecords(db, 'consultations', [{ date: '2026-03-31', organization: organisation, channel: 'phone', topic: 'Vereinsrecht und Gemeinnützigkeit', duration_minutes: 45 }]);
    const event = await db
      .insertInto('event')
      .values({ event_key: 'L1', title: 'Regionales Netzwerktreffen Frankfurt am Main', format: 'regional_network_meeting', start_date: '2030-06-20', starts_at: '17:30', ends_at: '20:00', place: 'Bürgerhaus Bornheim, Arnsburger Straße 24', municipality: 'Frankfurt am Main', district: null, capacity: 20, per_org_limit: 5, feedback_form_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    eventId = event.id;
    await assignDefaultForm(db, eventId, 'regional_network_meeting');
    feedbackCode = await feedbackCodeFor(db, eventId);
    // one paper form entered, so that the entry page shows its table of entered forms
    const formId = (await db.selectFrom('event').select('feedback_form_id').where('id', '=', eventId).executeTakeFirstOrThrow()).feedback_form_id!;
    const rating = await db.selectFrom('feedback_question').select('id').where('form_id', '=', formId).where('kind', '=', 'rating').orderBy('position').executeTakeFirstOrThrow();
    await enterPaperForm(db, { eventId, accountId: null, answers: [{ question_id: rating.id, rating: 2, yes_no: null, text_value: null }] });

    // one registration through the public form, as the manage page is reached
    const page = await test.newPage();
    await page.goto(`${test.baseUrl}/events/${eventId}/register?lang=de`);
    await page.fill('#organisation', organisation);
    await page.fill('#email', 'vorstand@ibbv.example');
    await page.fill('#person_0', 'Ekaterina Wiktorowna Krawtschenko');
    await page.locator(`form[action="/events/${eventId}/register"] button[type="submit"]`).click();
    await page.waitForURL((url) => url.pathname.startsWith('/registrations/'));
    manageLink = new URL(page.url()).pathname;
    await page.context().close();
  }, 300_000); // a browser, a registration through the public form and a paper form: slow on a busy machine
  afterAll(async () => test?.close());

  async function phonePage() {
    const context = await test.browser.newContext({ bypassCSP: true, locale: 'de-DE', viewport: phone });
    return context.newPage();
  }

  const publicPages = () => [
    ['home', '/'],
    ['events calendar', '/calendar'],
    ['event page', `/calendar/${eventId}`],
    ['registration form', `/events/${eventId}/register`],
    ['registration confirmation', `${manageLink}?registered=1`],
    ['manage page', manageLink],
    ['feedback form', `/f/${feedbackCode}`],
    ['sign-in', '/sign-in'],
    ['set-password', '/set-password?token=unknown'],
  ];

  it('keeps every public page within 390 px in all six languages', async () => {
    const page = await phonePage();
    const tooWide: string[] = [];
    for (const language of publicLanguages) {
      for (const [name, path] of publicPages()) {
        await page.goto(`${test.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${language}`);
        expect(await page.getAttribute('html', 'lang'), `${name} in ${language}`).toBe(language);
        const { scrollWidth, wide } = await overflowOf(page);
        if (scrollWidth > phone.width) tooWide.push(`${name} (${language}): ${scrollWidth} px; ${wide.join(', ')}`);
        // axe on the right-to-left pages (the others are checked by each module's browser test)
        if (language === 'ar') {
          const violations = await accessibilityViolations(page);
          expect(violations, `${name} (ar)\n${describeViolations(violations)}`).toEqual([]);
        }
      }
    }
    expect(tooWide).toEqual([]);
  }, 400_000);

  it('keeps the staff pages within 390 px, with a folded menu, and the public manage page in Russian and Ukrainian', async () => {
    const db = test.database.db;
    const consultationId = (await db.selectFrom('consultation').select('id').executeTakeFirstOrThrow()).id;
    const organisationId = (await db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id;
    const page = await phonePage();
    await signIn(page, test.baseUrl, 'staff@example.org', password);
    const staffPages = [
      '/dashboard',
      '/consultations',
      '/consultations/new',
      `/consultations/${consultationId}`,
      '/consultations/topics',
      '/consultations/requests',
      '/people',
      '/people/new',
      '/organisations',
      `/organisations/${organisationId}`,
      '/organisations/review',
      '/events',
      '/events/new',
      `/events/${eventId}`,
      `/events/${eventId}/registrations`,
      `/events/${eventId}/feedback/entry`,
      `/events/${eventId}/feedback/paper`,
      `/events/${eventId}/sign-in-sheet`,
      '/outbox',
    ];
    const tooWide: string[] = [];
    for (const language of ['de', 'en']) {
      for (const path of staffPages) {
        await page.goto(`${test.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${language}`);
        const { scrollWidth, wide } = await overflowOf(page);
        if (scrollWidth > phone.width) tooWide.push(`${path} (${language}): ${scrollWidth} px; ${wide.join(', ')}`);
      }
    }
    expect(tooWide).toEqual([]);

    // the menu: one line ("Menü") until opened, without JavaScript
    await page.goto(`${test.baseUrl}/consultations?lang=de`);
    expect(await page.locator('.mosaik-nav__bar').isVisible()).toBe(false);
    const menu = page.locator('details.mosaik-menu');
    expect((await menu.boundingBox())!.height).toBeLessThan(60);
    await expect(page.getByRole('link', { name: 'Personen' }).isVisible()).resolves.toBe(false);
    await page.getByText('Menü', { exact: true }).click();
    await expect(page.getByRole('link', { name: 'Personen' }).isVisible()).resolves.toBe(true);
    const violations = await accessibilityViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    // a stacked table row reads "column: value"
    const dateCell = page.locator('table.mosaik-table tbody tr').first().locator('th, td').first();
    expect(await dateCell.getAttribute('data-label')).toBe('Datum');
    const label = await dateCell.evaluate((cell) => getComputedStyle(cell, '::before').content);
    expect(label).toBe('"Datum"');

    for (const language of ['ru', 'uk']) {
      const visitor = await phonePage();
      await visitor.goto(`${test.baseUrl}${manageLink}?lang=${language}`);
      const { scrollWidth, wide } = await overflowOf(visitor);
      expect(scrollWidth, `manage page (${language}): ${wide.join(', ')}`).toBeLessThanOrEqual(phone.width);
      await visitor.context().close();
    }
  }, 400_000);

  it('keeps the tables of imports, privacy, accounts and the outbox within 390 px', async () => {
    const db = test.database.db;
    const page = await phonePage();
    await signIn(page, test.baseUrl, 'admin@example.org', password);
    const upload = async (name: string, lines: string[]) => {
      await page.goto(`${test.baseUrl}/imports?lang=de`);
      await page.getByRole('radio', { name: /^Teilnahmelisten/ }).check();
      await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`) });
      await page.locator('form[action="/imports"] button[type="submit"]').click();
      await page.waitForURL((url) => /^\/imports\/[\w-]+$/.test(url.pathname));
      return new URL(page.url()).pathname;
    };
    const tooWide: string[] = [];
    const measure = async (name: string) => {
      const { scrollWidth, wide } = await overflowOf(page);
      if (scrollWidth > phone.width) tooWide.push(`${name}: ${scrollWidth} px; ${wide.join(', ')}`);
    };
    // a preview naming a new organisation, confirmed (a row of the history), then one with problems
    const goodPreview = await upload('Teilnahme Bornheim.csv', ['event_key;organization;person', "L1;Ukrainischer Elternverein Rhein-Main-Gebiet Wiesbaden-Biebrich;Aleksandra Konstantinopolskaja"]);
    expect(await page.locator('table#new-organisations tbody tr').count()).toBe(1);
    await measure(`${goodPreview} (new organisations)`);
    await page.locator('form button[type="submit"]', { hasText: 'Jetzt übernehmen' }).click();
    await page.waitForURL((url) => url.pathname === '/imports' && url.searchParams.has('done'));
    const badPreview = await upload('fehlerhaft.csv', ['event_key;organization;person', 'UNBEKANNT-2030-Bildungswerkstatt;;', 'L1;;']);
    expect(await page.locator('#problems tbody tr').count()).toBeGreaterThan(0);
    await measure(`${badPreview} (problems)`);

    // a person with a long name and address, for the export and erasure pages
    const personId = (await db.insertInto('person').values({ full_name: 'Ekaterina Wiktorowna Krawtschenko-Nowosselowa', email: 'ekaterina.krawtschenko-nowosselowa@ibbv.example', phone: null, notes: null, account_id: null, erased_at: null }).returning('id').executeTakeFirstOrThrow()).id;
    const accountId = (await db.selectFrom('account').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const pages = ['/imports', '/privacy', '/privacy/retention', '/privacy/retention/dry-run', `/people/${personId}/export`, `/people/${personId}/erase`, '/admin/accounts', `/admin/accounts/${accountId}`, '/outbox', '/events', '/events/calendar?month=2030-06', `/events/${eventId}/feedback`, '/feedback/annex?from=2030-01-01&to=2030-12-31', `/events/${eventId}/feedback/entry`, `/events/${eventId}/feedback/paper`, `/events/${eventId}/sign-in-sheet`];
    for (const language of ['de', 'en']) {
      for (const path of pages) {
        const response = await page.goto(`${test.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${language}`);
        expect(response?.status(), path).toBe(200);
        await measure(`${path} (${language})`);
      }
    }
    // the pages' tables are the stacked component, not hand-written grids
    for (const path of ['/imports', '/privacy/retention', '/admin/accounts', '/outbox', '/events', `/events/${eventId}/feedback/entry`, `/events/${eventId}/feedback/paper`]) {
      await page.goto(`${test.baseUrl}${path}?lang=de`);
      expect(await page.locator('main table:not(.mosaik-table)').count(), path).toBe(0);
      expect(await page.locator('main table.mosaik-table').count(), path).toBeGreaterThan(0);
    }
    expect(tooWide).toEqual([]);
  }, 400_000);

  it('shows the full menu bar on a desktop', async () => {
    const page = await test.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, test.baseUrl, 'staff@example.org', password);
    await page.goto(`${test.baseUrl}/consultations?lang=de`);
    expect(await page.locator('.mosaik-nav__bar').isVisible()).toBe(true);
    expect(await page.locator('details.mosaik-menu').isVisible()).toBe(false);
    await expect(page.getByRole('link', { name: 'Personen' }).isVisible()).resolves.toBe(true);
  });

  it('shows keyboard focus on a scrollable table and on every focusable element', async () => {
    const page = await test.newPage();
    await page.setViewportSize({ width: 800, height: 800 });
    await signIn(page, test.baseUrl, 'admin@example.org', password);
    await page.goto(`${test.baseUrl}/consultations?lang=de`);
    const region = page.locator('div.table-scroll[tabindex="0"][role="region"]').first();
    expect(await region.getAttribute('aria-label')).toBeTruthy();
    // reach it by keyboard, as a keyboard user does: Tab until it has focus
    for (let step = 0; step < 60 && !(await region.evaluate((element) => element === document.activeElement)); step += 1) await page.keyboard.press('Tab');
    const focus = await region.evaluate((element) => {
      const style = getComputedStyle(element);
      return { focused: element === document.activeElement, visible: element.matches(':focus-visible'), outline: `${style.outlineStyle} ${style.outlineWidth}`, shadow: style.boxShadow };
    });
    expect(focus.focused).toBe(true);
    expect(focus.visible).toBe(true);
    expect(focus.outline === 'none 0px' && focus.shadow === 'none', JSON.stringify(focus)).toBe(false);
    expect(parseFloat(focus.outline.split(' ')[1])).toBeGreaterThanOrEqual(2);
    // every other element the keyboard reaches shows its focus too
    const unseen: string[] = [];
    for (let step = 0; step < 25; step += 1) {
      await page.keyboard.press('Tab');
      const shown = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        return visible ? null : `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
      });
      if (shown) unseen.push(shown);
    }
    expect(unseen).toEqual([]);
  });

  it("keeps a form group's heading apart from its first field and on the reading side in Arabic", async () => {
    const page = await phonePage();
    await signIn(page, test.baseUrl, 'staff@example.org', password);
    for (const path of ['/events/new', '/consultations/new']) {
      await page.goto(`${test.baseUrl}${path}?lang=de`);
      const overlaps = await page.evaluate(() =>
        [...document.querySelectorAll('fieldset.kern-fieldset > legend')].flatMap((legend) => {
          const field = legend.parentElement!.querySelector('.kern-form-input, .kern-form-check, .kern-fieldset__body');
          if (!field) return [];
          const a = legend.getBoundingClientRect();
          const b = field.getBoundingClientRect();
          return a.bottom > b.top + 1 ? [`${legend.textContent} / ${field.textContent?.slice(0, 30)}`] : [];
        }),
      );
      expect(overlaps, path).toEqual([]);
    }
    const visitor = await phonePage();
    await visitor.goto(`${test.baseUrl}/f/${feedbackCode}?lang=ar`);
    const sides = await visitor.evaluate(() =>
      [...document.querySelectorAll('fieldset.kern-fieldset > legend')].map((legend) => {
        const text = document.createRange();
        text.selectNodeContents(legend);
        const words = text.getBoundingClientRect();
        const box = legend.parentElement!.getBoundingClientRect();
        return { end: Math.round(box.right - words.right), start: Math.round(words.left - box.left) };
      }),
    );
    expect(sides.length).toBeGreaterThan(0);
    // right to left: the question starts at the right edge of its group
    for (const side of sides) expect(side.end).toBeLessThanOrEqual(2);
    const violations = await accessibilityViolations(visitor);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
