import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addOrganisationScopes, createAccount } from '../src/modules/identity/index.js';
import { accessibilityViolations, describeViolations, signIn, startBrowserTest, type BrowserTest } from './browser.js';
import { organisation } from './factories.js';

/**
 * A pinboard post from offer to contact in Chromium on a 390 px phone: a
 * representative offers a room in Arabic (right to left), staff approve it,
 * another association finds it and writes through the relay. axe on every
 * page; no page is wider than the phone; no address of the other side shows.
 */
describe('the pinboard from offer to contact, on a phone', () => {
  let test: BrowserTest;
  const password = 'a long enough password';
  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    const kassel = await organisation(db, { name: 'Syrischer Kulturverein Kassel', district: 'Kassel' });
    const giessen = await organisation(db, { name: 'Elternnetzwerk Gießen', district: 'Landkreis Gießen' });
    const author = await createAccount(db, { email: 'vorstand.kassel@example.org', role: 'representative', password });
    await addOrganisationScopes(db, author.id, [kassel.id]);
    const reader = await createAccount(db, { email: 'vorstand.giessen@example.org', role: 'representative', password });
    await addOrganisationScopes(db, reader.id, [giessen.id]);
    await createAccount(db, { email: 'moderation@example.org', role: 'staff', password });
  });
  afterAll(async () => test?.close());

  async function phone(): Promise<Page> {
    const page = await test.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    return page;
  }
  async function check(page: Page, name: string) {
    const violations = await accessibilityViolations(page);
    expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${page.url()} is wider than the phone`).toBeLessThanOrEqual(0);
    if (process.env.MOSAIK_SCREENSHOTS) await page.screenshot({ path: `${process.env.MOSAIK_SCREENSHOTS}/pinboard-${name}.png`, fullPage: true });
  }

  it('is posted in Arabic, approved, found and answered without showing an address', async () => {
    const author = await phone();
    await signIn(author, test.baseUrl, 'vorstand.kassel@example.org', password);
    await author.goto(`${test.baseUrl}/pinboard/new?lang=ar`);
    expect(await author.getAttribute('html', 'dir')).toBe('rtl');
    await check(author, 'form-ar');
    await author.getByLabel('نوع الإعلان').selectOption('room_offered');
    await author.getByLabel('لغة الإعلان').selectOption('ar');
    await author.getByLabel('العنوان').fill('قاعة للمشاركة يوم السبت');
    await author.getByLabel('النص', { exact: true }).fill('قاعتنا فارغة يوم السبت بعد الظهر وتتسع لستين شخصًا. نشاركها مع جمعية من الجوار.');
    await author.getByLabel('المقاطعة أو المدينة').selectOption('Kassel');
    await author.getByLabel('تتسع لـ (أشخاص)').fill('60');
    await author.getByLabel('القاعات').check();
    await author.getByRole('button', { name: 'إرسال للمراجعة' }).click();
    await author.waitForURL(/\/pinboard\/\d+\?done=submitted/);
    const postUrl = author.url().split('?')[0]!;
    await expect(author.getByText('شكرًا! تم إرسال إعلانكم')).toBeDefined();
    await check(author, 'pending-ar');

    const staff = await phone();
    await signIn(staff, test.baseUrl, 'moderation@example.org', password);
    await staff.goto(`${test.baseUrl}/staff/pinboard`);
    await check(staff, 'queue');
    await staff.getByRole('button', { name: 'Veröffentlichen' }).click();
    await staff.waitForURL(/done=approved/);

    const reader = await phone();
    await signIn(reader, test.baseUrl, 'vorstand.giessen@example.org', password);
    await reader.goto(`${test.baseUrl}/pinboard?lang=de`);
    await reader.getByLabel('Art des Beitrags').selectOption('room_offered');
    await reader.getByLabel('Landkreis oder Stadt').selectOption('Kassel');
    await reader.getByRole('button', { name: 'Suchen' }).click();
    await check(reader, 'search');
    const title = reader.getByRole('link', { name: 'قاعة للمشاركة يوم السبت' });
    expect(await title.getAttribute('lang')).toBe('ar');
    await title.click();
    await reader.waitForURL(postUrl);
    await check(reader, 'post');
    await reader.getByLabel('Ihre Nachricht').fill('Wir suchen genau so einen Raum für unser Elterncafé. Wann können wir ihn ansehen?');
    await reader.getByRole('button', { name: 'Nachricht senden' }).click();
    await reader.waitForURL(/\/pinboard\/conversations\/\d+\?done=sent/);
    await check(reader, 'conversation');
    expect(await reader.content()).not.toContain('vorstand.kassel@example.org');

    const mail = await test.database.db.selectFrom('mail_outbox').select(['to_address', 'text_body']).where('kind', '=', 'pinboard.contact').executeTakeFirstOrThrow();
    expect(mail.to_address).toBe('vorstand.kassel@example.org');
    expect(mail.text_body).not.toContain('vorstand.giessen@example.org');
    const conversation = /\/pinboard\/conversations\/\d+/.exec(mail.text_body)![0];
    await author.goto(`${test.baseUrl}${conversation}?lang=ar`);
    await check(author, 'answer-ar');
    expect(await author.content()).toContain('Elterncafé');
    expect(await author.content()).not.toContain('vorstand.giessen@example.org');
  });
});
