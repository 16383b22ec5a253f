import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { importRecords } from '../imports/index.js';

/**
 * An event's feedback evaluation: coordinators read events of their districts
 * only; funder and evaluator see the figures but never the free-text answers,
 * which may name people.
 */
describe('who sees an event’s feedback evaluation', () => {
  let test: TestApp;
  let eventId: number;
  const openAnswer = 'Frau Özdemir hat toll moderiert';
  beforeAll(async () => {
    test = await createTestApp();
    const db = test.database.db;
    await importRecords(db, 'events', [{ event_key: 'rv-kassel', title: 'Vernetzungstreffen Kassel', format: 'regional_network_meeting', start_date: '2019-02-01', district: 'Kassel' }]);
    await importRecords(db, 'feedback', [{ event_key: 'rv-kassel', response_key: '1', q1: '1', q2: '2', comment_more: openAnswer }]);
    eventId = (await db.selectFrom('event').select('id').where('event_key', '=', 'rv-kassel').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => test.close());

  const get = (who: SignedIn) => test.app.inject({ method: 'GET', url: `/events/${eventId}/feedback`, headers: { cookie: who.cookie } });
  async function coordinatorOf(district: string) {
    const coordinator = await test.signIn('coordinator');
    await test.database.db.insertInto('account_scope').values({ account_id: coordinator.accountId, district, organisation_id: null }).execute();
    return coordinator;
  }

  it('shows staff the open answers, funder and evaluator only the figures', async () => {
    const staff = await get(await test.signIn('staff'));
    expect(staff.statusCode).toBe(200);
    expect(staff.body).toContain(openAnswer);
    for (const role of ['funder', 'evaluator'] as const) {
      const page = await get(await test.signIn(role));
      expect(page.statusCode, role).toBe(200);
      expect(page.body, role).toContain('Vernetzungstreffen Kassel');
      expect(page.body, role).not.toContain(openAnswer);
    }
  });

  it('shows a coordinator the events of their districts only', async () => {
    const inside = await get(await coordinatorOf('Kassel'));
    expect(inside.statusCode).toBe(200);
    expect(inside.body).toContain(openAnswer);
    expect((await get(await coordinatorOf('Fulda'))).statusCode).toBe(404);
  });
});
