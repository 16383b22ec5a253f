import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accessibilityViolations, describeViolations, startBrowserTest, type BrowserTest } from './browser.js';
import { organisation } from './factories.js';

/** A real 400 × 300 PNG in one colour, so that Chromium draws the portrait's photo. */
function photo(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(400, 0);
  header.writeUInt32BE(300, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(400 * 3, Buffer.from([40, 110, 160]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: 300 }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

describe('portraits and the map in Chromium, on a phone', () => {
  let test: BrowserTest;
  let portraitId: number;
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    const giessen = await organisation(db, { name: 'Afghanischer Frauenverein Gießen', district: 'Landkreis Gießen' });
    const kassel = await organisation(db, { name: 'Jugendforum Baobab Kassel', district: 'Kassel' });
    const hidden = await organisation(db, { name: 'Verein ohne Freigabe Fulda', district: 'Landkreis Fulda' });
    await db.updateTable('organisation').set({ postcode: '35390', municipality: 'Gießen', fields: ['women', 'education'], website: 'https://verein.example' }).where('id', '=', giessen.id).execute();
    await db.updateTable('organisation').set({ postcode: '34117', municipality: 'Kassel', fields: ['youth'] }).where('id', '=', kassel.id).execute();
    await db.updateTable('organisation').set({ postcode: '36037', municipality: 'Fulda' }).where('id', '=', hidden.id).execute();
    const released = { released_at: new Date('2026-11-20T10:00:00Z'), release_basis: 'representative' as const };
    await db.insertInto('portrait').values([
      { organisation_id: giessen.id, text: 'Wir treffen uns jeden Dienstag zum Sprachcafé.\n\nGegründet 2016.', photo: photo(), photo_type: 'image/png', photo_width: 400, photo_height: 300, photo_alt: 'Frauen am Tisch im Sprachcafé', ...released },
      { organisation_id: kassel.id, text: 'Jugendliche organisieren Sport und Musik.', ...released },
      { organisation_id: hidden.id, text: 'Noch nicht freigegeben.' },
    ]).execute();
    await db.insertInto('grant_application').values({ year: 2026, organisation_id: giessen.id, application_type: 'new', status: 'approved', summary: 'Sprachcafé für Mütter' }).execute();
    portraitId = giessen.id;
  });
  afterAll(async () => test?.close());

  async function phonePage(): Promise<{ page: Page; requested: string[] }> {
    const page = await test.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    return { page, requested };
  }

  async function expectFitsAndAccessible(page: Page) {
    const violations = await accessibilityViolations(page);
    expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${page.url()} is wider than the phone`).toBeLessThanOrEqual(0);
  }

  for (const language of ['de', 'ar'] as const) {
    it(`shows the map with its list and a portrait in ${language}, accessible, from Mosaik alone`, async () => {
      const { page, requested } = await phonePage();
      await page.goto(`${test.baseUrl}/map?lang=${language}`);
      expect(await page.getAttribute('html', 'dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
      const markers = await page.locator('.mosaik-map__markers circle').count();
      expect(markers).toBe(2);
      const list = await page.textContent('.mosaik-map__list');
      expect(list).toContain('Afghanischer Frauenverein Gießen');
      expect(list).toContain('Jugendforum Baobab Kassel');
      expect(list).not.toContain('Verein ohne Freigabe');
      await expectFitsAndAccessible(page);

      // the script adds zoom: the map's viewBox narrows
      const before = await page.getAttribute('.mosaik-map__svg', 'viewBox');
      await page.locator('.mosaik-map__controls button').first().click();
      expect(await page.getAttribute('.mosaik-map__svg', 'viewBox')).not.toBe(before);

      await page.getByRole('link', { name: 'Afghanischer Frauenverein Gießen' }).click();
      await page.waitForURL(new RegExp(`/portraits/${portraitId}(\\?lang=${language})?$`));
      expect(await page.textContent('main')).toContain('Wir treffen uns jeden Dienstag zum Sprachcafé.');
      expect(await page.evaluate(() => (document.querySelector('.mosaik-portrait-photo') as HTMLImageElement).naturalWidth)).toBe(400);
      await expectFitsAndAccessible(page);

      const foreign = requested.filter((url) => !url.startsWith(test.baseUrl) && !url.startsWith('data:'));
      expect(foreign).toEqual([]);
    });
  }
});
