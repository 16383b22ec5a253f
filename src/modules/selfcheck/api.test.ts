import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import { account, organisation } from '../../../test/factories.js';
import { fixSelfcheckClock } from './clock.test-support.js';
import { saveAnswers, startCheck, submitCheck } from './commands/checks.js';
import { currentChecklist, type ItemVersion } from './items.js';
import type { Answer } from './tables.js';

/*
 * GET /api/v1/selfcheck/aggregate: the overview's figures as JSON, exact for
 * staff, with the small-number rule for coordinator (their districts) and
 * funder; representatives are refused.
 */

let test: TestApp;
let staff: SignedIn;
let items: ItemVersion[];
const db = () => test.database.db;
let token = 0;

async function submitted(organisationId: number, answerOf: (item: ItemVersion) => Answer) {
  const { id } = await startCheck(db(), { organisationId, accountId: staff.accountId, token: `api-token-${++token}-abcdefghijkl`, withAdviser: true, consultationId: null });
  await saveAnswers(db(), id, items.map((item) => ({ itemKey: item.key, answer: answerOf(item), note: 'eine Notiz, die nie im API steht' })));
  await submitCheck(db(), id, staff.accountId, new Date('2031-01-05T10:00:00Z'), '2031-01-05');
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

describe(`the Vereins-Check aggregate API on ${testEngine}`, () => {
  it('gives staff exact counts, the funder and a coordinator small ones hidden, and refuses representatives', async () => {
    const target = items[5]!;
    for (let n = 0; n < 6; n++) {
      const { id } = await organisation(db(), { name: `Marburger API-Verein ${n}`, district: 'Marburg' });
      await submitted(id, (item) => (item.key === target.key && n < 2 ? 'not_yet' : 'done'));
    }
    for (let n = 0; n < 3; n++) {
      const { id } = await organisation(db(), { name: `Gießener API-Verein ${n}`, district: 'Gießen' });
      await submitted(id, (item) => (item.key === target.key ? 'not_yet' : 'in_progress'));
    }
    const api = (who: SignedIn, query = '') => test.app.inject({ method: 'GET', url: `/api/v1/selfcheck/aggregate${query}`, headers: { cookie: who.cookie } });
    const staffBody = (await api(staff)).json();
    expect(staffBody).toMatchObject({ district: null, orientation: null, organisations: 9, tooFew: false });
    expect(staffBody.items[0]).toEqual({ itemKey: target.key, areaKey: target.areaKey, counts: { done: 4, in_progress: 0, not_yet: 5, not_relevant: 0 } });

    const funder = await test.signIn('funder');
    const funderResponse = await api(funder);
    expect(funderResponse.json().items[0].counts).toEqual({ done: 'small', in_progress: 0, not_yet: 'withheld', not_relevant: 0 });
    expect((await api(funder, '?district=Gie%C3%9Fen')).json()).toEqual({ district: 'Gießen', orientation: null, organisations: 'small', tooFew: true, items: [] });

    // the coordinator of Marburg: Gießen is not theirs, so the filter is not applied and only Marburg counts
    const coordinator = await account(test, 'coordinator', { districts: ['Marburg'] });
    const mine = (await api(coordinator, '?district=Gie%C3%9Fen')).json();
    expect([mine.district, mine.organisations]).toEqual([null, 6]);
    expect(mine.items.find((item: { itemKey: string }) => item.itemKey === target.key).counts).toMatchObject({ not_yet: 'small', done: 'small' });

    for (const response of [funderResponse, await api(coordinator)]) {
      expect(response.body).not.toContain('API-Verein');
      expect(response.body).not.toContain('Notiz');
    }
    const representative = await account(test, 'representative', {});
    expect((await api(representative)).statusCode).toBe(403);
  });
});
