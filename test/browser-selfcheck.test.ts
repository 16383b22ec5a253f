import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addOrganisationScopes, createAccount } from '../src/modules/identity/index.js';
import { fixSelfcheckClock } from '../src/modules/selfcheck/clock.test-support.js';
import { accessibilityViolations, describeViolations, signIn, startBrowserTest, type BrowserTest } from './browser.js';
import { event, organisation } from './factories.js';

/**
 * A Vereins-Check in Arabic (right to left) on a 390 px phone, as a
 * representative fills it in alone: the start page, every area one page at a
 * time (the first item of each area "not yet", the others "done", one note),
 * the overview, submit, and the result with its next steps — the upcoming
 * network meeting for the open networking item and a consultation request with
 * the topic filled in. axe on every page; no page wider than the phone. The
 * check's clock is fixed, so the result reads the same on any day.
 */
describe('the Vereins-Check in Arabic, on a phone', () => {
  let test: BrowserTest;
  const password = 'a long enough password';
  const today = '2031-03-02';
  let organisationId = 0;
  beforeAll(async () => {
    fixSelfcheckClock(new Date(`${today}T09:00:00Z`));
    test = await startBrowserTest();
    const db = test.database.db;
    const kassel = await organisation(db, { name: 'Syrischer Kulturverein Kassel', district: 'Kassel' });
    organisationId = kassel.id;
    const representative = await createAccount(db, { email: 'vorstand.kassel@example.org', role: 'representative', password });
    await addOrganisationScopes(db, representative.id, [kassel.id]);
    // network.civil_mo points to regional network meetings (the checklist's mapping, migration 160)
    await event(db, { format: 'regional_network_meeting', startDate: '2031-04-15', title: 'Regionales Netzwerktreffen Nordhessen' });
  });
  afterAll(async () => {
    fixSelfcheckClock(null);
    await test?.close();
  });

  async function phone(): Promise<Page> {
    const page = await test.newPage({ locale: 'ar' });
    await page.setViewportSize({ width: 390, height: 844 });
    return page;
  }
  async function check(page: Page, name: string, direction: 'rtl' | 'ltr' = 'rtl') {
    expect(await page.getAttribute('html', 'dir'), page.url()).toBe(direction);
    const violations = await accessibilityViolations(page);
    expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${page.url()} is wider than the phone`).toBeLessThanOrEqual(0);
    if (process.env.MOSAIK_SCREENSHOTS) await page.screenshot({ path: `${process.env.MOSAIK_SCREENSHOTS}/selfcheck-${name}.png`, fullPage: true });
  }

  it('is filled in area by area, submitted, and shows the next steps the centre offers', async () => {
    const page = await phone();
    await signIn(page, test.baseUrl, 'vorstand.kassel@example.org', password);
    await page.goto(`${test.baseUrl}/selfcheck?lang=ar`);
    await check(page, 'start-ar');
    await page.getByRole('button', { name: 'بدء فحص الجمعية' }).click();
    await page.waitForURL(/\/selfcheck\/checks\/\d+$/);
    const checkUrl = page.url();
    await check(page, 'draft-ar');
    // the first area from the overview; then "save and continue" through all twelve
    await page.locator('ol.mosaik-selfcheck-areas a').first().click();
    await page.waitForURL(/\/areas\/network/);
    let areas = 0;
    while (/\/areas\//.test(page.url())) {
      areas += 1;
      await check(page, `area-${areas}-ar`);
      const fieldsets = page.locator('fieldset');
      const count = await fieldsets.count();
      for (let index = 0; index < count; index++) {
        await fieldsets.nth(index).getByLabel(index === 0 ? 'ليس بعد' : 'تم', { exact: true }).check();
      }
      if (areas === 1) {
        await fieldsets.first().getByText('إضافة ملاحظة (اختياري)').click();
        await fieldsets.first().getByLabel('ملاحظة', { exact: true }).fill('نعرف جمعيتين فقط في المدينة.');
      }
      const next = page.getByRole('button', { name: areas < 12 ? 'حفظ ومتابعة' : 'حفظ والانتقال إلى النظرة العامة' });
      const before = page.url();
      await Promise.all([page.waitForURL((url) => url.href !== before), next.click()]);
      if (areas > 12) throw new Error('more areas than the checklist has');
    }
    expect(areas).toBe(12);
    expect(page.url().split('?')[0]).toBe(checkUrl);
    await check(page, 'overview-ar');
    await page.getByRole('button', { name: 'إرسال الفحص' }).click();
    await page.waitForURL(/\?done=submitted/);
    await check(page, 'result-ar');
    await expect(page.getByText('شكراً! تم حفظ فحصكم.').isVisible()).resolves.toBe(true);
    const steps = page.locator('#section-steps').locator('xpath=..');
    await expect(steps.getByRole('heading', { name: 'الخطوات التالية' }).isVisible()).resolves.toBe(true);
    // the open networking item leads to the upcoming meeting of its format and to a consultation on its topic
    await expect(steps.getByRole('link', { name: 'Regionales Netzwerktreffen Nordhessen' }).first().isVisible()).resolves.toBe(true);
    const request = steps.getByRole('link', { name: 'طلب استشارة حول هذا الموضوع' }).first();
    expect(await request.getAttribute('href')).toBe(`/my/consultation-requests/new?topic=other&organisation=${organisationId}`);
    expect(await page.content()).toContain('نعرف جمعيتين فقط في المدينة.');
    // the request form opens with the organisation and the topic chosen (the consultations' pages are
    // German or English for a signed-in account until their six languages are merged)
    await request.click();
    await page.waitForURL(/\/my\/consultation-requests\/new/);
    await check(page, 'request', (await page.getAttribute('html', 'dir')) === 'rtl' ? 'rtl' : 'ltr');
    expect(await page.locator(`input[name="organisation_id"][value="${organisationId}"]`).isChecked()).toBe(true);
    expect(await page.locator('input[name="topics"][value="other"]').isChecked()).toBe(true);
  });
});
