import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordNeed } from '../src/modules/concerns/index.js';
import { createAccount } from '../src/modules/identity/index.js';
import { accessibilityViolations, describeViolations, signIn, startBrowserTest, type BrowserTest } from './browser.js';
import { event, organisation } from './factories.js';

/**
 * An observation protocol written on a tablet (768 px, portrait), as the
 * evaluator does at the back of the room (issue 15): the list of events, the
 * protocol with two parallel workshops, the saved protocol telling that its
 * needs are in the needs log, and the next reflection meeting's agenda with
 * the open needs. axe on every page; no page is wider than the tablet; no
 * name of the directory shows anywhere, though the log entry names one.
 */
describe('an observation protocol on a tablet', () => {
  let test: BrowserTest;
  let eventId: number;
  const password = 'a long enough password';
  const names = ['Afghanischer Frauenverein Gießen', 'Gießen'];

  beforeAll(async () => {
    test = await startBrowserTest();
    const db = test.database.db;
    await createAccount(db, { email: 'evaluation@example.org', role: 'evaluator', password });
    const association = await organisation(db, { name: names[0], district: 'Landkreis Gießen' });
    eventId = (await event(db, { title: 'Schulung Öffentlichkeitsarbeit', format: 'training_application', startDate: '2019-03-09', organizer: 'centre' })).id;
    // staff wrote the association's name into an entry of the log: the evaluator's agenda shows counts, never titles
    await recordNeed(db, { title: `${names[0]} sucht einen Raum`, topic: 'rooms', raisedOn: '2019-03-01', organisationIds: [association.id], source: { kind: 'other' } });
  }, 120_000);
  afterAll(async () => test?.close());

  async function tablet(): Promise<Page> {
    const page = await test.newPage();
    await page.setViewportSize({ width: 768, height: 1024 });
    return page;
  }
  async function check(page: Page, name: string) {
    const violations = await accessibilityViolations(page);
    expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${page.url()} is wider than the tablet`).toBeLessThanOrEqual(0);
    const text = await page.evaluate(() => document.body.innerText + ' ' + [...document.querySelectorAll('textarea, input')].map((field) => (field as HTMLInputElement).value).join(' '));
    for (const leaked of names) expect(text, `${page.url()} shows a name of the directory`).not.toContain(leaked);
    if (process.env.MOSAIK_SCREENSHOTS) await page.screenshot({ path: `${process.env.MOSAIK_SCREENSHOTS}/evaluation-${name}.png`, fullPage: true });
  }

  it('is written, saved and its needs reach the log and the next agenda', async () => {
    const page = await tablet();
    await signIn(page, test.baseUrl, 'evaluation@example.org', password);
    await page.goto(`${test.baseUrl}/evaluation/observations`);
    await check(page, 'observations');
    await page.getByRole('link', { name: 'Schulung Öffentlichkeitsarbeit' }).click();
    await page.waitForURL(`${test.baseUrl}/evaluation/observations/${eventId}`);
    await check(page, 'protocol-empty');

    // the save button says what it does to an event not observed yet
    // an empty protocol: the error summary links to the field and says what to write
    await page.getByRole('button', { name: 'Als beobachtet markieren und Protokoll speichern' }).click();
    await page.getByRole('link', { name: /Das Protokoll ist leer/ }).first().waitFor();
    await check(page, 'protocol-error');

    await page.getByLabel('Verlauf der Veranstaltung').fill('Input zur Pressearbeit, danach zwei parallele Workshops und ein Plenum.');
    await page.getByLabel('Themen, die die Teilnehmenden einbrachten').fill('Wie erreicht ein kleiner Verein die Lokalzeitung?');
    await page.getByLabel('Geäußerte Bedarfe').fill('Vorlagen für Pressemitteilungen\nKontakte zur Lokalpresse');
    // the event's needs get a topic of the needs log; workshop 2's stay "Sonstiges" for staff to sort
    await page.getByLabel('Thema dieser Bedarfe im Bedarfslog (freiwillig)').selectOption('public_relations');
    await page.getByLabel('Was gut funktioniert hat').fill('Übungen an eigenen Texten');
    await page.getByLabel('Workshop 1: Titel').fill('Pressemitteilung schreiben');
    await page.getByLabel('Workshop 1: Notizen').fill('Alle schrieben einen Entwurf.');
    await page.getByLabel('Workshop 2: Titel').fill('Soziale Medien');
    await page.getByLabel('Workshop 2: Bedarfe').fill('Fotos mit Einwilligung');
    await page.getByRole('button', { name: 'Als beobachtet markieren und Protokoll speichern' }).click();
    await page.waitForURL(/\?saved=1$/);
    await check(page, 'protocol-saved');
    await expect(page.locator('#needs-log').innerText()).resolves.toContain('3 Bedarfe dieses Protokolls stehen im Bedarfslog');
    await expect(page.getByLabel('Workshop 2: Bedarfe').inputValue()).resolves.toBe('Fotos mit Einwilligung');
    await expect(page.getByLabel('Thema dieser Bedarfe im Bedarfslog (freiwillig)').inputValue()).resolves.toBe('public_relations');

    await page.goto(`${test.baseUrl}/evaluation/observations`);
    await expect(page.getByRole('cell', { name: 'ja, 3 Bedarfe' }).count()).resolves.toBe(1);

    // the agenda of the next meeting, prepared through the page's own form
    await page.goto(`${test.baseUrl}/evaluation/reflections/new`);
    await page.getByLabel('Tagesordnung vorbereiten für den').fill('2019-04-01');
    await page.getByRole('button', { name: 'Vorbereiten' }).click();
    await page.waitForURL(/agendaFor=2019-04-01/);
    await check(page, 'agenda');
    expect(await page.locator('[id]').evaluateAll((elements) => elements.map((element) => element.id).filter((id, index, ids) => ids.indexOf(id) !== index))).toEqual([]);
    const agenda = await page.getByLabel('Tagesordnung', { exact: true }).inputValue();
    expect(agenda).toContain('Schulung Öffentlichkeitsarbeit');
    expect(agenda).toContain('- Bedarf, offen (4, davon 4 neu): Öffentlichkeitsarbeit 2, Sonstiges 1, Räume 1');
  });
});
