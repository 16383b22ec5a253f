import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadDemo } from '../src/modules/demo/index.js';
import { createAccount } from '../src/modules/identity/index.js';
import { feedbackCodeFor } from '../src/modules/feedback/index.js';
import { accessibilityViolations, describeViolations, startBrowserTest, type BrowserTest } from './browser.js';

/*
 * Feedback forms in Chromium: the online form filled in in Arabic (right to
 * left), paper forms typed in with the keyboard only (a "16" refused on the
 * spot), the evaluation, paper form and annex pages; axe-core on each page.
 */
describe('feedback forms in Chromium', () => {
  let test: BrowserTest;
  let eventId: number;
  let code: string;
  beforeAll(async () => {
    test = await startBrowserTest();
    await loadDemo(test.database.db);
    await createAccount(test.database.db, { email: 'staff@example.org', role: 'staff', password: 'a long enough password' });
    eventId = (await test.database.db.selectFrom('event').select('id').where('event_key', '=', 'ev-2019-05-18').executeTakeFirstOrThrow()).id;
    code = await feedbackCodeFor(test.database.db, eventId);
  }, 180_000);
  afterAll(async () => test?.close());

  const expectAccessible = async (page: Page, label: string) => {
    const violations = await accessibilityViolations(page);
    expect(violations, `${label}\n${describeViolations(violations)}`).toEqual([]);
  };

  it('fills in the online form in Arabic, right to left, and thanks once', async () => {
    const page = await test.newPage({ locale: 'ar' });
    await page.goto(`${test.baseUrl}/f/${code}?lang=de`);
    await expectAccessible(page, 'online form, German');
    await page.goto(`${test.baseUrl}/f/${code}?lang=ar`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    await expectAccessible(page, 'online form, Arabic');
    await page.getByRole('group', { name: 'ما مدى إعجابك بالدورة التدريبية؟' }).getByLabel('1 – جيد جدًا').check();
    await page.getByRole('group', { name: 'هل كانت المدرِّبات مستعدات جيدًا؟' }).getByLabel('2 – جيد').check();
    await page.getByLabel('ماذا تود أن تقول أيضًا؟').fill('شكرًا جزيلًا');
    await page.getByRole('button', { name: 'إرسال الرأي' }).click();
    await page.waitForURL(/\/thanks/);
    expect(await page.textContent('h1')).toBe('شكرًا جزيلًا!');
    await expectAccessible(page, 'thank-you page, Arabic');
    const stored = await test.database.db.selectFrom('feedback_response').select(['language', 'channel']).where('event_id', '=', eventId).where('channel', '=', 'online').execute();
    expect(stored).toEqual([{ language: 'ar', channel: 'online' }]);
    // the same browser opening the link again is thanked, not given a second form
    await page.goto(`${test.baseUrl}/f/${code}?lang=ar`);
    expect(await page.textContent('h1')).toBe('تم إرسال الرأي مسبقًا');
    await expectAccessible(page, 'already sent, Arabic');
  });

  it('types in paper forms with the keyboard only, refusing a 16, and shows the staff pages', async () => {
    const page = await test.newPage();
    await page.goto(`${test.baseUrl}/sign-in?lang=de`);
    await page.getByLabel('E-Mail-Adresse').fill('staff@example.org');
    await page.getByLabel('Passwort').fill('a long enough password');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    await page.goto(`${test.baseUrl}/events/${eventId}/feedback/entry`);
    await expectAccessible(page, 'entry page');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q1');
    for (const value of ['1', '2', '16', '1', '2']) {
      await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Gute Beispiele');
    await page.keyboard.press('Enter');
    await page.waitForLoadState();
    expect(await page.getByRole('alert').first().textContent()).toContain('„16“ liegt nicht auf der Skala 1 bis 4');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q3');
    await expectAccessible(page, 'entry page with the refused 16');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await page.waitForURL(/saved=paper-1/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q1');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await page.waitForURL(/saved=paper-2/);
    expect(await page.locator('[data-response="paper-1"]').textContent()).toContain('Gute Beispiele');
    const ratings = await test.database.db
      .selectFrom('feedback_answer')
      .innerJoin('feedback_response', 'feedback_response.id', 'feedback_answer.response_id')
      .select('rating')
      .where('feedback_response.event_id', '=', eventId)
      .where('feedback_response.response_key', '=', 'paper-1')
      .where('rating', 'is not', null)
      .execute();
    expect(ratings.map((row) => row.rating).sort()).toEqual([1, 1, 1, 2, 2]);

    await page.goto(`${test.baseUrl}/events/${eventId}/feedback`);
    expect(await page.textContent('main')).toContain('1 = sehr gut; niedriger ist besser');
    await expectAccessible(page, 'evaluation page');
    await page.goto(`${test.baseUrl}/events/${eventId}/feedback/paper?language=ar`);
    expect(await page.getAttribute('article.feedback-paper', 'dir')).toBe('rtl');
    await expectAccessible(page, 'paper form, Arabic');
    await page.goto(`${test.baseUrl}/feedback/annex?from=2017-09-01&to=2019-08-31`);
    expect(await page.locator('[data-format="training_reporting"]').textContent()).toContain('1,75 (4)');
    await expectAccessible(page, 'annex page');
    await page.goto(`${test.baseUrl}/feedback/templates/training_application`);
    await expectAccessible(page, 'template page');
  });
});
