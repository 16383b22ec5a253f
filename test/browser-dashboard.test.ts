import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/modules/identity/index.js';
import { importRecords } from '../src/modules/imports/index.js';
import { accessibilityViolations, signIn, describeViolations, startBrowserTest, type BrowserTest } from './browser.js';

const password = 'a long enough password';
const query = 'from=2019-01-01&to=2019-12-31';

describe('the dashboard in Chromium', () => {
  let test: BrowserTest;
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    await createAccount(db, { email: 'staff@example.org', role: 'staff', password });
    await createAccount(db, { email: 'funder@example.org', role: 'funder', password });
    await importRecords(db, 'events', [
      { event_key: 'rv', title: 'Regionales Vernetzungstreffen', format: 'regional_network_meeting', start_date: '2019-02-01' },
      { event_key: 'sa', title: 'Schulung Antragstellung', format: 'training_application', start_date: '2019-03-01' },
    ]);
    const organisations = ['Afrika Forum Kassel', 'Eritreischer Verein Frankfurt', 'Polnischer Elternverein Wiesbaden', 'Syrischer Kulturverein Marburg'];
    await importRecords(db, 'participants', [
      ...organisations.map((organization, index) => ({ event_key: 'rv', organization, person: `Person ${index}` })),
      { event_key: 'sa', organization: organisations[0], person: 'Person 0' },
    ]);
    await importRecords(db, 'grants', organisations.slice(0, 3).map((organization) => ({ year: 2019, organization, application_type: 'new', status: 'approved' })));
    await importRecords(db, 'feedback', [{ event_key: 'rv', response_key: '1', q1: 1, q2: 2, q3: 1, q4: 1 }]);
  });
  afterAll(async () => test?.close());

  it('shows the figures and charts without accessibility violations, in German and English', async () => {
    const page = await test.newPage();
    await signIn(page, test.baseUrl, 'staff@example.org', password);
    for (const path of [`/dashboard?${query}`, `/dashboard?${query}&lang=en`, '/dashboard?from=2019-12-31&to=2019-01-01&lang=de']) {
      await page.goto(test.baseUrl + path);
      const violations = await accessibilityViolations(page);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
    }
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('Bis: Der letzte Tag liegt vor dem ersten');
  });

  it('draws the charts under the strict Content-Security-Policy without a violation', async () => {
    // a context that enforces the CSP (the shared helper bypasses it to inject axe-core)
    const context: BrowserContext = await test.browser.newContext({ locale: 'de-DE' });
    const violations: string[] = [];
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
        (window as unknown as { cspViolations: string[] }).cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const recordedViolations = () => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
    // control: the listener does see what ECharts' raw SVG would cause
    await page.route(`${test.baseUrl}/csp-control`, (route) =>
      route.fulfill({ headers: { 'content-type': 'text/html', 'content-security-policy': "style-src 'self'" }, body: '<svg><text style="font-size:30px">x</text></svg>' }),
    );
    await page.goto(`${test.baseUrl}/csp-control`);
    expect(await recordedViolations()).not.toEqual([]);
    violations.length = 0;
    await signIn(page, test.baseUrl, 'funder@example.org', password);
    await page.goto(`${test.baseUrl}/dashboard?${query}`);
    // on a desktop the wide pictures show, the narrow ones (issue 10) do not
    const charts = page.locator('figure.mosaik-chart .mosaik-chart__wide svg');
    expect(await charts.count()).toBe(3);
    expect(await page.locator('figure.mosaik-chart .mosaik-chart__narrow').first().isVisible()).toBe(false);
    for (const chart of await charts.all()) {
      expect(await chart.isVisible()).toBe(true);
      expect((await chart.boundingBox())!.width).toBeGreaterThan(200);
    }
    // the chart text keeps its font size: presentation attributes, not refused inline styles
    const fontSize = await page.locator('figure.mosaik-chart .mosaik-chart__wide svg text').first().evaluate((node) => getComputedStyle(node).fontSize);
    expect(fontSize).toBe('12px');
    expect(await page.getByRole('img', { name: /Organisationen nach Zahl der besuchten Veranstaltungen/ }).count()).toBe(1);
    // the report's distribution by number of events
    // is shown to a funder as the report shows it, never suppressed (src/modules/reports/suppression.ts)
    const table = page.locator('table[data-table="event_counts"]');
    const counts = (await table.textContent()) ?? '';
    expect(counts).not.toContain('< 3');
    expect(counts).toMatch(/\d/);
    expect([...violations, ...(await recordedViolations())]).toEqual([]);
    await context.close();
  });

  it('re-flows the charts on a 390 px phone: the narrow pictures, text of at least 12 px, no sideways scroll', async () => {
    // bypassCSP: to inject axe-core, as the shared helper does
    const context = await test.browser.newContext({ bypassCSP: true, locale: 'de-DE', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signIn(page, test.baseUrl, 'staff@example.org', password);
    for (const lang of ['de', 'ar']) {
      await page.goto(`${test.baseUrl}/dashboard?${query}&lang=${lang}`);
      expect(await page.locator('figure.mosaik-chart').count()).toBe(3);
      for (const figure of await page.locator('figure.mosaik-chart').all()) {
        expect(await figure.locator('.mosaik-chart__wide').isVisible()).toBe(false);
        expect(await figure.locator('.mosaik-chart__narrow').isVisible()).toBe(true);
      }
      // every text of every visible chart, at the size it is drawn on the screen: its font size times the picture's scale
      const sizes = await page.locator('figure.mosaik-chart .mosaik-chart__narrow svg').evaluateAll((svgs) =>
        svgs.flatMap((svg) => {
          const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
          return [...svg.querySelectorAll('text')].map((text) => ({ text: text.textContent, px: parseFloat(getComputedStyle(text).fontSize) * scale }));
        }),
      );
      // the formats chart is one small chart per series: four, and one each for the other two
      expect(await page.locator('figure.mosaik-chart .mosaik-chart__narrow svg').count()).toBe(6);
      expect(sizes.length).toBeGreaterThan(20);
      expect(sizes.filter((size) => size.px < 12), lang).toEqual([]);
      const widths = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(widths.document, lang).toBeLessThanOrEqual(widths.viewport);
      // on the phone the tables scroll inside their focusable region, not as tables of their own (axe: scrollable-region-focusable)
      const violations = await accessibilityViolations(page);
      expect(violations, `${lang}\n${describeViolations(violations)}`).toEqual([]);
    }
    await context.close();
  });
});
