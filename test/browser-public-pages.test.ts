import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../src/http/access.js';
import { loadDemo } from '../src/modules/demo/index.js';
import { todayInBerlin } from '../src/modules/events/index.js';
import { createAccount } from '../src/modules/identity/index.js';
import { saveNewsPost } from '../src/modules/portal/index.js';
import { photoFile } from '../src/modules/portraits/photo.test-support.js';
import { publishDocumentationForTest } from '../src/modules/events/documentation.test-support.js';
import { accessibilityViolations, describeViolations, startBrowserTest, type BrowserTest } from './browser.js';

/*
 * Issue 11's test: "axe on every public page in German and Arabic", and "no
 * page requests a third-party host". The pages come from the access policy
 * (test/access/*.ts): every GET route open to visitors is opened in Chromium
 * on a 390 px phone in both languages, with the demo's content; a route with a
 * parameter takes the first link to it found on the page that lists it. A new
 * public route fails here until it is walked, or listed below as not a page.
 */

const policy: Record<string, Access> = {};
const accessFolder = new URL('./access/', import.meta.url);
for (const file of readdirSync(accessFolder).filter((name) => name.endsWith('.ts'))) {
  Object.assign(policy, ((await import(new URL(file, accessFolder).href)) as { expectedAccess: Record<string, Access> }).expectedAccess);
}
const publicRoutes = Object.entries(policy)
  .filter(([route, access]) => route.startsWith('GET ') && access === 'public')
  .map(([route]) => route.slice('GET '.length))
  .sort();

/** Files, feeds, scripts, data and forwards: not pages a visitor reads. */
const notPages = new Set([
  '/health', '/sitemap.xml', '/feeds/news.atom', '/feeds/events.atom', '/calendar.ics', '/calendar/:id.ics', '/map/map.js', '/map/map.css',
  '/handouts/:id/download', '/portraits/:id/photo', '/calendar/:id/documentation/photos/:photoId', '/calendar/:id/documentation/photos/:photoId/thumbnail',
  '/leichte-sprache/:topic/video', '/wegweiser/brochure.pdf',
  // confirms the address and forwards to /newsletter/confirmed or /newsletter/renewed, both walked
  '/newsletter/confirm/:token',
]);
const isApi = (route: string) => route.startsWith('/api/');

/**
 * Pages reached by a link with a token: walked with an unknown token, which is
 * what a visitor with a stale link sees (the known-token pages are walked by
 * the tests of their modules).
 */
const withToken: Record<string, string> = {
  '/newsletter/unsubscribe/:token': '/newsletter/unsubscribe/unknown-token-0000000000',
  '/registrations/:token': '/registrations/unknown-token-0000000000',
  '/wegweiser/check/:token': '/wegweiser/check/unknown-token-0000000000',
  '/f/:code': '/f/UNKNOWN1',
  '/f/:code/thanks': '/f/UNKNOWN1/thanks',
  '/account/email/confirm': '/account/email/confirm?token=unknown-token-0000000000',
  '/set-password': '/set-password?token=unknown-token-0000000000',
};

/** Where a route with an id is linked from: the page that lists it ('__events': any event page of the calendar), and the pattern of the link. */
const listedOn: Record<string, { page: string; link: RegExp }> = {
  '/calendar/:id': { page: '/calendar', link: /href="(\/calendar\/\d+)(?:\?[^"]*)?"/ },
  '/calendar/:id/documentation': { page: '/calendar', link: /href="(\/calendar\/\d+\/documentation)(?:\?[^"]*)?"/ },
  '/events/:id/register': { page: '__events', link: /href="(\/events\/\d+\/register)(?:\?[^"]*)?"/ },
  '/faq/:id': { page: '/faq', link: /href="(\/faq\/\d+)(?:\?[^"]*)?"/ },
  '/handouts/:id': { page: '/handouts', link: /href="(\/handouts\/\d+)(?:\?[^"]*)?"/ },
  '/portraits/:id': { page: '/portraits', link: /href="(\/portraits\/\d+)(?:\?[^"]*)?"/ },
  '/newsletter/archive/:id': { page: '/newsletter/archive', link: /href="(\/newsletter\/archive\/\d+)(?:\?[^"]*)?"/ },
  '/aktuelles/:id': { page: '/aktuelles', link: /href="(\/aktuelles\/\d+)(?:\?[^"]*)?"/ },
  // the Wegweiser's entries have UUIDs (HSDS)
  '/wegweiser/:id': { page: '/wegweiser', link: /href="(\/wegweiser\/[0-9a-f-]{36})(?:\?[^"]*)?"/ },
  '/wegweiser/:id/leichte-sprache': { page: '/wegweiser', link: /href="(\/wegweiser\/[0-9a-f-]{36}\/leichte-sprache)(?:\?[^"]*)?"/ },
};

describe('every public page in German and Arabic, on a phone', () => {
  let test: BrowserTest;
  let pages: string[] = [];

  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    // the demo is dated from today (Berlin), so that the calendar has upcoming events whatever the day
    const today = await todayInBerlin(db);
    await loadDemo(db, { today });
    // the demo documents no meeting: one documentation of a past event, with a photo
    const staff = await createAccount(db, { email: 'doku@example.org', role: 'staff', password: 'a long enough password' });
    const past = await db.selectFrom('event').select('id').where('start_date', '<', today).where('cancelled_at', 'is', null).orderBy('start_date', 'desc').executeTakeFirstOrThrow();
    await publishDocumentationForTest(db, { eventId: past.id, accountId: staff.id, photo: await photoFile(1200, 900), today });
    // nor a news post
    await saveNewsPost(db, { accountId: staff.id }, { postId: null, language: 'de' }, { title: 'Neue Förderrunde der WIR-Mikroprojekte', summary: 'Anträge bis zum 31. März', body: '<p>Jetzt bewerben.</p>', publishedOn: '2020-03-01' });

    const body = async (url: string) => (await test.app.inject({ method: 'GET', url })).body;
    const firstLink = async (page: string, link: RegExp) => link.exec(await body(page))?.[1];
    // the registration form: the first event page of the calendar that offers it (not every event takes registrations)
    const eventPages = [...(await body('/calendar')).matchAll(/href="(\/calendar\/\d+)(?:\?[^"]*)?"/g)].map((match) => match[1]!);
    const linkOnAnyEvent = async (link: RegExp) => {
      for (const page of eventPages) {
        const found = await firstLink(page, link);
        if (found) return found;
      }
      return undefined;
    };
    const unresolved: string[] = [];
    for (const route of publicRoutes) {
      if (notPages.has(route) || isApi(route)) continue;
      if (withToken[route]) {
        pages.push(withToken[route]!);
        continue;
      }
      if (!route.includes(':')) {
        pages.push(route);
        continue;
      }
      const source = listedOn[route];
      const path = !source ? undefined : source.page === '__events' ? await linkOnAnyEvent(source.link) : await firstLink(source.page, source.link);
      if (path) pages.push(path);
      else unresolved.push(route);
    }
    expect(unresolved, 'public routes with a parameter that no listing page links to (add them to listedOn or notPages)').toEqual([]);
    pages = [...new Set(pages)];
  }, 300_000);
  afterAll(async () => test?.close());

  for (const language of ['de', 'ar'] as const) {
    it(`opens each in ${language}: no third-party request, no axe violation, no sideways scrolling`, async () => {
      const context = await test.browser.newContext({ bypassCSP: true, locale: language === 'de' ? 'de-DE' : 'ar', viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const foreign: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).host !== new URL(test.baseUrl).host) foreign.push(request.url());
      });
      const problems: string[] = [];
      for (const path of pages) {
        const response = await page.goto(`${test.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${language}`);
        const status = response?.status() ?? 0;
        if (status >= 500 || status === 0) {
          problems.push(`${path}: status ${status}`);
          continue;
        }
        if (!(response?.headers()['content-type'] ?? '').startsWith('text/html')) continue;
        if ((await page.getAttribute('html', 'dir')) !== (language === 'ar' ? 'rtl' : 'ltr')) problems.push(`${path}: wrong direction`);
        const violations = await accessibilityViolations(page);
        if (violations.length > 0) problems.push(`${path}\n${describeViolations(violations)}`);
        const { scrolled, screen } = await page.evaluate(() => ({ scrolled: document.documentElement.scrollWidth, screen: window.innerWidth }));
        if (scrolled > screen) problems.push(`${path}: ${scrolled} px wide on a ${screen} px phone`);
      }
      expect(pages.length).toBeGreaterThan(30);
      expect(problems).toEqual([]);
      expect(foreign, 'requests to other hosts').toEqual([]);
      await context.close();
    }, 600_000);
  }
});
