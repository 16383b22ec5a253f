import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssue } from '../src/modules/newsletter/index.js';
import { queueIssue, startSending } from '../src/modules/newsletter/index.js';
import { createAccount } from '../src/modules/identity/index.js';
import { accessibilityViolations, describeViolations, startBrowserTest, type BrowserTest } from './browser.js';

/** The public newsletter pages in Chromium, German and Arabic, on a 390 px phone: sign-up, confirmation, unsubscribe, archive; axe on each. */
describe('the newsletter in Chromium', () => {
  let test: BrowserTest;
  let issueId: number;
  beforeAll(async () => {
    test = await startBrowserTest();
    const staff = await createAccount(test.database.db, { email: 'redaktion@example.org', role: 'staff', password: 'a long enough password' });
    issueId = await createIssue(test.database.db, { accountId: staff.id }, { de: { subject: 'Neuigkeiten im Mai', body: 'Hallo,\n\nneue Schulungen: https://example.org' }, ar: { subject: 'أخبار شهر مايو', body: 'مرحباً\n\nدورات جديدة' } });
    await startSending(test.database.db, { accountId: staff.id }, issueId, { topics: ['events'], languages: ['de', 'ar'] }, new Date());
    await queueIssue(test.database.db, issueId, { baseUrl: test.baseUrl, now: new Date() });
  });
  afterAll(async () => test?.close());

  async function expectAccessible(page: Page) {
    const violations = await accessibilityViolations(page);
    expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
    // nothing wider than the phone's screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }

  for (const [language, texts] of [
    ['de', { email: 'E-Mail-Adresse', events: 'Veranstaltungen und Schulungen', submit: 'Newsletter bestellen', confirm: 'Ja, ich möchte den Newsletter erhalten', unsubscribe: 'Newsletter abbestellen', sent: 'Bitte bestätigen Sie Ihre Adresse', subject: 'Neuigkeiten im Mai' }],
    ['ar', { email: 'عنوان البريد الإلكتروني', events: 'الفعاليات والدورات التدريبية', submit: 'اشترك', confirm: 'نعم، أريد تلقي النشرة', unsubscribe: 'إلغاء الاشتراك', sent: 'يرجى تأكيد عنوانك', subject: 'أخبار شهر مايو' }],
  ] as const) {
    it(`signs up, confirms and unsubscribes without JavaScript in ${language}`, async () => {
      const context = await test.browser.newContext({ bypassCSP: true, javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: language === 'ar' ? 'ar' : 'de-DE' });
      const page = await context.newPage();
      await page.goto(`${test.baseUrl}/newsletter?lang=${language}`);
      expect(await page.getAttribute('html', 'dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
      // axe needs script: a second page with JavaScript looks at the same addresses
      const withScript = await test.browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
      const axePage = await withScript.newPage();
      await axePage.goto(`${test.baseUrl}/newsletter?lang=${language}`);
      await expectAccessible(axePage);
      // first with nothing chosen: the error summary names the fields
      await axePage.getByRole('button', { name: texts.submit, exact: true }).click();
      expect(await axePage.locator('.mosaik-error-summary a[href="#email"]').count()).toBe(1);
      await expectAccessible(axePage);

      const email = `leser-${language}@example.org`;
      await page.getByLabel(texts.email).fill(email);
      await page.getByLabel(texts.events).check();
      await page.getByRole('button', { name: texts.submit, exact: true }).click();
      await page.waitForURL('**/newsletter/sent');
      expect(await page.textContent('main')).toContain(texts.sent);
      await axePage.goto(`${test.baseUrl}/newsletter/sent?lang=${language}`);
      await expectAccessible(axePage);

      const mail = await test.database.db.selectFrom('mail_outbox').select('text_body').where('to_address', '=', email).executeTakeFirstOrThrow();
      const link = /\/newsletter\/confirm\/[A-Za-z0-9_-]+/.exec(mail.text_body)![0];
      await page.goto(`${test.baseUrl}${link}`);
      await axePage.goto(`${test.baseUrl}${link}?lang=${language}`);
      await expectAccessible(axePage);
      await page.getByRole('button', { name: texts.confirm }).click();
      await page.waitForURL('**/newsletter/confirmed');
      await axePage.goto(`${test.baseUrl}/newsletter/confirmed?lang=${language}`);
      await expectAccessible(axePage);

      const { unsubscribe_token: token } = await test.database.db.selectFrom('newsletter_subscriber').select('unsubscribe_token').where('email', '=', email).executeTakeFirstOrThrow();
      await page.goto(`${test.baseUrl}/newsletter/unsubscribe/${token}`);
      await axePage.goto(`${test.baseUrl}/newsletter/unsubscribe/${token}?lang=${language}`);
      await expectAccessible(axePage);
      await page.getByRole('button', { name: texts.unsubscribe }).click();
      await page.waitForURL('**/newsletter/unsubscribed');
      const status = await test.database.db.selectFrom('newsletter_subscriber').select('status').where('email', '=', email).executeTakeFirstOrThrow();
      expect(status.status).toBe('unsubscribed');
      await axePage.goto(`${test.baseUrl}/newsletter/unsubscribed?lang=${language}`);
      await expectAccessible(axePage);
      await axePage.goto(`${test.baseUrl}/newsletter/unsubscribe?lang=${language}`);
      await expectAccessible(axePage);

      await axePage.goto(`${test.baseUrl}/newsletter/archive?lang=${language}`);
      expect(await axePage.textContent('main')).toContain(texts.subject);
      await expectAccessible(axePage);
      await axePage.goto(`${test.baseUrl}/newsletter/archive/${issueId}?lang=${language}`);
      await expectAccessible(axePage);
      await withScript.close();
      await context.close();
    });
  }
});
