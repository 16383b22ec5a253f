import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import { account, organisation } from '../../../test/factories.js';
import { fixSelfcheckClock } from './clock.test-support.js';
import { saveAnswers, startCheck, submitCheck } from './commands/checks.js';
import { currentChecklist, type ItemVersion } from './items.js';
import type { Answer } from './tables.js';

/**
 * The adviser sees an organisation's Vereins-Checks on its page (issue 14):
 * staff find the submitted checks newest first with their dates and counts,
 * linked to each result and to the history with its comparison; the
 * association's representative, who has the history on /selfcheck, gets no
 * such section on the profile.
 */

let test: TestApp;
let staff: SignedIn;
let items: ItemVersion[];
const db = () => test.database.db;
let token = 0;

async function submitted(organisationId: number, answerOf: (index: number) => Answer, at: string): Promise<number> {
  const { id } = await startCheck(db(), { organisationId, accountId: staff.accountId, token: `section-token-${++token}-abcdefghijkl`, withAdviser: token === 1, consultationId: null });
  await saveAnswers(db(), id, items.map((item, index) => ({ itemKey: item.key, answer: answerOf(index), note: null })));
  expect(await submitCheck(db(), id, staff.accountId, new Date(`${at}T10:00:00Z`), at)).toEqual({ ok: true, already: false });
  return id;
}

beforeAll(async () => {
  fixSelfcheckClock(new Date('2031-03-02T09:00:00Z'));
  test = await createTestApp();
  staff = await test.signIn('staff');
  items = (await currentChecklist(db())).items;
}, 60_000);
afterAll(async () => {
  fixSelfcheckClock(null);
  await test?.close();
});

describe(`the Vereins-Check on the organisation's page on ${testEngine}`, () => {
  it('shows staff the checks with dates and counts, linked to the results and the history; not the representative', async () => {
    const { id: organisationId } = await organisation(db(), { name: 'Verein mit Verlauf', district: 'Kassel' });
    const older = await submitted(organisationId, (index) => (index < 4 ? 'not_yet' : 'done'), '2030-05-01');
    const latest = await submitted(organisationId, (index) => (index < 1 ? 'not_yet' : index < 3 ? 'in_progress' : 'done'), '2031-02-01');
    const page = await test.app.inject({ method: 'GET', url: `/organisations/${organisationId}?lang=en`, headers: { cookie: staff.cookie } });
    expect(page.statusCode).toBe(200);
    const section = page.body.slice(page.body.indexOf('<section class="kern-stack-sm" id="selfcheck"'));
    expect(section).toContain('data-selfcheck-checks="2"');
    expect(section.indexOf(`href="/selfcheck/checks/${latest}">2031-02-01`)).toBeGreaterThan(0);
    expect(section.indexOf(`href="/selfcheck/checks/${older}">2030-05-01`)).toBeGreaterThan(section.indexOf(`/selfcheck/checks/${latest}"`));
    expect(section).toContain(`href="/selfcheck/organisations/${organisationId}"`);
    expect(section).toContain('History and comparison of the last two checks');
    // the latest row: 1 not yet, 2 in progress, the rest done
    const latestRow = section.slice(section.indexOf(`/selfcheck/checks/${latest}"`), section.indexOf('</tr>', section.indexOf(`/selfcheck/checks/${latest}"`)));
    expect([...latestRow.matchAll(/>(\d+)<\/div><\/td>/g)].map((match) => Number(match[1]))).toEqual([items.length - 3, 2, 1, 0]);

    const representative = await account(test, 'representative', { organisationIds: [organisationId] });
    const own = await test.app.inject({ method: 'GET', url: `/organisations/${organisationId}`, headers: { cookie: representative.cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('id="selfcheck-title"');
  });

  it('says so when an organisation has no check yet', async () => {
    const { id: organisationId } = await organisation(db(), { name: 'Verein ohne Check', district: 'Fulda' });
    const page = await test.app.inject({ method: 'GET', url: `/organisations/${organisationId}`, headers: { cookie: staff.cookie } });
    expect(page.body).toContain('data-selfcheck-checks="0"');
    expect(page.body).toContain('Noch kein Check abgeschickt.');
  });
});
