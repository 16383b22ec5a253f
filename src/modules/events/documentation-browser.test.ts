import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accessibilityViolations, describeViolations, startBrowserTest, type BrowserTest } from '../../../test/browser.js';
import { event } from '../../../test/factories.js';
import { createAccount } from '../identity/index.js';
import { createLinkMaterial, setMaterialPublished } from '../materials/index.js';
import { loadPortalDemo } from '../portal/index.js';
import { mp4 } from '../portal/video.test-support.js';
import { addDocumentationPhoto, saveDocumentation, setDocumentationPublished } from './documentation.js';

/*
 * The public pages this session added, on a 390 px phone in German and
 * Arabic: a meeting's documentation (with a pinboard photo and a download),
 * the event page with its format's handouts and the link to the
 * documentation, the calendar's list of documentations, and the start page
 * with a DGS video. Every request goes to Mosaik itself; axe finds no WCAG
 * 2.1 AA violation.
 */

/** A valid 200×200 grey PNG: the smallest photo the check accepts. */
const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAMgAAADICAAAAACIM/FCAAACPUlEQVR4nN3OAQkAAAzDsEqf9JsoFB4FYU9QByzUAQt1wEIdsFAHLNQBC3XAQh2wUAcs1AELdcBCHbBQByzUAQt1wEIdsFAHLNQBC3XAQh2wUAcs1AELdcBCHbBQByzUAQt1wEIdsFAHLNQBC3XAQh2wUAcs1AELdcBCHbBQByzUAQt1wEIdsFAHLNQBC3XAQh2wUAcs1AELdcBCHbBQByzUAQt1wEIdsFAHLNQBC3XAQh2wUAcs1AELdcBCHbBQByzUAQt1wEIdsFAHLNQBC3XAQh2wUAcs1AELdcBCHbBQByzUAQt1wEIdsFAHLNQBC3XAQh2wUAcs1AELdcBCHbBQByzUAQt1wEIdsFAHLNQBC3XAQh2wUAcs1AELdcBCHbBQByzUAQt1wEIdsFAHLNQBC3XAQh2wUAcs1AELdcBCHbBQByzUAQt1wEIdsFAHLNQBC3XAQh2wUAcs1AELdcBCHbBQByzUAQt1wEIdsFAHLNQBC3XAQh2wUAcs1AELdcBCHbBQByzUAQt1wEIdsFAHLNQBC3XAQh2wUAcs1AELdcBCHbBQByzUAQt1wEIdsFAHLNQBC3XAQh2wUAcs1AELdcBCHbBQByzUAQt1wEIdsFAHLNQBC3XAQh2wUAcs1AELdcBCHbBQByzUAQt1wEIdsFAHLNQBC3XAQh2wUAcs1AELdcBCHbBQByzUAQt1wEIdsFAHLNQBC3XAQh2wUAcs1AELdcBCHbBQByzUAQt1wEIdsFAHLNQBC3XAcpyYJJMwAwbbAAAAAElFTkSuQmCC', 'base64');

describe('meeting documentation and DGS videos in Chromium', () => {
  let test: BrowserTest;
  let past: { id: number };
  let training: { id: number };
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    await loadPortalDemo(db, { today: '2026-03-02' });
    const staff = await createAccount(db, { email: 'redaktion@example.org', role: 'staff', password: 'a long enough password' });
    const actor = { accountId: staff.id };
    const handout = await createLinkMaterial(db, staff.id, { title: 'Leitfaden Antrag WIR', description: 'Schritt für Schritt', language: 'de', topic: 'application', eventFormats: ['training_application'], checklistItems: [] }, 'https://soziales.hessen.de/');
    await setMaterialPublished(db, staff.id, handout, true);
    past = await event(db, { title: 'Landesweites Netzwerktreffen 2020', format: 'state_network_meeting', startDate: '2020-05-16', organizer: 'centre' });
    training = await event(db, { title: 'Antragswerkstatt 2099', format: 'training_application', startDate: '2099-03-01', organizer: 'centre' });
    await saveDocumentation(db, actor, past.id, { programme: '10:00 Begrüßung\n10:30 Vortrag', talks: 'Was ist neu bei WIR?', results: 'Workshop 1: Ehrenamt gewinnen', downloadIds: [handout] });
    const added = await addDocumentationPhoto(db, actor, past.id, { bytes: tinyPng, caption: 'Pinnwand Workshop 1: drei Ideen' });
    expect(added.ok).toBe(true);
    await setDocumentationPublished(db, actor, past.id, true, '2026-03-02');
    // the start page's DGS video (the portal's own upload is tested in portal/sign-language.test.ts)
    await db.insertInto('portal_easy_read').values({ topic: 'offers', title: 'Was finden Sie hier?', body: '<p>Hilfe für Vereine.</p>' }).onConflict((conflict) => conflict.column('topic').doNothing()).execute();
    const video = mp4(1000, 125_000);
    await db.insertInto('portal_sign_language_video').values({ topic: 'offers', media_type: 'video/mp4', bytes: video, byte_size: video.length, duration_seconds: 125, duration_source: 'header' }).execute();
  }, 120_000);
  afterAll(async () => test?.close());

  async function expectGood(page: Page) {
    const violations = await accessibilityViolations(page);
    expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
    const { scrolled, screen } = await page.evaluate(() => ({ scrolled: document.documentElement.scrollWidth, screen: window.innerWidth }));
    expect(scrolled, `${page.url()} is wider than the screen`).toBeLessThanOrEqual(screen);
  }

  for (const language of ['de', 'ar'] as const) {
    it(`shows the documentation, the event's handouts and the DGS video in ${language}, all from Mosaik, accessible`, async () => {
      const context = await test.browser.newContext({ bypassCSP: true, locale: language === 'de' ? 'de-DE' : 'ar', viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const foreign: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).host !== new URL(test.baseUrl).host) foreign.push(request.url());
      });
      for (const path of [`/calendar/${past.id}/documentation`, `/calendar/${past.id}`, `/calendar/${training.id}`, '/calendar', '/']) {
        const response = await page.goto(`${test.baseUrl}${path}?lang=${language}`);
        expect(response?.status(), path).toBe(200);
        expect(await page.getAttribute('html', 'dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
        await expectGood(page);
      }
      expect(await page.locator('[data-sign-language="offers"] video').count()).toBe(1);
      expect(foreign, 'requests to other hosts').toEqual([]);
      await context.close();
    }, 180_000);
  }
});
